package org.hearth.hub.store;

import static org.hearth.hub.store.Sql.query;
import static org.hearth.hub.store.Sql.update;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What gateways send up and carers' devices confirm: alerts, their events, their receipts, and
 * each home's summary. A new alert, event or summary is appended to the live stream in the same
 * transaction.
 */
final class AlertTables {

    private static final String ALERT_COLUMNS = "SELECT id, home_id, json, received_ms, state, last_seq FROM alerts";

    private final Transactions tx;
    private final StreamTable stream;

    AlertTables(Transactions tx, StreamTable stream) {
        this.tx = tx;
        this.stream = stream;
    }

    Outcome addAlert(String homeId, UUID id, String json, Instant received) {
        return tx.write(c -> {
            int n = update(c, "INSERT INTO alerts (id, home_id, json, received_ms, state, last_seq) VALUES (?, ?, ?, ?, 'raised', 0)"
                    + " ON CONFLICT (id) DO NOTHING", id.toString(), homeId, json, received.toEpochMilli());
            if (n == 1) {
                stream.append(c, homeId, StreamEvent.Kind.ALERT, json, received);
                return Outcome.STORED;
            }
            return owner(c, id).filter(homeId::equals).isPresent() ? Outcome.ALREADY_STORED : Outcome.OTHER_HOME;
        });
    }

    private static Optional<String> owner(Connection c, UUID alertId) throws SQLException {
        return query(c, "SELECT home_id FROM alerts WHERE id = ?", r -> r.getString(1), alertId.toString()).stream().findFirst();
    }

    Optional<StoredAlert> alert(UUID id) {
        return tx.read(c -> query(c, ALERT_COLUMNS + " WHERE id = ?", AlertTables::alert, id.toString()).stream().findFirst());
    }

    List<StoredAlert> alerts(String homeId) {
        return tx.read(c -> query(c, ALERT_COLUMNS + " WHERE home_id = ? ORDER BY received_ms, id", AlertTables::alert, homeId));
    }

    private static StoredAlert alert(ResultSet r) throws SQLException {
        return new StoredAlert(UUID.fromString(r.getString(1)), r.getString(2), r.getString(3), Instant.ofEpochMilli(r.getLong(4)),
                r.getString(5), r.getLong(6));
    }

    Outcome addEvent(String homeId, UUID alertId, long seq, String state, String json, Instant received) {
        return tx.write(c -> {
            Optional<String> owner = owner(c, alertId);
            if (owner.isEmpty()) {
                return Outcome.NOT_FOUND;
            }
            if (!owner.get().equals(homeId)) {
                return Outcome.OTHER_HOME;
            }
            int n = update(c, "INSERT INTO alert_events (alert_id, seq, json, received_ms) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (alert_id, seq) DO NOTHING", alertId.toString(), seq, json, received.toEpochMilli());
            if (n == 0) {
                return Outcome.ALREADY_STORED;
            }
            update(c, "UPDATE alerts SET state = ?, last_seq = ? WHERE id = ? AND last_seq < ?", state, seq, alertId.toString(), seq);
            stream.append(c, homeId, StreamEvent.Kind.ALERT_EVENT, json, received);
            return Outcome.STORED;
        });
    }

    List<StoredEvent> events(UUID alertId) {
        return tx.read(c -> query(c, "SELECT alert_id, seq, json, received_ms FROM alert_events WHERE alert_id = ? ORDER BY seq",
                r -> new StoredEvent(UUID.fromString(r.getString(1)), r.getLong(2), r.getString(3), Instant.ofEpochMilli(r.getLong(4))),
                alertId.toString()));
    }

    Receipt.Outcome addReceipt(String homeId, UUID alertId, String deviceId, String carer, Instant received) {
        return tx.write(c -> {
            boolean carerHadOne = !query(c, "SELECT 1 FROM alert_receipts WHERE alert_id = ? AND carer = ?", r -> 1,
                    alertId.toString(), carer).isEmpty();
            int n = update(c, "INSERT INTO alert_receipts (alert_id, device_id, home_id, carer, received_ms) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT (alert_id, device_id) DO NOTHING", alertId.toString(), deviceId, homeId, carer, received.toEpochMilli());
            if (n == 0) {
                return Receipt.Outcome.ALREADY;
            }
            return carerHadOne ? Receipt.Outcome.FIRST_FOR_DEVICE : Receipt.Outcome.FIRST_FOR_CARER;
        });
    }

    List<Receipt> receipts(UUID alertId) {
        return tx.read(c -> query(c, "SELECT alert_id, device_id, carer, received_ms FROM alert_receipts WHERE alert_id = ?"
                + " ORDER BY received_ms, device_id", r -> new Receipt(UUID.fromString(r.getString(1)), r.getString(2), r.getString(3),
                Instant.ofEpochMilli(r.getLong(4))), alertId.toString()));
    }

    void putSummary(String homeId, String json, Instant received) {
        tx.write(c -> {
            update(c, "INSERT INTO summaries (home_id, json, received_ms) VALUES (?, ?, ?)"
                    + " ON CONFLICT (home_id) DO UPDATE SET json = excluded.json, received_ms = excluded.received_ms",
                    homeId, json, received.toEpochMilli());
            stream.append(c, homeId, StreamEvent.Kind.SUMMARY, json, received);
            return null;
        });
    }

    Optional<StoredSummary> summary(String homeId) {
        return tx.read(c -> query(c, "SELECT home_id, json, received_ms FROM summaries WHERE home_id = ?",
                r -> new StoredSummary(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3))), homeId).stream().findFirst());
    }
}
