package org.hearth.gateway.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads every sensor event, oldest first, for a subject-access export. Streams rather than loading a month into memory. */
public final class SqliteExport {

    private final SqliteDatabase db;

    public SqliteExport(SqliteDatabase db) {
        this.db = db;
    }

    /** One stored sensor event. */
    public record StoredEvent(Instant at, String sensor, String room, String kind, boolean active) {
    }

    public void events(Consumer<StoredEvent> each) {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT at, sensor, room, kind, active FROM events ORDER BY seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                each.accept(new StoredEvent(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5) != 0));
            }
        } catch (java.sql.SQLException e) {
            throw new StoreException("database read failed: " + e.getMessage(), e);
        }
    }

    /** Every table and its row count, so a purge can say what it erased. */
    public List<String> counts() {
        List<String> out = new ArrayList<>();
        int version = db.schemaVersion();
        for (String table : new String[] {"events", "alerts", "audit", "outbox", "reminders", "routine", "routine_quiet",
                "whereabouts"}) {
            if (table.equals("reminders") && version < 2 || table.matches("routine.*|whereabouts") && version < 3) {
                continue; // a database from before the table, not yet opened by this version's daemon
            }
            try (PreparedStatement ps = db.connection().prepareStatement("SELECT count(*) FROM " + table);
                 ResultSet rs = ps.executeQuery()) {
                out.add(rs.getLong(1) + " " + table);
            } catch (java.sql.SQLException e) {
                throw new StoreException("database read failed: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
