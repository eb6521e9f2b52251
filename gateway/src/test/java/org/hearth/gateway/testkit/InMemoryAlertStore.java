package org.hearth.gateway.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AlertStore;
import org.hearth.gateway.domain.AuditEntry;
import org.hearth.gateway.domain.OutboxEntry;

/** The alert store in memory, with the same ordering rules as SQLite. */
public final class InMemoryAlertStore implements AlertStore {

    private final Map<UUID, Alert> alerts = new LinkedHashMap<>();
    private final List<AuditEntry> audit = new ArrayList<>();
    private final List<OutboxEntry> outbox = new ArrayList<>();
    private final Map<Long, Instant> delivered = new LinkedHashMap<>();
    private long seq;

    @Override
    public void save(Alert alert, AuditEntry entry, List<Outbox> queue) {
        alerts.put(alert.id(), alert);
        audit.add(entry);
        queue.forEach(o -> outbox.add(new OutboxEntry(++seq, alert.id(), o.carer(), o.level(), entry.at())));
    }

    @Override
    public void audit(AuditEntry entry) {
        audit.add(entry);
    }

    @Override
    public Optional<Alert> find(UUID id) {
        return Optional.ofNullable(alerts.get(id));
    }

    @Override
    public List<Alert> open() {
        return alerts.values().stream().filter(a -> a.state().isOpen()).toList();
    }

    /** Every alert, resolved ones too, in the order first stored. */
    public List<Alert> all() {
        return List.copyOf(alerts.values());
    }

    @Override
    public List<AuditEntry> history(UUID id) {
        return audit.stream().filter(a -> a.alertId().equals(id)).toList();
    }

    @Override
    public List<OutboxEntry> pending() {
        return outbox.stream().filter(o -> !delivered.containsKey(o.seq())).toList();
    }

    @Override
    public void markDelivered(long s, Instant at) {
        delivered.put(s, at);
    }
}
