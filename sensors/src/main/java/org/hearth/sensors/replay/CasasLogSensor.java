package org.hearth.sensors.replay;

import java.util.Objects;
import org.hearth.sensors.SensorKind;

/**
 * Where a CASAS sensor is and what it senses, as {@link CasasLogNaming} guesses from its name.
 *
 * @param room the room, in the words an installer would use ("kitchen", "bedroom 2", "entry")
 * @param kind what kind of sensor it behaves like
 */
public record CasasLogSensor(String room, SensorKind kind) {

    public CasasLogSensor {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(kind, "kind");
    }
}
