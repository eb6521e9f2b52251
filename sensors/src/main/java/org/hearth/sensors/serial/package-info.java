/**
 * Presence radar on a serial port through Pi4J's serial provider interface: the Seeed MR24HPC1's
 * frame protocol ({@link org.hearth.sensors.serial.Mr24hpc1Frame}), a decoder that survives
 * damaged and truncated frames and noise, and {@link org.hearth.sensors.serial.Radars}, which runs
 * one driver per radar on an injected scheduler and reports health like every other sensor.
 * Pi4J types stay inside this package.
 */
package org.hearth.sensors.serial;
