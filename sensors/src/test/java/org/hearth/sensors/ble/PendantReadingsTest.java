package org.hearth.sensors.ble;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.health.HealthStatus;
import org.hearth.sensors.health.HealthSupervisor;
import org.hearth.sensors.health.SupervisedSensor;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A pendant's notifications read in virtual time, without D-Bus: how samples are timed. */
@Tag("small")
class PendantReadingsTest {

    private static final Instant START = Instant.parse("2026-11-23T07:00:00Z");
    private static final long START_MICROS = START.getEpochSecond() * 1_000_000L;
    private static final long PERIOD_MICROS = 1_000_000L / Thingy52Profile.RATE_HZ;

    private final VirtualScheduler time = new VirtualScheduler(START, ZoneOffset.UTC);
    private final HealthSupervisor supervisor = new HealthSupervisor(time, e -> { });
    private final List<AccelSample> samples = new ArrayList<>();
    private final PendantSpec spec = new PendantSpec("pendant", "worn", "C0:FF:EE:00:00:01", "thingy52", "hci0",
            Duration.ofMinutes(1), Duration.ofSeconds(1), 20);
    private final PendantReadings readings = new PendantReadings(spec, new Thingy52Profile(), time, supervisor,
            new SensorListener() {
                @Override
                public void onEvent(SensorEvent event) {
                    throw new AssertionError("no button here: " + event);
                }

                @Override
                public void onAccel(String sensorId, List<AccelSample> batch) {
                    samples.addAll(batch);
                }
            });

    PendantReadingsTest() {
        supervisor.watch(SupervisedSensor.pendant(spec));
    }

    private void notificationAfter(long millis) {
        time.advanceBy(Duration.ofMillis(millis));
        readings.accel(Thingy52Profile.rawData(0, 0, 1));
    }

    @Test
    void samples_are_timed_at_the_devices_rate_whatever_the_radio_jitter() {
        readings.streamStarts();
        notificationAfter(0);
        notificationAfter(27);
        notificationAfter(9);
        notificationAfter(24);

        assertThat(samples).extracting(AccelSample::epochMicros).containsExactly(
                START_MICROS, START_MICROS + PERIOD_MICROS, START_MICROS + 2 * PERIOD_MICROS, START_MICROS + 3 * PERIOD_MICROS);
        assertThat(supervisor.health("pendant").orElseThrow().status()).isEqualTo(HealthStatus.ONLINE);
    }

    @Test
    void after_a_gap_of_over_a_second_or_a_new_stream_the_next_sample_is_timed_from_its_arrival() {
        readings.streamStarts();
        notificationAfter(0);
        notificationAfter(1_500); // lost in the air: 1.48 s later than due
        readings.streamStarts(); // the pendant reconnected
        notificationAfter(300);

        assertThat(samples).extracting(AccelSample::epochMicros).containsExactly(
                START_MICROS, START_MICROS + 1_500_000, START_MICROS + 1_800_000);
    }

    @Test
    void a_notification_that_does_not_read_is_a_failed_read_and_the_next_good_one_is_a_sample() {
        readings.streamStarts();
        readings.accel(new byte[17]);
        readings.accel(new byte[17]);
        readings.accel(new byte[17]);
        assertThat(supervisor.health("pendant").orElseThrow().status()).isEqualTo(HealthStatus.OFFLINE);

        notificationAfter(20);

        assertThat(samples).hasSize(1);
        assertThat(supervisor.health("pendant").orElseThrow().status()).isEqualTo(HealthStatus.ONLINE);
    }
}
