/**
 * File replay: recorded sensor logs turned back into the events and samples the live sensors
 * emit, so evaluations and tests push real homes through the same detectors in virtual time.
 * {@code CasasLog*} reads CASAS smart-home event logs (the CIL tab-separated layout and the classic
 * space-separated one) and drives a {@link org.hearth.time.VirtualScheduler} with them.
 */
package org.hearth.sensors.replay;
