package org.hearth.gateway.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AlertState;
import org.hearth.gateway.domain.AlertStore;
import org.hearth.gateway.domain.AuditEntry;
import org.hearth.gateway.domain.OutboxEntry;
import org.hearth.gateway.domain.hub.HubEventStore;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Down;
import org.hearth.protocol.Severity;

/**
 * Alerts, audit and outbox in SQLite, and which audit entries the care hub has been told; every
 * change commits durably.
 */
public final class SqliteAlertStore implements AlertStore, HubEventStore {

    private final SqliteDatabase db;

    public SqliteAlertStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void save(Alert a, AuditEntry audit, List<Outbox> queue) {
        db.inTransaction(true, () -> {
            try (PreparedStatement ps = db.connection().prepareStatement("""
                    INSERT INTO alerts(id, kind, severity, room, message, created_at, state, level, level_since, test)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET state = excluded.state, level = excluded.level,
                      level_since = excluded.level_since""")) {
                ps.setString(1, a.id().toString());
                ps.setString(2, a.kind().name());
                ps.setString(3, a.severity().name());
                ps.setString(4, a.room());
                ps.setString(5, a.message());
                ps.setLong(6, a.createdAt().toEpochMilli());
                ps.setString(7, a.state().name());
                ps.setInt(8, a.level());
                ps.setLong(9, a.levelSince().toEpochMilli());
                ps.setInt(10, a.test() ? 1 : 0);
                ps.executeUpdate();
            }
            insertAudit(audit);
            try (PreparedStatement ps = db.connection().prepareStatement(
                    "INSERT INTO outbox(alert_id, carer, level, created) VALUES (?, ?, ?, ?)")) {
                for (Outbox o : queue) {
                    ps.setString(1, a.id().toString());
                    ps.setString(2, o.carer());
                    ps.setInt(3, o.level());
                    ps.setLong(4, audit.at().toEpochMilli());
                    ps.executeUpdate();
                }
            }
        });
    }

    @Override
    public void audit(AuditEntry audit) {
        db.inTransaction(true, () -> insertAudit(audit));
    }

