package org.hearth.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param nextAt  when the next level of the escalation ladder will be told unless someone acknowledges first,
 *                as the gateway's escalation timer was set after this event; null when nothing further is
 *                scheduled (acknowledged, resolved, ladder exhausted, an alert that never escalates) and from a
 *                gateway that predates the field (left out on the wire when null)
 * @param nextTo  who that next level is, in words for people ("Helpline", "Sam, Ana"); null exactly when
 *                {@code nextAt} is
 */
public record AlertEvent(int v, UUID alertId, long seq, Instant at, String state, String event, String carer, int level,
                         String detail,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Down.Outcome outcome,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Instant nextAt,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String nextTo) {

    /** An event with no outcome and no next escalation. */
    public AlertEvent(int v, UUID alertId, long seq, Instant at, String state, String event, String carer, int level, String detail) {
        this(v, alertId, seq, at, state, event, carer, level, detail, null, null, null);
    }

    /** An event with an outcome (or none) and no next escalation. */
    public AlertEvent(int v, UUID alertId, long seq, Instant at, String state, String event, String carer, int level, String detail,
                      Down.Outcome outcome) {
        this(v, alertId, seq, at, state, event, carer, level, detail, outcome, null, null);
    }

    public AlertEvent {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
        carer = carer == null ? "" : carer;
        detail = detail == null ? "" : detail;
        if ((nextAt == null) != (nextTo == null)) {
            throw new IllegalArgumentException("next_at and next_to come together or not at all");
        }
        if (seq < 1) {
            throw new IllegalArgumentException("seq counts from 1, was " + seq);
        }
    }

    /** The hub's receipt for this event: {@code "{id}:{seq}"}. */
    public String receipt() {
        return alertId + ":" + seq;
    }
}
