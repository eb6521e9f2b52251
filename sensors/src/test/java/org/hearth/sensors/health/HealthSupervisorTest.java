package org.hearth.sensors.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.sensors.Pull;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.SensorSpec;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Supervision in virtual time: days pass in milliseconds. */
@Tag("small")
class HealthSupervisorTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T07:00:00Z");
    private final VirtualScheduler time = new VirtualScheduler(MONDAY, ZoneOffset.UTC);
    private final List<HealthEvent> events = new ArrayList<>();
    private final HealthSupervisor supervisor = new HealthSupervisor(time, events::add);

    private static SensorSpec pir(String id, String room, Duration maxSilence) {
        return new SensorSpec(id, room, SensorKind.PIR, 4, Pull.OFF, false, Duration.ofMillis(50), maxSilence);
    }

    private final SupervisedSensor kitchenPir = SupervisedSensor.digital(pir("pir-kitchen", "kitchen", Duration.ofHours(24)));
    private final SupervisedSensor accel = new SupervisedSensor("accel", "hall", "adxl345", Duration.ofMinutes(1), true);

    HealthSupervisorTest() {
        supervisor.watch(kitchenPir);
        supervisor.watch(accel);
        supervisor.start();
    }

    @AfterEach
    void stop() {
        supervisor.close();
    }

    private SensorHealth row(String id) {
        return supervisor.health(id).orElseThrow();
    }

    @Test
    void a_sensor_that_reports_stays_online_without_any_health_event() {
        for (int minute = 0; minute < 72 * 60; minute++) {
            time.advanceBy(Duration.ofSeconds(50));
            supervisor.reportOk("accel");
            time.advanceBy(Duration.ofSeconds(10));
            if (minute % 600 == 0) {
                supervisor.reportOk("pir-kitchen");
            }
        }
        assertThat(events).isEmpty();
        assertThat(row("pir-kitchen").describe()).isEqualTo("ONLINE (working normally)");
        assertThat(row("accel").lastEvent()).contains(MONDAY.plus(Duration.ofHours(72)).minusSeconds(10));
    }

    @Test
    void a_warning_keeps_a_reporting_sensor_suspect_until_it_is_cleared_and_does_not_read_as_silence() {
        supervisor.reportOk("accel");
        supervisor.reportWarning("accel", "battery low (15 %)");
        time.advanceBy(Duration.ofSeconds(10));
        supervisor.reportOk("accel");
        supervisor.reportWarning("accel", "battery low (14 %)");

        assertThat(row("accel").describe()).isEqualTo("SUSPECT (battery low (14 %))");
        supervisor.reportWarning("accel", null);

        assertThat(row("accel").describe()).isEqualTo("ONLINE (working again)");
        assertThat(events).extracting(HealthEvent::current, HealthEvent::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(HealthStatus.SUSPECT, "battery low (15 %)"),
                org.assertj.core.groups.Tuple.tuple(HealthStatus.ONLINE, "working again"));
    }

    @Test
    void a_sensor_silent_longer_than_its_max_silence_turns_suspect_within_a_check_and_says_how_long() {
        supervisor.reportOk("pir-kitchen");
        time.advanceBy(Duration.ofHours(24));
        assertThat(row("pir-kitchen").status()).isEqualTo(HealthStatus.ONLINE);

        time.advanceBy(Duration.ofMinutes(1));

        assertThat(events).filteredOn(e -> e.sensorId().equals("pir-kitchen")).singleElement().satisfies(e -> {
            assertThat(e.previous()).isEqualTo(HealthStatus.ONLINE);
            assertThat(e.current()).isEqualTo(HealthStatus.SUSPECT);
            assertThat(e.reason()).isEqualTo("no events for 24h");
            assertThat(e.at()).isEqualTo(MONDAY.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(1)));
            assertThat(e.needsAttention()).isTrue();
            assertThat(e.describe()).isEqualTo("pir pir-kitchen in kitchen: SUSPECT (no events for 24h)");
        });

        time.advanceBy(Duration.ofHours(2));
        assertThat(row("pir-kitchen").describe()).isEqualTo("SUSPECT (no events for 26h)");
    }

    @Test
    void a_suspect_sensor_that_reports_again_is_online_again_with_one_event() {
        supervisor.reportOk("pir-kitchen");
        time.advanceBy(Duration.ofHours(30));
        events.clear();

        supervisor.reportOk("pir-kitchen");

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.current()).isEqualTo(HealthStatus.ONLINE);
            assertThat(e.reason()).isEqualTo("working again");
            assertThat(e.needsAttention()).isFalse();
        });
    }

    @Test
    void a_sensor_never_heard_from_is_suspect_counting_from_start() {
        time.advanceBy(Duration.ofMinutes(3));
        assertThat(row("accel").describe()).isEqualTo("SUSPECT (no readings in the 3 min since start)");
        assertThat(row("accel").lastEvent()).isEmpty();
    }

    @Test
    void three_failures_in_a_row_make_a_sensor_offline_with_the_cause() {
        supervisor.reportOk("accel");
        supervisor.reportFailure("accel", "I2C read", "Remote I/O error");
        assertThat(row("accel").describe()).isEqualTo("ONLINE (working, but I2C read failed once: Remote I/O error)");
        supervisor.reportFailure("accel", "I2C read", "Remote I/O error");
        assertThat(events).isEmpty();

        supervisor.reportFailure("accel", "I2C read", "Remote I/O error");

        assertThat(events).singleElement().satisfies(e -> assertThat(e.describe())
                .isEqualTo("adxl345 accel in hall: OFFLINE (I2C read failed 3 times: Remote I/O error)"));
        supervisor.reportFailure("accel", "I2C read", "Remote I/O error");
        assertThat(events).hasSize(1);
        assertThat(row("accel").reason()).isEqualTo("I2C read failed 4 times: Remote I/O error");
    }

    @Test
    void a_good_read_between_failures_starts_the_count_again() {
        for (int i = 0; i < 10; i++) {
            supervisor.reportFailure("accel", "I2C read", "Remote I/O error");
            supervisor.reportFailure("accel", "I2C read", "Remote I/O error");
            supervisor.reportOk("accel");
        }
        assertThat(events).isEmpty();
        assertThat(row("accel").describe()).isEqualTo("ONLINE (working normally)");
    }

    @Test
    void a_missing_device_is_offline_at_once_and_a_silent_offline_sensor_does_not_turn_suspect() {
        supervisor.reportOffline("accel", "no device answers at 0x53 on I2C bus 1 (Remote I/O error)");
        supervisor.reportOffline("accel", "no device answers at 0x53 on I2C bus 1 (Remote I/O error)");
        time.advanceBy(Duration.ofHours(1));

        assertThat(events).singleElement().satisfies(e -> assertThat(e.current()).isEqualTo(HealthStatus.OFFLINE));
        assertThat(row("accel").describe()).isEqualTo("OFFLINE (no device answers at 0x53 on I2C bus 1 (Remote I/O error))");
    }

    @Test
    void the_snapshot_lists_every_sensor_in_order_with_room_kind_and_last_event() {
        time.advanceBy(Duration.ofSeconds(30));
        supervisor.reportOk("accel");

        List<SensorHealth> rows = supervisor.snapshot();

        assertThat(rows).extracting(SensorHealth::sensorId).containsExactly("pir-kitchen", "accel");
        assertThat(rows.get(0)).isEqualTo(new SensorHealth("pir-kitchen", "kitchen", "pir", HealthStatus.ONLINE,
                "waiting for the first event", Optional.empty()));
        assertThat(rows.get(1).lastEvent()).contains(MONDAY.plusSeconds(30));
        assertThat(rows.get(1).kind()).isEqualTo("adxl345");
    }

    @Test
    void sensor_events_passing_through_the_observing_listener_count_as_reports() {
        List<SensorEvent> passed = new ArrayList<>();
        SensorListener listener = supervisor.observing(passed::add);
        time.advanceBy(Duration.ofHours(23));

        listener.onEvent(new SensorEvent("pir-kitchen", "kitchen", SensorKind.PIR, true, time.now()));
        time.advanceBy(Duration.ofHours(23));

        assertThat(passed).hasSize(1);
        assertThat(row("pir-kitchen").status()).isEqualTo(HealthStatus.ONLINE);
        assertThat(row("pir-kitchen").lastEvent()).contains(MONDAY.plus(Duration.ofHours(23)));
    }

    @Test
    void a_failing_listener_does_not_stop_supervision() {
        HealthSupervisor fragile = new HealthSupervisor(time, e -> {
            throw new IllegalStateException("listener bug");
        });
        fragile.watch(accel);
        fragile.start();
        fragile.reportOffline("accel", "gone");
        time.advanceBy(Duration.ofMinutes(5));
        fragile.reportOk("accel");
        assertThat(fragile.health("accel").orElseThrow().status()).isEqualTo(HealthStatus.ONLINE);
        fragile.close();
    }

    @Test
    void reports_about_unknown_sensors_are_ignored_and_a_name_cannot_be_used_twice() {
        supervisor.reportOk("nobody");
        supervisor.reportFailure("nobody", "I2C read", "x");
        supervisor.reportOffline("nobody", "x");
        assertThat(events).isEmpty();

        supervisor.watch(accel);
        assertThatThrownBy(() -> supervisor.watch(new SupervisedSensor("accel", "bedroom", "adxl345", Duration.ofMinutes(1), true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("two sensors are named accel");
    }

    @Test
    void after_close_no_more_checks_run() {
        supervisor.close();
        time.advanceBy(Duration.ofDays(3));
        assertThat(events).isEmpty();
        assertThat(time.pending()).isZero();
    }
}