    private void insertAudit(AuditEntry audit) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "INSERT INTO audit(alert_id, at, state, detail, event, carer, level, outcome, next_at, next_level, next_to)"
                        + " VALUES (?, ?, ?, ?, ?, ?, (SELECT level FROM alerts WHERE id = ?), ?, ?, ?, ?)")) {
            ps.setString(1, audit.alertId().toString());
            ps.setLong(2, audit.at().toEpochMilli());
            ps.setString(3, audit.state().name());
            ps.setString(4, audit.detail());
            ps.setString(5, audit.event().name());
            ps.setString(6, audit.carer());
            ps.setString(7, audit.alertId().toString());
            ps.setString(8, audit.outcome() == null ? null : audit.outcome().name());
            AuditEntry.NextLevel next = audit.next();
            ps.setObject(9, next == null ? null : next.at().toEpochMilli());
            ps.setObject(10, next == null ? null : next.level());
            ps.setString(11, next == null ? null : next.who());
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<Alert> find(UUID id) {
        List<Alert> found = alerts("SELECT * FROM alerts WHERE id = ?", id.toString());
        return found.stream().findFirst();
    }

    @Override
    public List<Alert> open() {
        return alerts("SELECT * FROM alerts WHERE state <> 'RESOLVED' ORDER BY created_at, rowid");
    }

    /** Every alert, newest first, at most {@code limit}. */
    public List<Alert> recent(int limit) {
        return alerts("SELECT * FROM alerts ORDER BY created_at DESC, rowid DESC LIMIT " + Math.max(0, limit));
    }

    private List<Alert> alerts(String sql, String... args) {
        return query(sql, args, rs -> new Alert(UUID.fromString(rs.getString("id")), AlertKind.valueOf(rs.getString("kind")),
                Severity.valueOf(rs.getString("severity")), rs.getString("room"), rs.getString("message"),
                Instant.ofEpochMilli(rs.getLong("created_at")), AlertState.valueOf(rs.getString("state")),
                rs.getInt("level"), Instant.ofEpochMilli(rs.getLong("level_since")), rs.getInt("test") != 0));
    }

    @Override
    public List<AuditEntry> history(UUID id) {
        return query("SELECT * FROM audit WHERE alert_id = ? ORDER BY seq", new String[] {id.toString()},
                SqliteAlertStore::auditEntry);
    }

    /** An audit row; one written before v7 has no outcome and no next level. */
    private static AuditEntry auditEntry(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        long nextAt = rs.getLong("next_at");
        AuditEntry.NextLevel next = rs.wasNull() ? null
                : new AuditEntry.NextLevel(Instant.ofEpochMilli(nextAt), rs.getInt("next_level"), rs.getString("next_to"));
        return new AuditEntry(UUID.fromString(rs.getString("alert_id")), Instant.ofEpochMilli(rs.getLong("at")),
                AlertState.valueOf(rs.getString("state")), AuditEntry.Event.valueOf(rs.getString("event")), rs.getString("carer"),
                rs.getString("detail"), outcome == null ? null : Down.Outcome.valueOf(outcome), next);
    }

    @Override
    public List<OutboxEntry> pending() {
        return query("SELECT * FROM outbox WHERE delivered_at IS NULL ORDER BY seq", new String[0],
                rs -> new OutboxEntry(rs.getLong("seq"), UUID.fromString(rs.getString("alert_id")), rs.getString("carer"),
                        rs.getInt("level"), Instant.ofEpochMilli(rs.getLong("created"))));
    }

    @Override
    public void markDelivered(long seq, Instant at) {
        db.inTransaction(true, () -> {
            try (PreparedStatement ps = db.connection().prepareStatement("UPDATE outbox SET delivered_at = ? WHERE seq = ?")) {
                ps.setLong(1, at.toEpochMilli());
                ps.setLong(2, seq);
                ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<HubEventStore.Pending> nextUnsent(java.util.Collection<String> hubCarers) {
        if (hubCarers.isEmpty()) {
            return Optional.empty();
        }
        String carers = String.join(", ", java.util.Collections.nCopies(hubCarers.size(), "?"));
        // Each entry's place in its alert's trail, for the alerts the hub holds, after what it acknowledged.
        String sql = """
                SELECT * FROM (
                  SELECT a.*, COALESCE(a.level, al.level) AS at_level,
                    (SELECT count(*) FROM audit b WHERE b.alert_id = a.alert_id AND b.seq <= a.seq) AS n,
                    COALESCE(h.sent, 0) AS told
                  FROM audit a JOIN alerts al ON al.id = a.alert_id LEFT JOIN hub_events h ON h.alert_id = a.alert_id
                  WHERE a.alert_id IN (SELECT alert_id FROM outbox WHERE delivered_at IS NOT NULL AND carer IN (%s)))
                WHERE n > told ORDER BY seq LIMIT 1""".formatted(carers);
        return query(sql, hubCarers.toArray(String[]::new), rs -> new HubEventStore.Pending(rs.getLong("n"), rs.getInt("at_level"),
                auditEntry(rs))).stream().findFirst();
    }

    @Override
    public void markSent(UUID alertId, long seq) {
        db.inTransaction(true, () -> {
            try (PreparedStatement ps = db.connection().prepareStatement(
                    "INSERT INTO hub_events(alert_id, sent) VALUES (?, ?) ON CONFLICT(alert_id) DO UPDATE SET sent = max(sent, excluded.sent)")) {
                ps.setString(1, alertId.toString());
                ps.setLong(2, seq);
                ps.executeUpdate();
            }
        });
    }

    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, String[] args, Row<T> row) {
        try (PreparedStatement ps = db.connection().prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("database read failed: " + e.getMessage(), e);
        }
    }
}
