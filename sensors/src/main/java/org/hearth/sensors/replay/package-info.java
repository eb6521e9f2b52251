/**
 * File replay: recorded sensor data read back as the readings a live sensor would produce, for
 * the demo, tests and the {@code hearth eval} commands. {@link org.hearth.sensors.replay.SisFallTrial}
 * reads one trial of the public SisFall data set (Sucerquia et al., Sensors 2017) as
 * {@link org.hearth.sensors.AccelSample}s.
 */
package org.hearth.sensors.replay;
