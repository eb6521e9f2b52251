package org.hearth.sensors.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hearth.sensors.Pull;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorSpec;
import org.hearth.sensors.health.HealthSupervisor;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Pi4J's real mock provider, listener and our debounce, in virtual time. */
@Tag("medium")
class SimulatedHomeTest {

    private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    private final VirtualScheduler time = new VirtualScheduler(T0, ZoneOffset.UTC);
    private final List<SensorEvent> events = new ArrayList<>();
    private final HealthSupervisor supervision = new HealthSupervisor(time, e -> { });

    private static SensorSpec spec(String id, SensorKind kind, int pin, boolean activeLow) {
        return new SensorSpec(id, "bathroom", kind, pin, Pull.UP, activeLow, Duration.ofMillis(20), Duration.ofDays(30));
    }

    @Test
    void a_pulled_cord_on_an_active_low_pin_becomes_one_active_then_one_idle_event() throws Exception {
        try (SimulatedHome home = SimulatedHome.open(List.of(spec("cord", SensorKind.PULL_CORD, 17, true)), time, events::add, supervision)) {
            home.set("cord", true);
            time.advanceBy(Duration.ofSeconds(2));
            home.set("cord", false);
            time.advanceBy(Duration.ofSeconds(1));
        }
        assertThat(events).extracting(SensorEvent::active).containsExactly(true, false);
        assertThat(events.get(0).at()).isEqualTo(T0);
        assertThat(events.get(0).kind()).isEqualTo(SensorKind.PULL_CORD);
        assertThat(events.get(1).at()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void two_sensors_on_one_pin_are_refused_before_anything_opens() {
        var specs = List.of(spec("cord", SensorKind.PULL_CORD, 17, true), spec("door", SensorKind.CONTACT, 17, true));
        assertThatThrownBy(() -> SimulatedHome.open(specs, time, events::add, supervision))
                .isInstanceOf(GpioException.class)
                .hasMessage("pin 17 is used by both cord and door");
    }

    @Test
    void an_active_high_sensor_reads_high_as_active() throws Exception {
        try (SimulatedHome home = SimulatedHome.open(List.of(spec("pir", SensorKind.PIR, 4, false)), time, events::add, supervision)) {
            home.pulse("pir");
            time.advanceBy(Duration.ofSeconds(1));
        }
        assertThat(events).extracting(SensorEvent::active).containsExactly(true, false);
    }
}
