package org.hearth.sensors.health;

import java.time.Instant;
import java.util.Objects;

/**
 * A sensor's status changed. The gateway raises a low-priority "sensor needs attention" alert on
 * a change to SUSPECT or OFFLINE and can close it on the change back to ONLINE.
 *
 * @param sensorId the sensor's configured id
 * @param room     its room
 * @param kind     what it is, as the config names it
 * @param previous the status before
 * @param current  the status now
 * @param reason   why, in plain words
 * @param at       when, by the injected clock
 * @param cause    what is at fault, for code: sensors that share a cause share one alert. A fault of
 *                 the sensor alone is {@link #ownCause}; one that takes down a whole group names the
 *                 group, as {@link #GPIO} does for every pin when GPIO cannot open
 */
public record HealthEvent(String sensorId, String room, String kind, HealthStatus previous, HealthStatus current,
                          String reason, Instant at, String cause) {

    /** The cause of every pin that fails because GPIO (the chip, or a pin) could not be opened. */
    public static final String GPIO = "gpio";
    /** The cause of every I2C sensor when I2C cannot start; a bus that is missing is {@code i2c-bus-N}. */
    public static final String I2C = "i2c";
    /** The cause of every BLE pendant when D-Bus (and so BlueZ) cannot be reached. */
    public static final String BLUETOOTH = "bluetooth";

    public HealthEvent {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(cause, "cause");
    }

    /** A change whose cause is the sensor's own. */
    public HealthEvent(String sensorId, String room, String kind, HealthStatus previous, HealthStatus current,
                       String reason, Instant at) {
        this(sensorId, room, kind, previous, current, reason, at, ownCause(sensorId));
    }

    /** The cause of a fault of this sensor alone. */
    public static String ownCause(String sensorId) {
        return "sensor:" + sensorId;
    }

    /** True when the sensor got worse: the change someone should hear about. */
    public boolean needsAttention() {
        return current.compareTo(previous) > 0;
    }

    /** "bme280 climate-lounge in lounge: OFFLINE (I2C read failed 3 times: Remote I/O error)". */
    public String describe() {
        return kind + " " + sensorId + " in " + room + ": " + current + " (" + reason + ")";
    }
}
