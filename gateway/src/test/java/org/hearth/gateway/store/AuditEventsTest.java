package org.hearth.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AlertRequest;
import org.hearth.gateway.domain.AlertState;
import org.hearth.gateway.domain.AuditEntry;
import org.hearth.gateway.domain.AuditEntry.Event;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Severity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audit entries keep their typed event and carer in SQLite, and a database from before types gets them filled in. */
@Tag("medium")
class AuditEventsTest {

    private static final Instant AT = Instant.parse("2026-12-05T08:00:00Z");

    @TempDir
    Path dir;

    private final Alert alert = Alert.detected(new AlertRequest(AlertKind.HELP, Severity.URGENT, "hall", "The cord.", false, false),
            UUID.randomUUID(), AT);

    @Test
    void the_event_and_the_carer_survive_the_store() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("hearth.db"))) {
            SqliteAlertStore store = new SqliteAlertStore(db);
            store.save(alert, new AuditEntry(alert.id(), AT, AlertState.RAISED, Event.RAISED, "raised"), List.of());
            store.audit(new AuditEntry(alert.id(), AT, AlertState.RAISED, Event.DELIVERED, "Priya", "Words that may change"));
            assertThat(store.history(alert.id())).extracting(AuditEntry::event, AuditEntry::carer)
                    .containsExactly(tuple(Event.RAISED, ""), tuple(Event.DELIVERED, "Priya"));
        }
    }

    @Test
    void entries_from_before_typed_events_are_filled_in_where_code_once_read_their_words() throws Exception {
        Path file = dir.resolve("hearth.db");
        int latest;
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            new SqliteAlertStore(db).save(alert, new AuditEntry(alert.id(), AT, AlertState.RAISED, Event.RAISED, "raised"), List.of());
            latest = db.schemaVersion();
        }
        // Back to the schema before typed events (v3), with entries as that Hearth wrote them.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("DELETE FROM audit");
            s.execute("ALTER TABLE audit DROP COLUMN level"); // v5
            s.execute("DROP TABLE hub_events"); // v5
            s.execute("ALTER TABLE audit DROP COLUMN event");
            s.execute("ALTER TABLE audit DROP COLUMN carer");
            for (String detail : List.of("The resident asked for help. Telling level 1 (Priya).", "Delivered to Priya",
                    "Cancelled by the resident (voice)", "Acknowledged by Priya: on my way")) {
                s.execute("INSERT INTO audit(alert_id, at, state, detail) VALUES ('" + alert.id() + "', 0, 'RAISED', '" + detail + "')");
            }
            s.execute("ALTER TABLE reminders DROP COLUMN daily"); // v6
            for (String column : List.of("outcome", "next_at", "next_level", "next_to")) {
                s.execute("ALTER TABLE audit DROP COLUMN " + column); // v7
            }
            s.execute("PRAGMA user_version=3");
        }
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            assertThat(db.schemaVersion()).isEqualTo(latest);
            assertThat(new SqliteAlertStore(db).history(alert.id())).extracting(AuditEntry::event, AuditEntry::carer)
                    .containsExactly(tuple(Event.NOTE, ""), tuple(Event.DELIVERED, "Priya"),
                            tuple(Event.CANCELLED_BY_RESIDENT, ""), tuple(Event.NOTE, ""));
        }
    }
}
