package org.hearth.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AlertRequest;
import org.hearth.gateway.domain.AlertState;
import org.hearth.gateway.domain.AuditEntry;
import org.hearth.protocol.AlertKind;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's event store commits events in batches, but never after an alert that followed them, and never loses them at close. */
@Tag("medium")
class BatchedEventsTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    @TempDir
    Path dir;

    private final VirtualScheduler time = new VirtualScheduler(START, ZoneOffset.UTC);

    @Test
    void events_wait_for_the_window_and_then_commit_together() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("hearth.db"))) {
            SqliteEventStore events = SqliteEventStore.batching(db, time, Duration.ofSeconds(60));
            events.append(pir(true));
            time.advanceBy(Duration.ofSeconds(20));
            events.append(pir(false));

            assertThat(count(db)).isEqualTo("0 events");
            time.advanceBy(Duration.ofSeconds(40));
            assertThat(count(db)).isEqualTo("2 events");
        }
    }

    @Test
    void an_alert_is_never_on_disk_before_the_events_that_led_to_it() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("hearth.db"))) {
            SqliteEventStore events = SqliteEventStore.batching(db, time, Duration.ofSeconds(60));
            events.append(pir(true));
            Alert alert = Alert.detected(AlertRequest.urgent(AlertKind.HELP, "hall", "cord", false), UUID.randomUUID(), START)
                    .withState(AlertState.RAISED);
            new SqliteAlertStore(db).save(alert, new AuditEntry(alert.id(), START, AlertState.RAISED, AuditEntry.Event.RAISED, "raised"), List.of());

            assertThat(count(db)).isEqualTo("1 events");
        }
    }

    @Test
    void closing_the_database_commits_what_is_waiting() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("hearth.db"))) {
            SqliteEventStore.batching(db, time, Duration.ofSeconds(60)).append(pir(true));
        }
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("hearth.db"))) {
            assertThat(count(db)).isEqualTo("1 events");
        }
    }

    @Test
    void a_burst_commits_at_once_rather_than_piling_up_in_memory() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("hearth.db"))) {
            SqliteEventStore events = SqliteEventStore.batching(db, time, Duration.ofSeconds(60));
            for (int i = 0; i < SqliteEventStore.MAX_PENDING; i++) {
                events.append(pir(i % 2 == 0));
            }
            assertThat(count(db)).isEqualTo(SqliteEventStore.MAX_PENDING + " events");
        }
    }

    private SensorEvent pir(boolean active) {
        return new SensorEvent("pir-kitchen", "kitchen", SensorKind.PIR, active, time.now());
    }

    private static String count(SqliteDatabase db) {
        return new SqliteExport(db).counts().get(0);
    }
}
