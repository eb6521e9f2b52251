package org.hearth.sensors.health;

/**
 * How drivers tell supervision what happened to their device. {@link HealthSupervisor} is the
 * implementation; drivers depend only on this.
 */
public interface HealthReporter {

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
    void reportOffline(String sensorId, String reason);
}
