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
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Down;
import org.hearth.protocol.Severity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema v7: a carer's outcome as a value and the next level of the escalation, kept with each audit entry. */
@Tag("medium")
class AuditOutcomeTest {

    private static final Instant AT = Instant.parse("2026-12-05T08:30:00Z");
    private static final List<String> HUB = List.of("Tom");

    @TempDir
    Path dir;

    private final Alert alert = Alert.detected(new AlertRequest(AlertKind.FALL, Severity.URGENT, "hall", "A fall.", false, false),
            UUID.randomUUID(), AT).withState(AlertState.RAISED).atLevel(1, AT);

    @Test
    void the_outcome_and_the_next_level_are_kept_as_values_and_read_back_for_the_trail_and_the_hub() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("hearth.db"))) {
            SqliteAlertStore store = new SqliteAlertStore(db);
            var next = new AuditEntry.NextLevel(AT.plusSeconds(600), 2, "Helpline");
            store.save(alert, new AuditEntry(alert.id(), AT, AlertState.RAISED, Event.RAISED, "", "Raised.", null, next),
                    List.of(new AlertStore.Outbox("Tom", 1)));
            store.markDelivered(store.pending().get(0).seq(), AT);
            store.save(alert.withState(AlertState.RESOLVED), new AuditEntry(alert.id(), AT.plusSeconds(60), AlertState.RESOLVED,
                    Event.RESOLVED, "Tom", "Resolved by Tom (helped up)", Down.Outcome.HELPED_UP, null), List.of());

            assertThat(store.history(alert.id())).extracting(AuditEntry::outcome, AuditEntry::next)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(null, next),
                            org.assertj.core.groups.Tuple.tuple(Down.Outcome.HELPED_UP, null));
            assertThat(store.nextUnsent(HUB).orElseThrow().entry().next()).isEqualTo(next);
            store.markSent(alert.id(), 1);
            assertThat(store.nextUnsent(HUB).orElseThrow().entry().outcome()).isEqualTo(Down.Outcome.HELPED_UP);
        }
    }

    @Test
    void a_v6_database_migrates_and_its_old_entries_read_as_no_outcome_and_no_next_level() throws Exception {
        Path file = dir.resolve("hearth.db");
        SqliteDatabase.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String column : List.of("outcome", "next_at", "next_level", "next_to")) {
                s.execute("ALTER TABLE audit DROP COLUMN " + column);
            }
            s.execute("PRAGMA user_version=6");
            // As the Hearth of schema v6 wrote a carer's resolution: the outcome only in words.
            s.execute("INSERT INTO alerts(id, kind, severity, room, message, created_at, state, level, level_since, test) VALUES ('"
                    + alert.id() + "', 'FALL', 'URGENT', 'hall', 'A fall.', 0, 'RESOLVED', 1, 0, 0)");
            s.execute("INSERT INTO audit(alert_id, at, state, detail, event, carer, level) VALUES ('" + alert.id()
                    + "', 0, 'RESOLVED', 'Resolved by Tom (helped up)', 'RESOLVED', 'Tom', 1)");
        }
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            assertThat(db.schemaVersion()).isEqualTo(7);
            AuditEntry old = new SqliteAlertStore(db).history(alert.id()).get(0);
            assertThat(old.outcome()).as("never read back from the words").isNull();
            assertThat(old.next()).isNull();
            assertThat(old.detail()).isEqualTo("Resolved by Tom (helped up)");
        }
    }
}
