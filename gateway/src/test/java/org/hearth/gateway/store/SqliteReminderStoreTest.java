package org.hearth.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hearth.voice.Reminder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reminders in real SQLite: daily ones stay daily across a restart, and older databases gain the column. */
@Tag("medium")
class SqliteReminderStoreTest {

    @TempDir
    Path dir;

    private final Reminder daily = new Reminder(UUID.randomUUID(), "take your tablets",
            Instant.parse("2026-03-11T09:00:00Z"), "en", true);
    private final Reminder once = new Reminder(UUID.randomUUID(), null, Instant.parse("2026-03-10T18:00:00Z"), "hi");

    @Test
    void a_daily_reminder_is_read_back_daily_after_a_restart() {
        Path file = dir.resolve("hearth.db");
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            new SqliteReminderStore(db).save(daily);
            new SqliteReminderStore(db).save(once);
        }
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            assertThat(new SqliteReminderStore(db).all()).containsExactly(once, daily);
            // Done today: the same row moves on to tomorrow.
            new SqliteReminderStore(db).save(daily.withDue(Instant.parse("2026-03-12T09:00:00Z")));
            assertThat(new SqliteReminderStore(db).all()).hasSize(2).last()
                    .satisfies(r -> assertThat(r.daily()).isTrue());
        }
    }

    @Test
    void reminders_from_before_daily_ones_are_one_off() throws Exception {
        Path file = dir.resolve("hearth.db");
        SqliteDatabase.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE reminders DROP COLUMN daily");
            s.execute("INSERT INTO reminders(id, task, due, language) VALUES ('" + once.id() + "', NULL, "
                    + once.due().toEpochMilli() + ", 'hi')");
            for (String column : List.of("outcome", "next_at", "next_level", "next_to")) {
                s.execute("ALTER TABLE audit DROP COLUMN " + column); // v7
            }
            s.execute("PRAGMA user_version=5");
        }
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            assertThat(db.schemaVersion()).isEqualTo(7);
            assertThat(new SqliteReminderStore(db).all()).containsExactly(once);
            new SqliteReminderStore(db).save(daily);
            assertThat(new SqliteReminderStore(db).all()).contains(daily);
        }
    }
}
