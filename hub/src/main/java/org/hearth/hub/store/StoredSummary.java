package org.hearth.hub.store;

import java.time.Instant;

/** A home's latest summary, as its gateway sent it ({@code json} is the wire JSON). */
public record StoredSummary(String homeId, String json, Instant received) {
}
