package org.hearth.gateway.app.daemon;

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
import org.hearth.gateway.store.SqliteAlertStore;
import org.hearth.gateway.store.SqliteDatabase;
import org.hearth.gateway.store.SqliteEventStore;
import org.hearth.gateway.store.SqliteExport;
import org.hearth.gateway.store.SqliteRetention;
import org.hearth.protocol.AlertKind;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention on a real SQLite file, in virtual time: events go after 30 days, resolved alerts after a year, open ones never. */
@Tag("medium")
class RetentionJobTest {

    @TempDir
    Path dir;

    @Test
    void a_year_of_daily_passes_keeps_only_what_retention_allows() {
        Instant start = Instant.parse("2026-01-01T08:00:00Z");
        VirtualScheduler time = new VirtualScheduler(start, ZoneOffset.UTC);
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("hearth.db"))) {
            SqliteEventStore events = new SqliteEventStore(db);
            SqliteAlertStore alerts = new SqliteAlertStore(db);
            Alert resolved = Alert.detected(AlertRequest.urgent(AlertKind.HELP, "hall", "old", false), UUID.randomUUID(), start)
                    .withState(AlertState.RESOLVED);
            Alert open = Alert.detected(AlertRequest.urgent(AlertKind.HELP, "hall", "still open", false), UUID.randomUUID(), start)
                    .withState(AlertState.RAISED);
            alerts.save(resolved, new AuditEntry(resolved.id(), start, AlertState.RESOLVED, AuditEntry.Event.RESOLVED, "done"), List.of());
            alerts.save(open, new AuditEntry(open.id(), start, AlertState.RAISED, AuditEntry.Event.RAISED, "raised"), List.of());

            RetentionJob job = new RetentionJob(new SqliteRetention(db), time, 30);
            time.schedule(RetentionJob.FIRST_RUN, job::run);
            for (int day = 0; day < 400; day++) {
                events.append(new SensorEvent("pir", "kitchen", SensorKind.PIR, true, time.now()));
                time.advanceBy(Duration.ofDays(1));
            }

            List<String> counts = new SqliteExport(db).counts();
            // The last event was on day 399 at 08:00 and the last pass ran at 08:10 that day: the events of
            // days 370 to 399 are younger than 30 days at that pass, so exactly 30 remain.
            assertThat(counts.get(0)).isEqualTo("30 events");
            assertThat(alerts.find(resolved.id())).isEmpty();
            assertThat(alerts.history(resolved.id())).isEmpty();
            assertThat(alerts.find(open.id())).isPresent();
            assertThat(db.integrityCheck()).isEqualTo("ok");
        }
    }
}
