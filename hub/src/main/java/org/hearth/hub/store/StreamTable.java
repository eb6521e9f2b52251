package org.hearth.hub.store;

import static org.hearth.hub.store.Sql.placeholders;
import static org.hearth.hub.store.Sql.query;
import static org.hearth.hub.store.Sql.update;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The live stream's entries ({@code stream_events}, {@code stream_sequence}): appended by the
 * other tables in their own transactions, read on by the live streams and Web Push.
 */
final class StreamTable {

    private static final String STREAM_COLUMNS = "SELECT id, home_id, kind, json, at_ms FROM stream_events";

    private final String name;
    private final Transactions.Opener opener;
    private final Transactions tx;
    /** PostgreSQL: other nodes' appends are heard through LISTEN/NOTIFY ({@link StreamNotifications}). */
    private final boolean shared;
    /** This store's node id, in its notifications. */
    private final String node = Sql.newId();
    /** Started by the first {@link #onAppended} of a shared store; guarded by {@code this}. */
    private StreamNotifications notifications;

    StreamTable(String name, Transactions.Opener opener, Transactions tx, boolean shared) {
        this.name = name;
        this.opener = opener;
        this.tx = tx;
        this.shared = shared;
    }

    /**
     * Takes the next id and appends the entry, in the caller's transaction. The one-row sequence
     * is locked by the UPDATE until the commit, so ids are handed out in commit order, across hub
     * nodes too. The entry takes its id in the database, not by a round trip through the hub: each
     * statement here is one more wait, under load, for a PostgreSQL backend to be scheduled while
     * every other write waits. On PostgreSQL the other nodes are notified at the commit.
     */
    void append(Connection c, String homeId, StreamEvent.Kind kind, String json, Instant at) throws SQLException {
        tx.appended();
        if (shared) {
            query(c, "SELECT pg_notify(?, ?)", r -> null, StreamNotifications.CHANNEL, node);
        }
        update(c, "UPDATE stream_sequence SET last_id = last_id + 1");
        update(c, "INSERT INTO stream_events (id, home_id, kind, json, at_ms) SELECT last_id, ?, ?, ?, ? FROM stream_sequence", homeId,
                kind.name(), json, at.toEpochMilli());
    }

    synchronized void onAppended(Runnable listener) {
        tx.onAppended(listener);
        if (shared && notifications == null) {
            notifications = new StreamNotifications(name, opener, node, tx::tellAppended);
        }
    }

    private static StreamEvent streamEvent(ResultSet r) throws SQLException {
        return new StreamEvent(r.getLong(1), r.getString(2), StreamEvent.Kind.valueOf(r.getString(3)), r.getString(4),
                Instant.ofEpochMilli(r.getLong(5)));
    }

    long lastStreamId() {
        return tx.read(c -> query(c, "SELECT last_id FROM stream_sequence", r -> r.getLong(1)).get(0));
    }

    List<StreamEvent> streamAfter(long afterId, int limit) {
        return tx.read(c -> query(c, STREAM_COLUMNS + " WHERE id > ? ORDER BY id LIMIT ?", StreamTable::streamEvent, afterId, limit));
    }

    List<StreamEvent> streamAfter(long afterId, Collection<String> homeIds, int limit) {
        if (homeIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(homeIds);
        args.add(afterId);
        args.add(limit);
        return tx.read(c -> query(c, STREAM_COLUMNS + " WHERE home_id IN (" + placeholders(homeIds.size()) + ") AND id > ? ORDER BY id LIMIT ?",
                StreamTable::streamEvent, args.toArray()));
    }

    int pruneStream(Instant before) {
        return tx.write(c -> update(c, "DELETE FROM stream_events WHERE at_ms < ?", before.toEpochMilli()));
    }

    synchronized void close() {
        if (notifications != null) {
            notifications.close();
            notifications = null;
        }
    }
}
