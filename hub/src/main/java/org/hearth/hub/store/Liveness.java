package org.hearth.hub.store;

import java.time.Duration;
import java.time.Instant;

/**
 * What the hub last heard from a home's gateway.
 *
 * @param lastHeartbeat when the hub received the last heartbeat (the hub's clock, not the gateway's)
 * @param interval      the interval that heartbeat announced
 * @param silent        whether GATEWAY SILENT is the newest event
 */
public record Liveness(String homeId, Instant lastHeartbeat, Duration interval, boolean silent) {
}
