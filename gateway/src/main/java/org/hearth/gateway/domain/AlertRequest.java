package org.hearth.gateway.domain;

import java.util.Objects;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Severity;

/**
 * What a detector, a sensor or an intent asks for: an alert, explained in plain words.
 *
 * @param kind     what happened
 * @param severity how urgent
 * @param room     where; empty when not tied to a room
 * @param message  the explanation a carer reads, for example
 *                 "No movement in the kitchen since 07:40. Usually by 08:15 ± 30 min."
 * @param preAlarm true to ask the resident first and let them cancel; false when the resident
 *                 asked for help themselves (pull cord, help button, "help")
 * @param test     an installer's test alert
 */
public record AlertRequest(AlertKind kind, Severity severity, String room, String message, boolean preAlarm, boolean test) {

    public AlertRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        room = room == null ? "" : room;
    }

    public static AlertRequest urgent(AlertKind kind, String room, String message, boolean preAlarm) {
        return new AlertRequest(kind, Severity.URGENT, room, message, preAlarm, false);
    }
}
