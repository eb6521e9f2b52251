/**
 * Where the sensors are read: the Pi's own I2C and serial buses, or, on a mock platform (the
 * demo's simulated home, tests), emulated chips and radar modules at the configured addresses and
 * devices. {@link org.hearth.sensors.platform.SensorPlatform} is the one place that chooses, so the
 * gateway names no emulator.
 */
package org.hearth.sensors.platform;
