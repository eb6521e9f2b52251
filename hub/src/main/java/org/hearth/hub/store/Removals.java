package org.hearth.hub.store;

import static org.hearth.hub.store.Sql.update;

import java.time.Instant;
import java.util.List;

/**
 * What is deleted across the tables: a home with everything kept for it, and what retention says
 * is past its time (docs/privacy.md, "Retention on the hub").
 */
final class Removals {

    private final Transactions tx;

    Removals(Transactions tx) {
        this.tx = tx;
    }

    boolean removeHome(String id) {
        return tx.write(c -> {
            update(c, "DELETE FROM alert_events WHERE alert_id IN (SELECT id FROM alerts WHERE home_id = ?)", id);
            for (String table : List.of("alerts", "summaries", "down_queue", "gateway_liveness", "gateway_events", "invites",
                    "device_homes", "access_log", "stream_events", "alert_receipts")) {
                update(c, "DELETE FROM " + table + " WHERE home_id = ?", id);
            }
            return update(c, "DELETE FROM homes WHERE id = ?", id) == 1;
        });
    }

    HubStore.Pruned prune(Instant historyBefore, Instant accessBefore) {
        long history = historyBefore.toEpochMilli();
        return tx.write(c -> {
            // Resolved, and nothing heard of it since the cut-off: a late event keeps it a while longer.
            String gone = "SELECT a.id FROM alerts a WHERE a.state = 'resolved' AND a.received_ms < ?"
                    + " AND NOT EXISTS (SELECT 1 FROM alert_events e WHERE e.alert_id = a.id AND e.received_ms >= ?)";
            int events = update(c, "DELETE FROM alert_events WHERE alert_id IN (" + gone + ")", history, history);
            int receipts = update(c, "DELETE FROM alert_receipts WHERE alert_id IN (" + gone + ")", history, history);
            int alerts = update(c, "DELETE FROM alerts WHERE id IN (" + gone + ")", history, history);
            int down = update(c, "DELETE FROM down_queue WHERE applied_ms IS NOT NULL AND applied_ms < ?", history);
            int gateway = update(c, "DELETE FROM gateway_events WHERE at_ms < ?", history);
            int access = update(c, "DELETE FROM access_log WHERE at_ms < ?", accessBefore.toEpochMilli());
            return new HubStore.Pruned(alerts, events, receipts, down, gateway, access);
        });
    }
}
