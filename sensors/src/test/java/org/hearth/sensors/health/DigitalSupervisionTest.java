package org.hearth.sensors.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hearth.sensors.Pull;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorSpec;
import org.hearth.sensors.gpio.SimulatedHome;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Digital sensors on Pi4J's mock provider feeding supervision, as the gateway wires them. */
@Tag("medium")
class DigitalSupervisionTest {

    private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

    @Test
    void a_door_contact_unused_for_longer_than_its_max_silence_turns_suspect_and_back() throws Exception {
        VirtualScheduler time = new VirtualScheduler(T0, ZoneOffset.UTC);
        List<HealthEvent> health = new ArrayList<>();
        List<SensorEvent> events = new ArrayList<>();
        SensorSpec door = new SensorSpec("door-front", "hall", SensorKind.CONTACT, 5, Pull.UP, false, Duration.ofMillis(30), Duration.ofDays(2));
        SensorSpec pir = new SensorSpec("pir-hall", "hall", SensorKind.PIR, 4, Pull.OFF, false, Duration.ofMillis(30), Duration.ofHours(12));
        try (HealthSupervisor supervisor = new HealthSupervisor(time, health::add);
             SimulatedHome home = SimulatedHome.open(List.of(door, pir), time, supervisor.observing(events::add), supervisor)) {
            supervisor.watch(SupervisedSensor.digital(door));
            supervisor.watch(SupervisedSensor.digital(pir));
            supervisor.start();
            for (int day = 0; day < 3; day++) {
                for (int hour = 0; hour < 24; hour += 4) {
                    home.pulse("pir-hall");
                    time.advanceBy(Duration.ofHours(4));
                }
            }

            assertThat(health).singleElement().satisfies(e -> assertThat(e.describe())
                    .isEqualTo("contact door-front in hall: SUSPECT (no events in the 48h since start)"));
            assertThat(supervisor.health("pir-hall").orElseThrow().status()).isEqualTo(HealthStatus.ONLINE);

            home.set("door-front", true);
            time.advanceBy(Duration.ofSeconds(1));

            assertThat(health).last().satisfies(e -> assertThat(e.current()).isEqualTo(HealthStatus.ONLINE));
            assertThat(supervisor.health("door-front").orElseThrow().lastEvent()).contains(T0.plus(Duration.ofDays(3)));
            assertThat(events).isNotEmpty();
        }
    }
}
