package org.hearth.sensors.health;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of {@code hearth status}: a sensor, how it is, why, and when it last reported.
 *
 * @param sensorId  the sensor's configured id
 * @param room      its room
 * @param kind      what it is, as the config names it
 * @param status    ONLINE, SUSPECT or OFFLINE
 * @param reason    why, in plain words, for example {@code I2C read failed 3 times: Remote I/O error}
 * @param lastEvent when it last reported (an event, or a good reading); empty if never since start
 */
public record SensorHealth(String sensorId, String room, String kind, HealthStatus status, String reason,
                           Optional<Instant> lastEvent) {

    public SensorHealth {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(lastEvent, "lastEvent");
    }

    /** "OFFLINE (I2C read failed 3 times: Remote I/O error)". */
    public String describe() {
        return status + " (" + reason + ")";
    }
}
