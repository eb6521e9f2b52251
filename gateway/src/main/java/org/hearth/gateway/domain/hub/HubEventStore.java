package org.hearth.gateway.domain.hub;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.hearth.gateway.domain.AuditEntry;

/**
 * Which audit entries the hub has been told, durably: per alert, the number of its entries the
 * hub has acknowledged. An alert's events go to the hub once the hub holds the alert itself (a
 * carer through the hub has its delivery), from its first entry, so the hub sees every alert it
 * holds from the start; alerts the hub never held are never told.
 */
public interface HubEventStore {

    /**
     * The oldest entry, across alerts, the hub holds the alert of but has not acknowledged.
     *
     * @param hubCarers the names of the carers reached through the hub
     */
    Optional<Pending> nextUnsent(Collection<String> hubCarers);

    /** The hub acknowledged the alert's events up to {@code seq}. Durable before it returns. */
    void markSent(UUID alertId, long seq);

    /**
     * One audit entry still to tell.
     *
     * @param seq   its place in its alert's trail, from 1
     * @param level the alert's escalation level when it was written
     */
    record Pending(long seq, int level, AuditEntry entry) {
    }
}
