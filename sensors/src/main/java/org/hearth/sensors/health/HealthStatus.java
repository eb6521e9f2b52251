package org.hearth.sensors.health;

/** How a sensor is doing, from best to worst. */
public enum HealthStatus {
    /** Reporting as expected. */
    ONLINE,
    /** Answering, but silent for longer than this sensor should be: perhaps a flat battery or a moved sensor. */
    SUSPECT,
    /** Cannot be read: the device is missing, answers as the wrong chip, or keeps failing. */
    OFFLINE
}
