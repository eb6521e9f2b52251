package org.hearth.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AlertState;
import org.hearth.gateway.domain.AuditEntry;
import org.hearth.gateway.domain.AuditEntry.Event;
import org.hearth.gateway.domain.SensorHealthAlerts;
import org.hearth.gateway.testkit.AlertHarness;
import org.hearth.protocol.AlertKind;
import org.hearth.sensors.health.HealthEvent;
import org.hearth.sensors.health.HealthSupervisor;
import org.hearth.sensors.health.SupervisedSensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sensor-health alerts on the real alert machine, outbox and SQLite store, fed by the real
 * supervisor as the daemon wires it, in virtual time: grouped per cause, first level only,
 * never escalated, closed by themselves when the sensors recover.
 */
@Tag("medium")
class SensorHealthAlertsTest {

    private static final String NO_CHIP = "BCM %d could not be opened with gpiod (No gpio chip yet initialized!); trying again every 60 s";

    @TempDir
    Path dir;
    private SqliteDatabase db;
    private AlertHarness home;
    private HealthSupervisor supervisor;
    private SensorHealthAlerts health;

    @BeforeEach
    void wire() {
        db = SqliteDatabase.open(dir.resolve("hearth.db"));
        home = new AlertHarness(new SqliteAlertStore(db));
        health = home.core.healthAlerts();
        supervisor = new HealthSupervisor(home.time, e -> home.time.execute(() -> health.onHealth(e)));
        watch("cord-bathroom", "bathroom", "pull_cord");
        watch("help-lounge", "lounge", "help_button");
        supervisor.watch(new SupervisedSensor("pir-kitchen", "kitchen", "pir", Duration.ofHours(24), false));
        watch("cord-bedroom", "bedroom", "pull_cord");
        supervisor.start();
    }

    @AfterEach
    void close() {
        supervisor.close();
        db.close();
    }

    private void watch(String id, String room, String kind) {
        supervisor.watch(new SupervisedSensor(id, room, kind, Duration.ofDays(30), false));
    }

    private void gpioFails(String id, int pin) {
        supervisor.reportOffline(id, HealthEvent.GPIO, NO_CHIP.formatted(pin));
    }

    private List<Alert> open() {
        home.time.runDue();
        return home.store.open();
    }

    @Test
    void a_wearable_of_one_resident_names_them_in_its_health_alert() {
        var household = new AlertHarness(new SqliteAlertStore(db),
                new org.hearth.gateway.domain.Wearers(java.util.Map.of("pendant-dad", "Dad")));
        var sup = new HealthSupervisor(household.time, e -> household.time.execute(() -> household.core.healthAlerts().onHealth(e)));
        sup.watch(new SupervisedSensor("pendant-dad", "worn pendant", "pendant", Duration.ofMinutes(1), false));
        sup.watch(new SupervisedSensor("pendant-guest", "worn pendant", "pendant", Duration.ofMinutes(1), false));
        sup.start();
        try {
            sup.reportOffline("pendant-dad", HealthEvent.ownCause("pendant-dad"), "out of range");
            sup.reportOffline("pendant-guest", HealthEvent.ownCause("pendant-guest"), "out of range");
            household.time.runDue();

            assertThat(household.store.open()).extracting(Alert::message).containsExactlyInAnyOrder(
                    "The pendant sensor pendant-dad in the worn pendant (worn by Dad) needs attention: OFFLINE (out of range).",
                    "The pendant sensor pendant-guest in the worn pendant needs attention: OFFLINE (out of range).");
        } finally {
            sup.close();
        }
    }

