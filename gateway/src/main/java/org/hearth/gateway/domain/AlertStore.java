package org.hearth.gateway.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Durable alerts, their audit trail and the outbox. {@link #save} writes the alert, its audit
 * entry and its outbox rows in one durable transaction, before anything is said or sent.
 */
public interface AlertStore {

    /** Inserts or updates the alert, appends the audit entry and queues the outbox rows, atomically and durably. */
    void save(Alert alert, AuditEntry audit, List<Outbox> queue);

    /** Appends an audit entry without changing the alert, for example "delivered to Priya". */
    void audit(AuditEntry audit);

    Optional<Alert> find(UUID id);

    /** Alerts not yet resolved, oldest first. */
    List<Alert> open();

    /** The audit trail of one alert, oldest first. */
    List<AuditEntry> history(UUID id);

    /** Undelivered outbox entries, in the order they were queued. */
    List<OutboxEntry> pending();

    void markDelivered(long seq, Instant at);

    /** An outbox row to queue: the store assigns its sequence and creation time. */
    record Outbox(String carer, int level) {
    }
}
