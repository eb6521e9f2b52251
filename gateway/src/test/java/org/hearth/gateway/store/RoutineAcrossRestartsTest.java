package org.hearth.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.gateway.testkit.HomeScenario.bedMat;
import static org.hearth.gateway.testkit.HomeScenario.door;
import static org.hearth.gateway.testkit.HomeScenario.givenHomeWith;
import static org.hearth.gateway.testkit.HomeScenario.pir;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.hearth.gateway.domain.activity.ActivityWatch;
import org.hearth.gateway.domain.activity.RoutineStore;
import org.hearth.gateway.domain.activity.Whereabouts;
import org.hearth.gateway.testkit.HomeScenario;
import org.hearth.protocol.AlertKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The inactivity detector across restarts, in virtual time, with the real SQLite store: each
 * restart closes the database and opens it again, as a new daemon would.
 */
@Tag("medium")
class RoutineAcrossRestartsTest {

    @TempDir
    Path dir;

    private SqliteDatabase db;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger watchLog = (Logger) LoggerFactory.getLogger(ActivityWatch.class);

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(dir.resolve("hearth.db"));
        log.start();
        watchLog.addAppender(log);
    }

    @AfterEach
    void close() {
        watchLog.detachAppender(log);
        db.close();
    }

    private static HomeScenario home() {
        return givenHomeWith(pir("bedroom"), bedMat("bedroom"), pir("bathroom"), pir("hall"), pir("kitchen"),
                pir("living room"), door("entry"));
    }

    /** The daemon stops and starts: the database closed and opened again. */
    private RoutineStore reopened() {
        log.list.clear();
        db.close();
        db = SqliteDatabase.open(dir.resolve("hearth.db"));
        return new SqliteRoutineStore(db);
    }

    private static void ordinaryDay(HomeScenario home) {
        home.at("07:00").getsOutOfBed("bedroom").motionIn("bedroom").at("07:02").motionIn("hall")
                .busyIn("bathroom", "07:20").motionIn("hall").busyIn("kitchen", "08:00")
                .sitsIn("living room", "12:00").busyIn("kitchen", "12:40").sitsIn("living room", "18:00")
                .busyIn("kitchen", "19:00").sitsIn("living room", "22:00")
                .at("22:05").motionIn("hall").busyIn("bathroom", "22:15").motionIn("bedroom").getsIntoBed("bedroom");
    }

    private HomeScenario outAt1100(HomeScenario home) {
        return home.at("08:00").busyIn("kitchen", "09:00").at("09:20").goesOutVia("hall", "entry").at("11:00");
    }

    @Test
    void a_restart_while_the_resident_is_out_raises_no_alarm_about_the_empty_home() {
        HomeScenario home = outAt1100(home().withStore(new SqliteRoutineStore(db)));
        assertThat(home.residentOut()).isTrue();

        home.restart(reopened());

        assertThat(home.residentOut()).as("still out after the restart").isTrue();
        home.at("13:00").motionIn("living room").noMotionUntil("18:00").thenNoAlert();
        home.at("18:00").comesHomeVia("entry", "hall", "kitchen");
        assertThat(home.residentOut()).isFalse();
        home.noMotionUntil("18:31").thenAlert(AlertKind.LONG_LIE, "kitchen");
        assertThat(new SqliteRoutineStore(db).whereabouts()).get().extracting(Whereabouts::away).isEqualTo(false);
    }

    @Test
    void without_the_store_the_same_restart_would_take_a_blip_in_the_empty_home_for_the_resident() {
        HomeScenario home = outAt1100(home());

        home.restart(RoutineStore.NONE);

        assertThat(home.residentOut()).isFalse();
        home.at("13:00").motionIn("living room").noMotionUntil("18:00").thenAlert(AlertKind.LONG_LIE, "living room");
    }

    @Test
    void a_restart_on_day_20_keeps_the_routine_and_the_alarm_is_the_one_without_the_restart() {
        HomeScenario kept = home().withStore(new SqliteRoutineStore(db));
        HomeScenario never = home();
        HomeScenario forgot = home();
        Consumer<HomeScenario> firstDays = h -> h.forDays(19, RoutineAcrossRestartsTest::ordinaryDay).at("05:00");
        List.of(kept, never, forgot).forEach(firstDays);

        kept.restart(reopened());
        forgot.restart(RoutineStore.NONE);

        List<HomeScenario.Raised> alarms = List.of(kept, never, forgot).stream().map(h -> h.at("07:00")
                .getsOutOfBed("bedroom").motionIn("bedroom").at("07:02").motionIn("hall").busyIn("kitchen", "08:00")
                .sitsIn("living room", "14:00").motionIn("living room").noMotionUntil("16:00")
                .thenAlert(h == forgot ? "long_lie.living room" : "inactivity.living room")).toList();
        assertThat(alarms.get(0).at()).as("when the alarm came").isEqualTo(alarms.get(1).at())
                .isBefore(alarms.get(2).at());
        assertThat(alarms.get(0).message()).isEqualTo(alarms.get(1).message())
                .contains("At this time of the week, stillness after the living room usually lasts");
        assertThat(messages(Level.INFO)).anyMatch(m -> m.startsWith("Restored the learned routine: watched since 07:00 on Monday 2 March")
                && !m.contains("still learning"));
    }

    @Test
    void a_damaged_routine_is_learned_afresh_with_a_warning_and_the_fixed_limits_still_raise_alarms() throws Exception {
        HomeScenario home = home().withStore(new SqliteRoutineStore(db)).forDays(15, RoutineAcrossRestartsTest::ordinaryDay)
                .at("05:00");
        RoutineStore store = reopened();
        try (Statement s = db.connection().createStatement()) {
            s.execute("UPDATE routine_quiet SET minutes = '25.0 banana' WHERE room = 'living room' AND hour_of_week = 14");
        }

        home.restart(store).at("07:00").getsOutOfBed("bedroom").motionIn("bedroom").at("07:02").motionIn("hall")
                .busyIn("kitchen", "08:00").sitsIn("living room", "14:00").motionIn("living room")
                .noMotionUntil("15:30").thenNoAlert();

        HomeScenario.Raised alarm = home.noMotionUntil("15:31").thenAlert(AlertKind.LONG_LIE, "living room");
        assertThat(alarm.message()).contains("After the living room, more than 1 h 30 min without movement is unusual.");
        assertThat(messages(Level.WARN)).singleElement().asString()
                .startsWith("The stored routine could not be read (routine_quiet for living room at hour 14 holds 'banana', "
                        + "not a number of minutes): learning starts afresh, and only the fixed limits apply for the first 14 days");
        assertThat(store.routine()).as("the damaged routine is replaced by the new one")
                .get().extracting(r -> r.watchedSince()).isEqualTo(Instant.parse("2026-03-17T07:00:00Z"));
    }

    @Test
    void a_missing_routine_is_learned_afresh_with_a_warning() throws Exception {
        HomeScenario home = home().withStore(new SqliteRoutineStore(db)).forDays(15, RoutineAcrossRestartsTest::ordinaryDay)
                .at("05:00");
        RoutineStore store = reopened();
        try (Statement s = db.connection().createStatement()) {
            s.execute("DELETE FROM routine");
        }

        home.restart(store).at("11:00").motionIn("kitchen").noMotionUntil("11:31").thenAlert(AlertKind.LONG_LIE, "kitchen");

        assertThat(messages(Level.WARN)).singleElement().asString().startsWith("No learned routine is stored");
    }

    @Test
    void the_store_gives_back_the_routine_it_was_given() {
        HomeScenario home = home().withStore(new SqliteRoutineStore(db)).forDays(3, RoutineAcrossRestartsTest::ordinaryDay)
                .at("05:00");
        var saved = new SqliteRoutineStore(db).routine().orElseThrow();

        assertThat(reopened().routine()).contains(saved);
        assertThat(saved.watchedSince()).isEqualTo(Instant.parse("2026-03-02T07:00:00Z"));
        assertThat(saved.quietSpells()).isPositive();
        assertThat(saved.upMinutes()).hasSize(3);
        assertThat(home.raised()).isEmpty();
    }

    private List<String> messages(Level level) {
        return log.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }
}
