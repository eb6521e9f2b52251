package org.hearth.hub.store;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert as a gateway sent it.
 *
 * @param json     the wire JSON, exactly as received
 * @param state    the state its newest event reported ({@code raised} until one arrives)
 * @param lastSeq  the newest event's {@code seq}, 0 before any
 */
public record StoredAlert(UUID id, String homeId, String json, Instant received, String state, long lastSeq) {
}
