package org.hearth.gateway.store;

import java.sql.PreparedStatement;
import java.time.Instant;

/**
 * Bounded retention: sensor events go after a configurable number of days; alerts, their audit
 * trail and their outbox rows after a year. Open alerts are never deleted, however old.
 */
public final class SqliteRetention {

    private final SqliteDatabase db;

    public SqliteRetention(SqliteDatabase db) {
        this.db = db;
    }

    /** What one pass removed. */
    public record Removed(int events, int alerts) {
    }

    public Removed purge(Instant eventsBefore, Instant alertsBefore) {
        int[] counts = new int[2];
        db.inTransaction(false, () -> {
            try (PreparedStatement ps = db.connection().prepareStatement("DELETE FROM events WHERE at < ?")) {
                ps.setLong(1, eventsBefore.toEpochMilli());
                counts[0] = ps.executeUpdate();
            }
            String old = "SELECT id FROM alerts WHERE state = 'RESOLVED' AND created_at < ?";
            for (String table : new String[] {"audit", "outbox", "hub_events"}) {
                try (PreparedStatement ps = db.connection().prepareStatement(
                        "DELETE FROM " + table + " WHERE alert_id IN (" + old + ")")) {
                    ps.setLong(1, alertsBefore.toEpochMilli());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = db.connection().prepareStatement(
                    "DELETE FROM alerts WHERE state = 'RESOLVED' AND created_at < ?")) {
                ps.setLong(1, alertsBefore.toEpochMilli());
                counts[1] = ps.executeUpdate();
            }
        });
        return new Removed(counts[0], counts[1]);
    }
}
