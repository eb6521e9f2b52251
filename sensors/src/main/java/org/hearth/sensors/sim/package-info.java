/**
 * Emulated I2C devices for the demo's simulated home, tests and benchmarks. Each emulator
 * implements its datasheet's register semantics (ADXL345 FIFO filling at the data rate, BME280
 * calibration and forced measurements, SHT31 commands and CRC) on a {@link SimulatedI2cBus}, which
 * also injects faults: an absent device, a device that starts failing, a wrong chip id.
 * Nothing here knows Pi4J; the {@code i2c} package puts a Pi4J provider in front of the bus.
 * {@link org.hearth.sensors.sim.WornTrace} makes a worn accelerometer's movement (standing, walking,
 * falling), which the emulated pendant plays and the fall detector's tests read.
 */
package org.hearth.sensors.sim;
