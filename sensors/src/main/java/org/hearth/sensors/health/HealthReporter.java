package org.hearth.sensors.health;

/**
 * How drivers tell supervision what happened to their device. {@link HealthSupervisor} is the
 * implementation; drivers depend only on this.
 */
public interface HealthReporter {

    /** How often a sensor that could not be opened is tried again, on I2C and on GPIO alike. */
    java.time.Duration RETRY_EVERY = java.time.Duration.ofMinutes(1);

    /** Starts supervising {@code sensor}; it starts ONLINE, waiting for its first report. */
    void watch(SupervisedSensor sensor);

    /** The sensor reported: an event, or a good reading. Clears failures and silence. */
    void reportOk(String sensorId);

    /**
     * One operation on the sensor failed. After a few in a row the sensor is OFFLINE with
     * the reason "{@code action} failed N times: {@code cause}".
     *
     * @param action what failed, for example {@code I2C read}
     * @param cause  why, as the system said it, for example {@code Remote I/O error}
     */
    void reportFailure(String sensorId, String action, String cause);

    /** The sensor cannot work at all (device missing, wrong chip, no bus): OFFLINE at once, with {@code reason}. */
    default void reportOffline(String sensorId, String reason) {
        reportOffline(sensorId, HealthEvent.ownCause(sensorId), reason);
    }

    /**
     * As {@link #reportOffline(String, String)}, for a fault shared with other sensors: they all
     * name the same {@code cause} (see {@link HealthEvent#cause()}).
     */
    void reportOffline(String sensorId, String cause, String reason);

    /**
     * A fault the sensor works on through, such as a low battery: it is SUSPECT with {@code warning}
     * as its reason, even while it reports, until the warning is cleared with null.
     */
    void reportWarning(String sensorId, String warning);

    /**
     * As {@link #reportWarning(String, String)}, for one of several warnings the sensor may have at
     * once; each is set and cleared on its own, and it is SUSPECT while any stands. A reporter that
     * keeps one warning (the wizard's hardware check) may ignore {@code which}.
     */
    default void reportWarning(String sensorId, SensorWarning which, String warning) {
        reportWarning(sensorId, warning);
    }

    /**
     * The sensor could be opened again after being OFFLINE: ONLINE, waiting for its first event.
     * Unlike {@link #reportOk} this is not a report from the sensor, so its silence is timed from now.
     */
    void reportReady(String sensorId);
}
