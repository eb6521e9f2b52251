package org.hearth.protocol;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A state change the gateway made to an alert, told to the hub: POST {@code /v1/alerts/{id}/events}
 * (docs/hub-api.md §2). The hub applies each once, in {@code seq} order.
 *
 * @param v       protocol version
 * @param alertId the alert
 * @param seq     counts the alert's own events from 1, so a retry is recognised and order kept
 * @param at      when the gateway made the change
 * @param state   the alert's state after it, in lower case: {@code raised}, {@code acknowledged} ...
 * @param event   what happened, the gateway's audit event name: {@code RAISED}, {@code ACKNOWLEDGED} ...
 * @param carer   the carer it concerns, or "" for none
 * @param level   the alert's escalation level when it happened
 * @param detail  words for people; never parsed
 * @param outcome how a carer said the alert ended, on the event that closed it by their resolution;
 *                null on every other event, and from a gateway that predates the field (left out on the wire when null)
 */
public record AlertEvent(int v, UUID alertId, long seq, Instant at, String state, String event, String carer, int level,
                         String detail,
                         @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                         Down.Outcome outcome) {

    /** An event with no outcome: every event but a carer's resolution. */
    public AlertEvent(int v, UUID alertId, long seq, Instant at, String state, String event, String carer, int level, String detail) {
        this(v, alertId, seq, at, state, event, carer, level, detail, null);
    }

    public AlertEvent {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
        carer = carer == null ? "" : carer;
        detail = detail == null ? "" : detail;
        if (seq < 1) {
            throw new IllegalArgumentException("seq counts from 1, was " + seq);
        }
    }

    /** The hub's receipt for this event: {@code "{id}:{seq}"}. */
    public String receipt() {
        return alertId + ":" + seq;
    }
}
