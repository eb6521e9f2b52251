package org.hearth.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.Phrase;
import org.hearth.gateway.testkit.AlertHarness;
import org.hearth.protocol.AlertKind;
import org.hearth.sensors.Pull;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorSpec;
import org.hearth.sensors.gpio.SimulatedHome;
import org.hearth.sensors.health.HealthSupervisor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walk-test mode in virtual time: Pi4J mock pins, the real debounce, direct alarms, the alert
 * machine, outbox and SQLite. Cords and buttons are reported and call nobody, unless held down.
 */
@Tag("medium")
class WalkTestModeTest {

    private static final Duration DEBOUNCE = Duration.ofMillis(50);

    @TempDir
    Path dir;
    private SqliteDatabase db;
    private AlertHarness home;
    private SimulatedHome pins;

    @BeforeEach
    void wire() throws Exception {
        db = SqliteDatabase.open(dir.resolve("hearth.db"));
        home = new AlertHarness(new SqliteAlertStore(db));
        pins = SimulatedHome.open(List.of(
                new SensorSpec("cord-bathroom", "bathroom", SensorKind.PULL_CORD, 26, Pull.UP, true, DEBOUNCE, Duration.ofDays(30)),
                new SensorSpec("help-lounge", "lounge", SensorKind.HELP_BUTTON, 27, Pull.UP, true, DEBOUNCE, Duration.ofDays(30)),
                new SensorSpec("cancel-lounge", "lounge", SensorKind.CANCEL_BUTTON, 24, Pull.UP, true, DEBOUNCE, Duration.ofDays(30)),
                new SensorSpec("mat-bedroom", "bedroom", SensorKind.FALL_OUTPUT, 25, Pull.UP, true, DEBOUNCE, Duration.ofDays(30))),
                home.time, home.sensors::onEvent, new HealthSupervisor(home.time, change -> { }));
    }

    @AfterEach
    void close() {
        pins.close();
        db.close();
    }

    /** Pulls (or presses) and lets go after {@code held}. */
    private void pull(String sensor, Duration held) {
        pins.set(sensor, true);
        home.after(held);
        pins.set(sensor, false);
        home.after(Duration.ofSeconds(1));
    }

    private List<Alert> open() {
        home.time.runDue();
        return home.store.open();
    }

    @Test
    void during_a_walk_test_cords_and_buttons_are_spoken_and_call_nobody() {
        home.walkTest.start();
        pull("cord-bathroom", Duration.ofSeconds(1));
        pull("help-lounge", Duration.ofMillis(4900));
        home.after(Duration.ofMinutes(10));

        assertThat(open()).isEmpty();
        assertThat(home.network.sent()).isEmpty();
        assertThat(home.said).containsExactly(Phrase.of(Phrase.WALK_TEST_STARTED),
                Phrase.of("walktest.cord", "room", "bathroom"), Phrase.of("walktest.help", "room", "lounge"));
    }

    @Test
    void a_fall_output_is_reported_and_the_cancel_button_keeps_its_job() {
        home.walkTest.start();
        pull("mat-bedroom", Duration.ofSeconds(10));
        pull("cancel-lounge", Duration.ofMillis(300));

        assertThat(open()).isEmpty();
        assertThat(home.said).containsExactly(Phrase.of(Phrase.WALK_TEST_STARTED), Phrase.of("walktest.fall", "room", "bedroom"),
                Phrase.of(Phrase.NOTHING_TO_CANCEL));
    }

    @Test
    void a_cord_held_for_five_seconds_during_a_walk_test_is_a_real_alert() {
        home.walkTest.start();
        pins.set("cord-bathroom", true);
        home.after(Duration.ofMillis(4999));
        assertThat(open()).isEmpty();
        home.after(Duration.ofMillis(1));

        assertThat(open()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.HELP);
            assertThat(a.room()).isEqualTo("bathroom");
            assertThat(a.message()).isEqualTo("The pull cord in the bathroom was pulled at 08:00. It was held down during a walk test.");
        });
        assertThat(home.network.deliveredTo("Priya")).hasSize(1);
        assertThat(home.phraseKeys()).containsSubsequence(Phrase.WALK_TEST_REAL, Phrase.CALLING_FOR_HELP);
        assertThat(home.walkTest.until()).as("the walk test goes on for the other sensors").isPresent();
    }

    @Test
    void the_help_button_held_during_a_walk_test_is_a_real_alert_that_escalates_as_any_other() {
        home.walkTest.start();
        pull("help-lounge", Duration.ofSeconds(6));
        home.after(Duration.ofMinutes(5));

        assertThat(open()).singleElement().satisfies(a -> assertThat(a.level()).isEqualTo(2));
        assertThat(home.network.deliveredTo("Helpline")).hasSize(1);
    }

    @Test
    void the_mode_ends_by_itself_after_30_minutes_and_the_cord_calls_for_help_again() {
        home.walkTest.start();
        home.after(Duration.ofMinutes(30).minusSeconds(2));
        pull("cord-bathroom", Duration.ofMillis(500));
        assertThat(open()).isEmpty();
        home.after(Duration.ofSeconds(1));

        assertThat(home.phraseKeys()).endsWith(Phrase.WALK_TEST_ENDED);
        assertThat(home.walkTest.until()).isEmpty();
        pull("cord-bathroom", Duration.ofMillis(500));
        assertThat(open()).singleElement().satisfies(a ->
                assertThat(a.message()).isEqualTo("The pull cord in the bathroom was pulled at 08:30."));
    }

    @Test
    void finishing_ends_the_mode_at_once_but_a_cord_held_across_the_end_still_counts() {
        home.walkTest.start();
        pins.set("cord-bathroom", true);
        home.after(Duration.ofSeconds(2));
        assertThat(home.walkTest.finish()).isTrue();
        assertThat(home.walkTest.finish()).isFalse();
        assertThat(open()).isEmpty();
        home.after(Duration.ofSeconds(3));

        assertThat(open()).hasSize(1);
        pins.set("cord-bathroom", false);
        home.after(Duration.ofSeconds(1));
        assertThat(open()).hasSize(1);
    }

    @Test
    void starting_again_gives_the_mode_its_full_30_minutes_from_then() {
        home.walkTest.start();
        home.after(Duration.ofMinutes(20));
        assertThat(home.walkTest.start()).isEqualTo(home.time.now().plus(Duration.ofMinutes(30)));
        home.after(Duration.ofMinutes(29));
        pull("cord-bathroom", Duration.ofSeconds(1));

        assertThat(open()).isEmpty();
        assertThat(home.phraseKeys()).containsOnlyOnce(Phrase.WALK_TEST_STARTED).doesNotContain(Phrase.WALK_TEST_ENDED);
    }
}