    @Test
    void gpio_failing_for_every_pin_is_one_alert_to_the_first_level_that_never_escalates() {
        gpioFails("cord-bathroom", 17);
        gpioFails("help-lounge", 27);
        gpioFails("pir-kitchen", 4);

        assertThat(open()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.SENSOR_HEALTH);
            assertThat(a.room()).isEmpty();
            assertThat(a.message()).isEqualTo("3 sensors need attention, for one cause: "
                    + "the pull cord sensor cord-bathroom in the bathroom: OFFLINE (" + NO_CHIP.formatted(17) + "); "
                    + "the help button sensor help-lounge in the lounge: OFFLINE (" + NO_CHIP.formatted(27) + "); "
                    + "the pir sensor pir-kitchen in the kitchen: OFFLINE (" + NO_CHIP.formatted(4) + ").");
        });
        home.after(Duration.ofHours(3));

        Alert alert = open().get(0);
        assertThat(alert.level()).isEqualTo(1);
        assertThat(home.network.deliveredTo("Priya")).hasSize(1);
        assertThat(home.network.deliveredTo("Tom")).hasSize(1);
        assertThat(home.network.deliveredTo("Helpline")).isEmpty();
        assertThat(home.store.history(alert.id())).extracting(AuditEntry::event).doesNotContain(Event.ESCALATED, Event.LADDER_EXHAUSTED);
        assertThat(home.said).isEmpty();
    }

    @Test
    void a_sensor_failing_later_for_the_same_cause_joins_the_alert_which_closes_itself_when_all_work_again() {
        gpioFails("cord-bathroom", 17);
        gpioFails("help-lounge", 27);
        Alert alert = open().get(0);
        home.after(Duration.ofMinutes(10));
        gpioFails("cord-bedroom", 22);
        assertThat(open()).extracting(Alert::id).containsExactly(alert.id());

        supervisor.reportReady("cord-bathroom");
        supervisor.reportReady("help-lounge");
        assertThat(open()).extracting(Alert::id).as("one sensor of the cause still fails").containsExactly(alert.id());
        home.after(Duration.ofMinutes(1));
        supervisor.reportReady("cord-bedroom");

        assertThat(open()).isEmpty();
        AuditEntry last = home.store.history(alert.id()).get(home.store.history(alert.id()).size() - 1);
        assertThat(last.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(last.event()).isEqualTo(Event.SENSOR_RECOVERED);
        assertThat(last.detail()).isEqualTo("Closed by itself: all 3 sensors work again, the last the pull cord sensor "
                + "cord-bedroom in the bedroom (working again; waiting for the first event).");
        assertThat(home.network.deliveredTo("Priya")).hasSize(1);
    }

    @Test
    void different_causes_are_different_alerts_and_a_sensor_getting_worse_stays_in_its_own() {
        gpioFails("cord-bathroom", 17);
        supervisor.reportFailure("pir-kitchen", "read", "x");
        home.after(Duration.ofHours(25));
        supervisor.reportOffline("pir-kitchen", "wire cut");

        assertThat(open()).extracting(Alert::message).containsExactly(
                "The pull cord sensor cord-bathroom in the bathroom needs attention: OFFLINE (" + NO_CHIP.formatted(17) + ").",
                "The pir sensor pir-kitchen in the kitchen needs attention: SUSPECT (no events in the 24h since start).");
        assertThat(home.network.deliveredTo("Helpline")).isEmpty();

        supervisor.reportOk("pir-kitchen");
        assertThat(open()).extracting(Alert::kind, Alert::room).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertKind.SENSOR_HEALTH, "bathroom"));
    }

    @Test
    void once_a_carer_resolved_it_a_new_failure_of_the_same_cause_raises_a_new_alert() {
        gpioFails("cord-bathroom", 17);
        Alert first = open().get(0);
        home.alerts.resolve(first.id(), "Priya");
        gpioFails("help-lounge", 27);

        assertThat(open()).singleElement().satisfies(a -> assertThat(a.id()).isNotEqualTo(first.id()));
        supervisor.reportReady("cord-bathroom");
        assertThat(open()).as("the new alert is about the help button only").hasSize(1);
    }

    @Test
    void a_sensor_that_recovers_in_the_same_turn_raises_nothing_and_a_restart_closes_what_was_left_open() {
        gpioFails("cord-bathroom", 17);
        supervisor.reportReady("cord-bathroom");
        assertThat(open()).isEmpty();

        gpioFails("help-lounge", 27);
        Alert left = open().get(0);
        AlertHarness restarted = new AlertHarness(home.store, home.time);
        restarted.alerts.recover();
        new SensorHealthAlerts(restarted.alerts, restarted.time).afterRestart(restarted.store.open());

        assertThat(open()).isEmpty();
        assertThat(home.store.history(left.id())).last().satisfies(e -> {
            assertThat(e.event()).isEqualTo(Event.RESOLVED);
            assertThat(e.detail()).isEqualTo("Resolved by a restart: every sensor is checked again from the start.");
        });
    }
}
