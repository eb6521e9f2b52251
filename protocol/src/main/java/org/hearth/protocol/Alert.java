package org.hearth.protocol;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An alert as a carer receives it: POST {@code /alerts} on the carer endpoint.
 *
 * @param v        protocol version, {@link Protocol#VERSION}
 * @param id       unique per alert; retries reuse it, so carers deduplicate on it
 * @param kind     what happened
 * @param severity how urgent it is
 * @param home     the home's pseudonymous label, never the resident's full name
 * @param room     where, as the installer named the room; may be empty
 * @param raisedAt when the alert was raised
 * @param level    the escalation level this copy was sent for, from 1
 * @param message  what happened, in plain words in the carer's language
 * @param test     true for an installer's test alert, which nobody must act on
 */
public record Alert(int v, UUID id, AlertKind kind, Severity severity, String home, String room,
                    Instant raisedAt, int level, String message, boolean test) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(message, "message");
        room = room == null ? "" : room;
        if (level < 1) {
            throw new IllegalArgumentException("level must be 1 or more, was " + level);
        }
    }
}
