package org.hearth.sensors.ble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.health.HealthStatus;
import org.hearth.sensors.health.HealthSupervisor;
import org.hearth.sensors.platform.SensorPlatform;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The simulated home's pendant, from {@link SensorPlatform#emulated()}, in virtual time: its
 * Thingy:52 notifications go through {@link PendantReadings} as samples at 50 Hz, it stays ONLINE at
 * rest, and its fall has the shape a fall detector looks for.
 */
@Tag("small")
class EmulatedPendantTest {

    private static final Instant START = Instant.parse("2026-11-23T07:00:00Z");
    private static final long PERIOD_MICROS = 1_000_000L / Thingy52Profile.RATE_HZ;

    private final VirtualScheduler time = new VirtualScheduler(START, ZoneOffset.UTC);
    private final HealthSupervisor supervisor = new HealthSupervisor(time, e -> { });
    private final List<AccelSample> samples = new ArrayList<>();
    private final List<SensorEvent> events = new ArrayList<>();
    private final PendantSpec spec = new PendantSpec("pendant", "hall", "C0:FF:EE:00:00:01", "thingy52", "hci0",
            Duration.ofSeconds(10), Duration.ofSeconds(10), 20);
    private final SensorPlatform platform = SensorPlatform.emulated();

    EmulatedPendantTest() {
        PendantSet pendants = platform.pendants(time, supervisor);
        assertThat(pendants).isInstanceOf(EmulatedPendants.class);
        pendants.add(spec, new SensorListener() {
            @Override
            public void onEvent(SensorEvent event) {
                events.add(event);
            }

            @Override
            public void onAccel(String sensorId, List<AccelSample> batch) {
                assertThat(sensorId).isEqualTo("pendant");
                samples.addAll(batch);
            }
        });
    }

    private EmulatedPendant pendant() {
        return platform.simulatedPendant("pendant").orElseThrow();
    }

    @Test
    void at_rest_it_sends_a_still_sample_often_enough_to_stay_online() {
        time.advanceBy(Duration.ofHours(1));

        assertThat(supervisor.health("pendant").orElseThrow().status()).isEqualTo(HealthStatus.ONLINE);
        assertThat(samples).hasSize((int) (Duration.ofHours(1).dividedBy(EmulatedPendant.STILL_EVERY)) + 1);
        assertThat(samples).allSatisfy(s -> assertThat(magnitude(s)).isCloseTo(1.0, offset(0.03)));
    }

    @Test
    void its_fall_arrives_as_samples_at_50_hz_standing_then_free_fall_then_impact_then_lying_on_its_back() {
        time.advanceBy(Duration.ofSeconds(12)); // three still samples, 5 s apart
        int before = samples.size();
        pendant().fall();
        time.advanceBy(Duration.ZERO);

        List<AccelSample> fall = samples.subList(before, samples.size());
        assertThat(fall).hasSizeGreaterThan(9 * Thingy52Profile.RATE_HZ);
        for (int i = 1; i < fall.size(); i++) {
            assertThat(fall.get(i).epochMicros() - fall.get(i - 1).epochMicros()).isEqualTo(PERIOD_MICROS);
        }
        assertThat(fall.get(0).epochMicros()).isEqualTo(START.plusSeconds(12).getEpochSecond() * 1_000_000L);
        AccelSample first = fall.get(0);
        AccelSample last = fall.get(fall.size() - 1);
        assertThat(first.y()).as("standing: gravity down the pendant's y axis").isLessThan(-0.95);
        assertThat(last.z()).as("lying on the back").isGreaterThan(0.95);
        assertThat(fall).extracting(EmulatedPendantTest::magnitude).anyMatch(g -> g < 0.4).anyMatch(g -> g > 2.8);

        time.advanceBy(Duration.ofSeconds(30));
        AccelSample after = samples.get(samples.size() - 1);
        assertThat(after.z()).as("it stays lying still").isGreaterThan(0.95);
        assertThat(supervisor.health("pendant").orElseThrow().status()).isEqualTo(HealthStatus.ONLINE);
    }

    @Test
    void its_button_is_a_help_button_pressed_then_let_go() {
        pendant().press();
        time.advanceBy(Duration.ofSeconds(1));

        assertThat(events).extracting(SensorEvent::kind).containsOnly(SensorKind.HELP_BUTTON);
        assertThat(events).extracting(SensorEvent::active).containsExactly(true, false);
        assertThat(events).extracting(SensorEvent::sensorId).containsOnly("pendant");
    }

    /** As the real pendants do: a second pendant with the id or the Bluetooth address of the first is refused. */
    @Test
    void a_second_pendant_with_a_taken_id_or_address_is_refused() {
        SensorListener none = event -> { };
        try (EmulatedPendants pendants = new EmulatedPendants(time, supervisor)) {
            pendants.add(PendantSpec.thingy52("nan", "hall", "C0:FF:EE:00:00:02"), none);

            assertThatThrownBy(() -> pendants.add(PendantSpec.thingy52("nan", "kitchen", "C0:FF:EE:00:00:03"), none))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("two pendants are named nan");
            assertThatThrownBy(() -> pendants.add(PendantSpec.thingy52("grandad", "hall", "c0:ff:ee:00:00:02"), none))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("nan and grandad are both C0:FF:EE:00:00:02");
            pendants.add(PendantSpec.thingy52("grandad", "hall", "C0:FF:EE:00:00:03"), none);
            assertThat(pendants.pendant("grandad")).isPresent();
        }
    }

    @Test
    void the_pis_own_platform_has_no_emulated_pendant() {
        assertThat(SensorPlatform.real().simulatedPendant("pendant")).isEmpty();
    }

    private static double magnitude(AccelSample s) {
        return Math.sqrt(s.x() * s.x() + s.y() * s.y() + s.z() * s.z());
    }
}
