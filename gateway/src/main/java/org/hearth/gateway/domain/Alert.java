package org.hearth.gateway.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Severity;

/**
 * An alert as the gateway keeps it.
 *
 * @param id         a random UUID, the same in every copy sent, so carers deduplicate
 * @param kind       what happened
 * @param severity   how urgent
 * @param room       where; may be empty
 * @param message    the explanation, in plain words
 * @param createdAt  when it was first detected (the start of any pre-alarm)
 * @param state      where it is in its life
 * @param level      the highest escalation level told so far; 0 before it is raised
 * @param levelSince when {@code level} was reached; escalation times from here
 * @param test       an installer's test alert
 */
public record Alert(UUID id, AlertKind kind, Severity severity, String room, String message, Instant createdAt,
                    AlertState state, int level, Instant levelSince, boolean test) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(levelSince, "levelSince");
    }

    public static Alert detected(AlertRequest request, UUID id, Instant now) {
        return new Alert(id, request.kind(), request.severity(), request.room(), request.message(), now,
                AlertState.PRE_ALARM, 0, now, request.test());
    }

    public Alert withState(AlertState newState) {
        return new Alert(id, kind, severity, room, message, createdAt, newState, level, levelSince, test);
    }

    public Alert atLevel(int newLevel, Instant since) {
        return new Alert(id, kind, severity, room, message, createdAt, state, newLevel, since, test);
    }
}
