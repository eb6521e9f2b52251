package org.hearth.sensors;

import java.time.Instant;
import java.util.Objects;

/**
 * A presence radar's reading changed.
 *
 * @param sensorId the radar's configured id
 * @param room     its room
 * @param presence what it sees now
 * @param at       when, by the injected clock
 */
public record PresenceEvent(String sensorId, String room, Presence presence, Instant at) {

    public PresenceEvent {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(at, "at");
    }
}
