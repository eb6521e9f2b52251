package org.hearth.hub.store;

import java.time.Instant;
import java.util.Objects;

/** A home's gateway fell silent or came back, as the hub saw it. */
public record GatewayEvent(String homeId, Instant at, Kind kind) {

    public enum Kind {
        /** No heartbeat for three intervals. */
        SILENT,
        /** A heartbeat after SILENT. */
        BACK
    }

    public GatewayEvent {
        Objects.requireNonNull(homeId, "homeId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
    }
}
