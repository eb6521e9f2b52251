package org.hearth.protocol;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A carer closes an alert, saying how it ended: POST {@code /alerts/{id}/resolve} on the gateway.
 * The gateway keeps the outcome and note in the alert's audit trail; a resolved alert is deleted
 * after the retention period (docs/privacy.md).
 *
 * @param v       protocol version
 * @param alertId the alert closed
 * @param by      the carer's name as paired
 * @param at      when the carer closed it, by the carer's clock
 * @param outcome how it ended; the same outcomes a carer gives through the hub
 * @param note    optional words for the audit trail, for example "Sat her in the chair"; may be empty
 */
public record Resolution(int v, UUID alertId, String by, Instant at, Down.Outcome outcome, String note) {

    public Resolution {
        Objects.requireNonNull(alertId, "a resolution needs alert_id");
        Objects.requireNonNull(by, "a resolution needs by");
        Objects.requireNonNull(at, "a resolution needs at");
        Objects.requireNonNull(outcome, "a resolution needs outcome");
        note = note == null ? "" : note;
    }
}
