package org.hearth.hub.store;

import java.time.Instant;
import java.util.UUID;

/** One state change of an alert, as its gateway sent it ({@code json} is the wire JSON). */
public record StoredEvent(UUID alertId, long seq, String json, Instant received) {
}
