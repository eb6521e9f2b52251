/**
 * Register-level I2C drivers through Pi4J: the ADXL345 accelerometer (FIFO drained in batches),
 * and the BME280 and SHT31 temperature and humidity sensors (read once a minute, with the chip's
 * own compensation or CRC). {@link org.hearth.sensors.i2c.I2cSensors} runs them on an injected
 * scheduler and tells health supervision how each device is doing; an absent or wrong device is
 * an OFFLINE status with a plain reason, retried every minute, never an exception.
 * Pi4J types stay inside this package.
 */
package org.hearth.sensors.i2c;
