package org.hearth.hub.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the hub's live stream (docs/hub-api.md §3, "Live updates"), written by the store in
 * the same transaction as what it tells of, so nothing stored goes untold and nothing is told that
 * was not stored.
 *
 * @param id    from the hub's one durable, increasing sequence; a client's {@code Last-Event-ID}
 * @param json  the alert's or event's or summary's wire JSON as received; empty for the gateway kinds
 * @param at    when the hub stored it
 */
public record StreamEvent(long id, String homeId, Kind kind, String json, Instant at) {

    public enum Kind {
        /** A new alert. */
        ALERT,
        /** A new state change of an alert. */
        ALERT_EVENT,
        /** A new summary of the home. */
        SUMMARY,
        /** GATEWAY SILENT. */
        GATEWAY_SILENT,
        /** GATEWAY BACK. */
        GATEWAY_BACK
    }

    public StreamEvent {
        Objects.requireNonNull(homeId, "homeId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(at, "at");
    }
}
