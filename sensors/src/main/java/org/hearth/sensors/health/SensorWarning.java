package org.hearth.sensors.health;

/**
 * The standing faults a sensor can work through, each set and cleared on its own: a pendant can be
 * low on battery and lying unworn at once, and charging it must not clear "not worn".
 */
public enum SensorWarning {
    /** What a driver reports through {@link HealthReporter#reportWarning(String, String)}. */
    GENERAL,
    /** Its battery is at or below its threshold. */
    BATTERY_LOW,
    /** A worn sensor that has not moved at all for hours while the home was active. */
    NOT_WORN
}
