package org.hearth.sensors;

import java.time.Instant;
import java.util.Objects;

/**
 * A debounced change of a digital sensor.
 *
 * @param sensorId the sensor's configured id
 * @param room     the sensor's room
 * @param kind     the sensor's kind
 * @param active   true when the sensor became active (motion, open, pressed, pulled)
 * @param at       when, by the injected clock
 */
public record SensorEvent(String sensorId, String room, SensorKind kind, boolean active, Instant at) {

    public SensorEvent {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
