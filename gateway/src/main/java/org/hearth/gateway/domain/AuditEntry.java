package org.hearth.gateway.domain;

import java.time.Instant;
import java.util.UUID;

/** One line of an alert's history: the state it entered, when, and why, in plain words. */
public record AuditEntry(UUID alertId, Instant at, AlertState state, String detail) {
}
