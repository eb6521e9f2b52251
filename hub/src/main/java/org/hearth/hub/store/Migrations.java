package org.hearth.hub.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema, version by version. Every statement runs unchanged on SQLite and PostgreSQL: only
 * types both know (VARCHAR, TEXT, BIGINT, INTEGER), times as epoch milliseconds, keys as hex text,
 * no auto-increment (ids and sequence numbers are made by the store), and
 * {@code INSERT ... ON CONFLICT}, which both have. A version is applied in one transaction.
 */
final class Migrations {

    /** Index i holds the statements that take the schema from version i to i + 1. */
    static final List<List<String>> VERSIONS = List.of(
            List.of(
                    "CREATE TABLE homes (id VARCHAR(32) PRIMARY KEY, label VARCHAR(200) NOT NULL,"
                            + " identity VARCHAR(64) NOT NULL UNIQUE, psk_hex VARCHAR(64) NOT NULL, created_ms BIGINT NOT NULL)",
                    "CREATE TABLE alerts (id VARCHAR(36) PRIMARY KEY, home_id VARCHAR(32) NOT NULL, json TEXT NOT NULL,"
                            + " received_ms BIGINT NOT NULL, state VARCHAR(32) NOT NULL, last_seq BIGINT NOT NULL)",
                    "CREATE INDEX alerts_by_home ON alerts (home_id, received_ms)",
                    "CREATE TABLE alert_events (alert_id VARCHAR(36) NOT NULL, seq BIGINT NOT NULL, json TEXT NOT NULL,"
                            + " received_ms BIGINT NOT NULL, PRIMARY KEY (alert_id, seq))",
                    "CREATE TABLE summaries (home_id VARCHAR(32) PRIMARY KEY, json TEXT NOT NULL, received_ms BIGINT NOT NULL)",
                    "CREATE TABLE down_queue (home_id VARCHAR(32) NOT NULL, seq BIGINT NOT NULL, kind VARCHAR(32) NOT NULL,"
                            + " body TEXT NOT NULL, created_ms BIGINT NOT NULL, applied_ms BIGINT, PRIMARY KEY (home_id, seq))",
                    "CREATE TABLE gateway_liveness (home_id VARCHAR(32) PRIMARY KEY, last_heartbeat_ms BIGINT NOT NULL,"
                            + " interval_ms BIGINT NOT NULL, silent INTEGER NOT NULL)",
                    "CREATE TABLE gateway_events (home_id VARCHAR(32) NOT NULL, at_ms BIGINT NOT NULL, kind VARCHAR(16) NOT NULL)",
                    "CREATE INDEX gateway_events_by_home ON gateway_events (home_id, at_ms)"),
            List.of(
                    "CREATE TABLE invites (code_sha256 VARCHAR(64) PRIMARY KEY, home_id VARCHAR(32) NOT NULL,"
                            + " carer VARCHAR(200) NOT NULL, level INTEGER NOT NULL, created_ms BIGINT NOT NULL,"
                            + " expires_ms BIGINT NOT NULL, used_ms BIGINT)",
                    "CREATE TABLE devices (id VARCHAR(32) PRIMARY KEY, carer VARCHAR(200) NOT NULL, name VARCHAR(200) NOT NULL,"
                            + " credential_sha256 VARCHAR(64) NOT NULL UNIQUE, created_ms BIGINT NOT NULL, revoked_ms BIGINT)",
                    "CREATE INDEX devices_by_carer ON devices (carer)",
                    "CREATE TABLE device_homes (device_id VARCHAR(32) NOT NULL, home_id VARCHAR(32) NOT NULL,"
                            + " level INTEGER NOT NULL, PRIMARY KEY (device_id, home_id))",
                    "CREATE TABLE access_log (at_ms BIGINT NOT NULL, device_id VARCHAR(32) NOT NULL, home_id VARCHAR(32) NOT NULL,"
                            + " what VARCHAR(200) NOT NULL)",
                    "CREATE INDEX access_log_by_home ON access_log (home_id, at_ms)"),
            List.of(
                    // One row: the live stream's sequence, kept apart from the entries so pruning never resets it.
                    "CREATE TABLE stream_sequence (last_id BIGINT NOT NULL)",
                    "INSERT INTO stream_sequence (last_id) VALUES (0)",
                    "CREATE TABLE stream_events (id BIGINT PRIMARY KEY, home_id VARCHAR(32) NOT NULL, kind VARCHAR(16) NOT NULL,"
                            + " json TEXT NOT NULL, at_ms BIGINT NOT NULL)",
                    "CREATE INDEX stream_events_by_home ON stream_events (home_id, id)",
                    "CREATE INDEX stream_events_by_time ON stream_events (at_ms)"),
            List.of(
                    "CREATE TABLE push_subscriptions (device_id VARCHAR(32) PRIMARY KEY, endpoint TEXT NOT NULL,"
                            + " p256dh VARCHAR(100) NOT NULL, auth VARCHAR(40) NOT NULL, created_ms BIGINT NOT NULL)",
                    "CREATE TABLE alert_receipts (alert_id VARCHAR(36) NOT NULL, device_id VARCHAR(32) NOT NULL,"
                            + " home_id VARCHAR(32) NOT NULL, carer VARCHAR(200) NOT NULL, received_ms BIGINT NOT NULL,"
                            + " PRIMARY KEY (alert_id, device_id))",
                    "CREATE INDEX alert_receipts_by_home ON alert_receipts (home_id)"),
            List.of(
                    // Operators (an alarm-receiving centre's staff) watch every home of their organisation.
                    "ALTER TABLE homes ADD COLUMN org VARCHAR(64) NOT NULL DEFAULT ''",
                    "CREATE INDEX homes_by_org ON homes (org)",
                    "ALTER TABLE invites ADD COLUMN operator_org VARCHAR(64) NOT NULL DEFAULT ''",
                    "ALTER TABLE devices ADD COLUMN operator_org VARCHAR(64) NOT NULL DEFAULT ''"),
            List.of(
                    // The resident's phone number, for the carers' "call" link; NULL when none is set (PhoneNumbers.normalise).
                    "ALTER TABLE homes ADD COLUMN phone VARCHAR(20)"));

    static final int CURRENT = VERSIONS.size();

    private Migrations() {
    }

    /** Brings the schema to {@link #CURRENT}; refuses a store made by a newer hub. */
    static void run(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            c.commit();
            int version = 0;
            try (ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                if (r.next()) {
                    version = r.getInt(1);
                }
            }
            if (version > CURRENT) {
                throw new StoreException("the store is at schema version " + version + ", made by a newer hub; this hub knows up to "
                        + CURRENT + ". Run the newer hub, or restore a backup");
            }
            for (int v = version; v < CURRENT; v++) {
                for (String sql : VERSIONS.get(v)) {
                    s.executeUpdate(sql);
                }
                s.executeUpdate("INSERT INTO schema_version (version) VALUES (" + (v + 1) + ")");
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }
}
