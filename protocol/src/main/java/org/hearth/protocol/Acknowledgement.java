package org.hearth.protocol;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A person has taken charge of an alert: POST {@code /alerts/{id}/ack} on the gateway.
 * A delivery receipt is not an acknowledgement; only this is.
 *
 * @param v       protocol version
 * @param alertId the alert acknowledged
 * @param by      the carer's name as paired
 * @param at      when the carer pressed "on my way", by the carer's clock
 * @param note    optional words for the resident, for example "on my way"; may be empty
 */
public record Acknowledgement(int v, UUID alertId, String by, Instant at, String note) {

    public Acknowledgement {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        note = note == null ? "" : note;
    }
}
