package org.hearth.hub.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hearth.hub.config.HubConfig;
import org.hearth.hub.store.AccessEntry;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.JdbcHubStore;
import org.hearth.hub.store.StoredAlert;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention runs on the hub's scheduler, in virtual time, against a real SQLite store: nothing goes
 * before its period, a resolved alert and old log lines go at the first daily turn after it, and an
 * open alert stays however old it is. (What {@code prune} deletes is the store contract's, on
 * SQLite and PostgreSQL.)
 */
@Tag("medium")
class RetentionTest {

    static final Instant T0 = Instant.parse("2026-11-28T10:15:30Z");

    @TempDir
    Path dir;

    VirtualScheduler time;
    HubStore store;
    Home home;

    @BeforeEach
    void open() {
        time = new VirtualScheduler(T0, ZoneOffset.UTC);
        store = JdbcHubStore.sqlite(dir.resolve("hub.db"));
        home = store.addHome("Flat 12", new byte[16], T0);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void resolved_alerts_and_old_log_lines_go_after_their_period_on_the_daily_schedule_and_open_alerts_never() {
        UUID resolved = alert("resolved");
        UUID open = alert("acknowledged");
        store.logAccess(new AccessEntry(T0, "d-1", home.id(), "alerts"));
        Retention retention = new Retention(store, time, new HubConfig.Retention(Duration.ofDays(365), Duration.ofDays(90)));
        retention.start();

        time.advanceBy(Duration.ofDays(89));
        assertThat(store.accessLog(home.id())).hasSize(1);
        time.advanceBy(Duration.ofDays(2)); // turns come a minute after start, then daily: day 90's is the first after 90 days
        assertThat(store.accessLog(home.id())).isEmpty();
        assertThat(store.alerts(home.id())).hasSize(2);

        time.advanceBy(Duration.ofDays(366 - 91)); // up to day 365's turn: its last event is not yet a year older than the cut-off
        assertThat(store.alerts(home.id())).hasSize(2);
        time.advanceBy(Duration.ofDays(1)); // day 366's turn
        assertThat(store.alerts(home.id())).extracting(StoredAlert::id).containsExactly(open);
        assertThat(store.events(resolved)).isEmpty();

        time.advanceBy(Duration.ofDays(3650));
        assertThat(store.alerts(home.id())).extracting(StoredAlert::id).as("never an open alert").containsExactly(open);

        retention.stop();
        store.logAccess(new AccessEntry(time.now().minus(Duration.ofDays(100)), "d-1", home.id(), "summary"));
        time.advanceBy(Duration.ofDays(2));
        assertThat(store.accessLog(home.id())).as("stopped").hasSize(1);
        assertThat(retention.runOnce()).hasValueSatisfying(p -> assertThat(p.accessEntries()).isEqualTo(1));
    }

    private UUID alert(String lastState) {
        UUID id = UUID.randomUUID();
        store.addAlert(home.id(), id, "{}", T0);
        store.addEvent(home.id(), id, 1, "raised", "{}", T0);
        store.addEvent(home.id(), id, 2, lastState, "{}", T0.plusSeconds(60));
        return id;
    }
}
