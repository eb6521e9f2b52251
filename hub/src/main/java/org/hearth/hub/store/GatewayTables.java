package org.hearth.hub.store;

import static org.hearth.hub.store.Sql.optionalInstant;
import static org.hearth.hub.store.Sql.query;
import static org.hearth.hub.store.Sql.update;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Each home's gateway as the hub sees it: its heartbeats, its SILENT and BACK events, and the
 * downward queue of what carers asked it to do.
 */
final class GatewayTables {

    private static final String LIVENESS_COLUMNS = "SELECT home_id, last_heartbeat_ms, interval_ms, silent FROM gateway_liveness";

    private final Transactions tx;
    private final StreamTable stream;

    GatewayTables(Transactions tx, StreamTable stream) {
        this.tx = tx;
        this.stream = stream;
    }

    void heartbeats(List<LivenessStore.Heard> heard) {
        if (heard.isEmpty()) {
            return;
        }
        tx.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO gateway_liveness (home_id, last_heartbeat_ms, interval_ms, silent)"
                    + " VALUES (?, ?, ?, 0) ON CONFLICT (home_id) DO UPDATE SET last_heartbeat_ms = excluded.last_heartbeat_ms,"
                    + " interval_ms = excluded.interval_ms")) {
                for (LivenessStore.Heard h : heard) {
                    p.setString(1, h.homeId());
                    p.setLong(2, h.at().toEpochMilli());
                    p.setLong(3, h.interval().toMillis());
                    p.addBatch();
                }
                p.executeBatch();
            }
            return null;
        });
    }

    void gatewayEvent(GatewayEvent event) {
        tx.write(c -> {
            // A home removed by the CLI while the daemon still watched it leaves nothing behind.
            if (update(c, "INSERT INTO gateway_events (home_id, at_ms, kind) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM homes WHERE id = ?)",
                    event.homeId(), event.at().toEpochMilli(), event.kind().name(), event.homeId()) == 1) {
                stream.append(c, event.homeId(), event.kind() == GatewayEvent.Kind.SILENT ? StreamEvent.Kind.GATEWAY_SILENT
                        : StreamEvent.Kind.GATEWAY_BACK, "", event.at());
            }
            return update(c, "UPDATE gateway_liveness SET silent = ? WHERE home_id = ?",
                    event.kind() == GatewayEvent.Kind.SILENT ? 1 : 0, event.homeId());
        });
    }

    List<Liveness> liveness() {
        return tx.read(c -> query(c, LIVENESS_COLUMNS + " ORDER BY home_id", GatewayTables::liveness));
    }

    Optional<Liveness> liveness(String homeId) {
        return tx.read(c -> query(c, LIVENESS_COLUMNS + " WHERE home_id = ?", GatewayTables::liveness, homeId)).stream().findFirst();
    }

    private static Liveness liveness(ResultSet r) throws SQLException {
        return new Liveness(r.getString(1), Instant.ofEpochMilli(r.getLong(2)), Duration.ofMillis(r.getLong(3)), r.getInt(4) != 0);
    }

    List<GatewayEvent> gatewayEvents(String homeId) {
        return tx.read(c -> query(c, "SELECT home_id, at_ms, kind FROM gateway_events WHERE home_id = ? ORDER BY at_ms",
                r -> new GatewayEvent(r.getString(1), Instant.ofEpochMilli(r.getLong(2)), GatewayEvent.Kind.valueOf(r.getString(3))),
                homeId));
    }

    long addDown(String homeId, String kind, String body, Instant now) {
        return tx.write(c -> {
            long seq = query(c, "SELECT COALESCE(MAX(seq), 0) + 1 FROM down_queue WHERE home_id = ?", r -> r.getLong(1), homeId).get(0);
            update(c, "INSERT INTO down_queue (home_id, seq, kind, body, created_ms, applied_ms) VALUES (?, ?, ?, ?, ?, NULL)",
                    homeId, seq, kind, body, now.toEpochMilli());
            return seq;
        });
    }

    List<DownEntry> pendingDown(String homeId) {
        return tx.read(c -> query(c, "SELECT seq, kind, body FROM down_queue WHERE home_id = ? AND applied_ms IS NULL ORDER BY seq",
                r -> new DownEntry(r.getLong(1), r.getString(2), r.getString(3)), homeId));
    }

    boolean applyDown(String homeId, long seq, Instant now) {
        return tx.write(c -> update(c, "UPDATE down_queue SET applied_ms = ? WHERE home_id = ? AND seq = ? AND applied_ms IS NULL",
                now.toEpochMilli(), homeId, seq) == 1);
    }

    List<DownRecord> downLog(String homeId) {
        return tx.read(c -> query(c, "SELECT seq, kind, body, created_ms, applied_ms FROM down_queue WHERE home_id = ? ORDER BY seq",
                r -> new DownRecord(r.getLong(1), r.getString(2), r.getString(3), Instant.ofEpochMilli(r.getLong(4)),
                        optionalInstant(r, 5)), homeId));
    }
}
