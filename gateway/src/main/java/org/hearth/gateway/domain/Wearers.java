package org.hearth.gateway.domain;

import java.util.Map;
import java.util.Optional;

/**
 * Whose wearable is whose, in a home of more than one resident: sensor id to the resident's name
 * (the installer's, as carers know them: "Dad"). A fall alert and a worn sensor's health alert then
 * name the person, since in a home of two a carer must know whom to ask for.
 */
public record Wearers(Map<String, String> byId) {

    /** No wearable assigned to anyone: the words stay as in a home of one. */
    public static final Wearers NONE = new Wearers(Map.of());

    public Wearers {
        byId = Map.copyOf(byId);
    }

    /** The resident who wears this sensor, if it is assigned to one. */
    public Optional<String> of(String sensorId) {
        return Optional.ofNullable(byId.get(sensorId));
    }
}
