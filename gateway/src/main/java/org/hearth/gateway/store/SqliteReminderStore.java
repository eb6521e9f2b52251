package org.hearth.gateway.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hearth.voice.Reminder;
import org.hearth.voice.ReminderStore;

/**
 * The resident's reminders in SQLite. Writes are durable ({@code synchronous=FULL}): a medication
 * reminder set a minute before a power cut must still ring.
 */
public final class SqliteReminderStore implements ReminderStore {

    private final SqliteDatabase db;

    public SqliteReminderStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void save(Reminder r) {
        db.inTransaction(true, () -> {
            try (PreparedStatement ps = db.connection().prepareStatement(
                    "INSERT OR REPLACE INTO reminders(id, task, due, language, daily) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, r.id().toString());
                ps.setString(2, r.task());
                ps.setLong(3, r.due().toEpochMilli());
                ps.setString(4, r.language());
                ps.setInt(5, r.daily() ? 1 : 0);
                ps.executeUpdate();
            }
        });
    }

    @Override
    public List<Reminder> all() {
        List<Reminder> out = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT id, task, due, language, daily FROM reminders ORDER BY due");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Reminder(UUID.fromString(rs.getString(1)), rs.getString(2),
                        Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4), rs.getInt(5) != 0));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read reminders: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void delete(UUID id) {
        db.inTransaction(true, () -> {
            try (PreparedStatement ps = db.connection().prepareStatement("DELETE FROM reminders WHERE id = ?")) {
                ps.setString(1, id.toString());
                ps.executeUpdate();
            }
        });
    }
}
