package org.hearth.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the hub holds for a gateway: the notifications of GET {@code /v1/down} with Observe
 * (docs/hub-api.md §2). The gateway applies each entry durably, then DELETEs
 * {@code /v1/down/{seq}}; an entry not deleted is sent again.
 */
public record Down(int v, List<Entry> entries) {

    /** A carer acknowledged through the hub: {@link Entry#ack()} is set. */
    public static final String ACK = "ack";
    /** A carer closed the alert with an outcome. */
    public static final String RESOLVE = "resolve";
    /** A carer asked for a fresh summary. */
    public static final String CHECK_NOW = "check_now";
    /** A carer's device received the alert. */
    public static final String DELIVERED = "delivered";

    public Down {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** How a carer closed an alert, through the hub or from their own device ({@link Resolution}). */
    public enum Outcome {
        RESIDENT_FINE, HELPED_UP, AMBULANCE_CALLED, FALSE_ALARM, OTHER;

        /** The outcome as people say it, for example "helped up": for audit trails and prompts, never read back. */
        public String words() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }

        /** The outcome as it goes on the wire, for example "helped_up". */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One entry. Which fields are set depends on {@code kind}: {@code ack} carries {@code ack} and
     * {@code device}; {@code resolve} carries {@code alertId}, {@code by}, {@code at},
     * {@code outcome} and {@code note}; {@code check_now} carries nothing more. A kind this side
     * does not know is kept as it came, for the reader to leave alone.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Entry(long seq, String kind, Acknowledgement ack, String device, UUID alertId, String by, Instant at,
                        Outcome outcome, String note) {

        public Entry {
            Objects.requireNonNull(kind, "kind");
            switch (kind) {
                case ACK -> Objects.requireNonNull(ack, "an ack entry needs ack");
                case RESOLVE -> {
                    Objects.requireNonNull(alertId, "a resolve entry needs alert_id");
                    Objects.requireNonNull(by, "a resolve entry needs by");
                    Objects.requireNonNull(outcome, "a resolve entry needs outcome");
                }
                default -> {
                }
            }
        }

        public static Entry ack(long seq, Acknowledgement ack, String device) {
            return new Entry(seq, ACK, ack, device, null, null, null, null, null);
        }

        public static Entry resolve(long seq, UUID alertId, String by, Instant at, Outcome outcome, String note) {
            return new Entry(seq, RESOLVE, null, null, alertId, by, at, outcome, note);
        }

        public static Entry checkNow(long seq) {
            return new Entry(seq, CHECK_NOW, null, null, null, null, null, null, null);
        }
    }
}
