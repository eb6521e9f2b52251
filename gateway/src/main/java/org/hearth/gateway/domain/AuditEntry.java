package org.hearth.gateway.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hearth.protocol.Down;

/**
 * One line of an alert's history: the state it entered, when, what happened (for code) and why
 * (in plain words, for people). Code reads {@link #event()} and {@link #carer()}, never
 * {@link #detail()}: rewording a detail must never change behaviour.
 *
 * @param carer   the carer the event is about (delivered to, acknowledged by), or "" for none
 * @param outcome how the carer said it ended, on a carer's {@link Event#RESOLVED}; null on every other
 *                entry and on entries written before outcomes were kept as values (schema v6 and older)
 * @param next    the next level of the escalation, as it stood after this entry: null when none is due
 */
public record AuditEntry(UUID alertId, Instant at, AlertState state, Event event, String carer, String detail,
                         Down.Outcome outcome, NextLevel next) {

    /**
     * The next level of the escalation ladder to be told unless a carer acknowledges first.
     *
     * @param at   when its timer is due
     * @param who  its carers' names, for people ("Helpline", "Sam, Ana")
     */
    public record NextLevel(Instant at, int level, String who) {
        public NextLevel {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(who, "who");
        }
    }

    /** What happened. */
    public enum Event {
        /** A detector's finding: the resident is asked first (pre-alarm). */
        ASKING_RESIDENT,
        /** Raised to the first level. */
        RAISED,
        /** An installer's test, sent to every level at once. */
        TEST_SENT,
        /** The resident said they are fine, by button or voice. */
        CANCELLED_BY_RESIDENT,
        /** A carer's device received it. */
        DELIVERED,
        /**
         * A carer's own device said it received the alert (a receipt the care hub passed down: its
         * web app's live connection or its service worker after a push). Not an acknowledgement:
         * the escalation goes on. {@link AuditEntry#at()} is when the device received it.
         */
        RECEIVED_ON_DEVICE,
        /** A carer took charge. */
        ACKNOWLEDGED,
        /** A carer said again that they took charge (a retry, or a second device). */
        ACKNOWLEDGED_AGAIN,
        /** Moved up to the next level. */
        ESCALATED,
        /** Due to move up, but every level already knows. */
        LADDER_EXHAUSTED,
        /** Closed. */
        RESOLVED,
        /** Closed by itself: every sensor a sensor-health alert was about works again. */
        SENSOR_RECOVERED,
        /** An entry written before events were typed (schema v3 and older); only its words are known. */
        NOTE
    }

    public AuditEntry {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
        carer = carer == null ? "" : carer;
        Objects.requireNonNull(detail, "detail");
    }

    /** An entry with no outcome and no next level due. */
    public AuditEntry(UUID alertId, Instant at, AlertState state, Event event, String carer, String detail) {
        this(alertId, at, state, event, carer, detail, null, null);
    }

    /** An entry about no carer in particular. */
    public AuditEntry(UUID alertId, Instant at, AlertState state, Event event, String detail) {
        this(alertId, at, state, event, "", detail);
    }

    /** The same entry, with the next level of the escalation as it stands after it (null: none). */
    public AuditEntry withNext(NextLevel next) {
        return new AuditEntry(alertId, at, state, event, carer, detail, outcome, next);
    }

    /** True when this entry is {@code event} concerning {@code carer}. */
    public boolean is(Event event, String carer) {
        return this.event == event && this.carer.equals(carer);
    }
}
