/**
 * File replay: recorded sensor data read back as the events and samples the live sensors emit,
 * so evaluations and tests push real homes through the same detectors in virtual time.
 * {@code CasasLog*} reads CASAS smart-home event logs (the CIL tab-separated layout and the
 * classic space-separated one); {@link org.hearth.sensors.replay.SisFallTrial} reads one trial of
 * the public SisFall data set (Sucerquia et al., Sensors 2017) as
 * {@link org.hearth.sensors.AccelSample}s. Malformed lines are counted and reported by number.
 */
package org.hearth.sensors.replay;
