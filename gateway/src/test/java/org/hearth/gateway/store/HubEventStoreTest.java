package org.hearth.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.hearth.gateway.domain.AlertStore;
import org.hearth.gateway.domain.AuditEntry;
import org.hearth.gateway.domain.AuditEntry.Event;
import org.hearth.gateway.domain.hub.HubEventStore;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Severity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema v5: which audit entries the hub has been told, per alert, kept across restarts. */
@Tag("medium")
class HubEventStoreTest {

    private static final Instant AT = Instant.parse("2026-12-05T08:00:00Z");
    private static final List<String> HUB = List.of("Tom");

    @TempDir
    Path dir;

    private final Alert alert = Alert.detected(new AlertRequest(AlertKind.HELP, Severity.URGENT, "hall", "The cord.", false, false),
            UUID.randomUUID(), AT).withState(AlertState.RAISED).atLevel(1, AT);

    @Test
    void an_alert_is_told_from_its_first_entry_once_the_hub_holds_it_and_what_was_told_survives_a_restart() {
        Path file = dir.resolve("hearth.db");
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            SqliteAlertStore store = new SqliteAlertStore(db);
            store.save(alert, new AuditEntry(alert.id(), AT, AlertState.RAISED, Event.RAISED, "raised"),
                    List.of(new AlertStore.Outbox("Tom", 1), new AlertStore.Outbox("Priya", 1)));
            assertThat(store.nextUnsent(HUB)).as("the hub does not hold the alert yet").isEmpty();

            long priyas = store.pending().stream().filter(e -> e.carer().equals("Priya")).findFirst().orElseThrow().seq();
            store.markDelivered(priyas, AT);
            assertThat(store.nextUnsent(HUB)).as("a direct carer's delivery does not put it at the hub").isEmpty();

            store.markDelivered(store.pending().get(0).seq(), AT);
            store.audit(new AuditEntry(alert.id(), AT, AlertState.DELIVERED, Event.DELIVERED, "Tom", "Delivered to Tom"));
            HubEventStore.Pending first = store.nextUnsent(HUB).orElseThrow();
            assertThat(first.seq()).isEqualTo(1);
            assertThat(first.level()).isEqualTo(1);
            assertThat(first.entry().event()).isEqualTo(Event.RAISED);
            store.markSent(alert.id(), 1);
        }
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            SqliteAlertStore store = new SqliteAlertStore(db);
            HubEventStore.Pending second = store.nextUnsent(HUB).orElseThrow();
            assertThat(second.seq()).isEqualTo(2);
            assertThat(second.entry().is(Event.DELIVERED, "Tom")).isTrue();
            store.markSent(alert.id(), 2);
            store.markSent(alert.id(), 1); // a late receipt never moves it back
            assertThat(store.nextUnsent(HUB)).isEmpty();
        }
    }

    @Test
    void a_v4_database_migrates_and_its_old_entries_take_the_alerts_level() throws Exception {
        Path file = dir.resolve("hearth.db");
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            new SqliteAlertStore(db).save(alert.atLevel(2, AT), new AuditEntry(alert.id(), AT, AlertState.RAISED, Event.RAISED, "r"),
                    List.of(new AlertStore.Outbox("Tom", 2)));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit DROP COLUMN level");
            s.execute("DROP TABLE hub_events");
            s.execute("ALTER TABLE reminders DROP COLUMN daily"); // v6
            s.execute("UPDATE outbox SET delivered_at = 0");
            for (String column : List.of("outcome", "next_at", "next_level", "next_to")) {
                s.execute("ALTER TABLE audit DROP COLUMN " + column); // v7
            }
            s.execute("PRAGMA user_version=4");
        }
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            assertThat(db.schemaVersion()).isEqualTo(7);
            assertThat(new SqliteAlertStore(db).nextUnsent(HUB).orElseThrow().level()).isEqualTo(2);
        }
    }
}
