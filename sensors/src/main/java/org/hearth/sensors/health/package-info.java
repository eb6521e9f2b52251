/**
 * Health supervision: every sensor, digital or I2C, is ONLINE, SUSPECT (silent longer than it
 * should be) or OFFLINE (I/O errors, device missing), with a reason in plain words. Status changes
 * go out as {@link org.hearth.sensors.health.HealthEvent}s, which the gateway turns into
 * low-priority "sensor needs attention" alerts; {@code hearth status} reads a snapshot.
 * Silence is checked on a timer on the injected scheduler, so it is tested in virtual time.
 */
package org.hearth.sensors.health;
