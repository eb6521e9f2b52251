package org.hearth.gateway.domain.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hearth.gateway.domain.AlertRequest;
import org.hearth.gateway.domain.AlertSink;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Severity;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class TemperatureWatchTest {

    private final VirtualScheduler time = new VirtualScheduler(Instant.parse("2026-01-12T05:00:00Z"), ZoneOffset.UTC);
    private final List<AlertRequest> alerts = new ArrayList<>();
    private final TemperatureWatch watch = new TemperatureWatch(ActivityParameters.Environment.defaults(), new AlertSink() {
        @Override
        public void raise(AlertRequest request) {
            alerts.add(request);
        }

        @Override
        public boolean cancelPreAlarm(String how) {
            return false;
        }
    }, time);

    @Test
    void colder_than_16_degrees_for_more_than_an_hour_tells_the_carers() {
        readEveryFiveMinutes(Duration.ofMinutes(55), 15.5);
        assertThat(alerts).isEmpty();

        readEveryFiveMinutes(Duration.ofMinutes(10), 15.2);

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.ENVIRONMENT);
            assertThat(a.severity()).isEqualTo(Severity.ATTENTION);
            assertThat(a.preAlarm()).isFalse();
            assertThat(a.message()).isEqualTo("It has been too cold in the living room since 05:00 (1 h): below 16.0 °C, now 15.2 °C.");
        });
    }

    @Test
    void a_temperature_hovering_at_the_limit_raises_one_alert_not_a_flurry() {
        Random random = new Random(3);
        for (int i = 0; i < 6 * 12; i++) {
            read(16.0 + (random.nextDouble() - 0.5) * 0.8);
            time.advanceBy(Duration.ofMinutes(5));
        }

        assertThat(alerts).hasSize(1);
    }

    @Test
    void a_short_cold_spell_raises_nothing() {
        readEveryFiveMinutes(Duration.ofMinutes(50), 15.8);
        readEveryFiveMinutes(Duration.ofHours(2), 17.0);

        assertThat(alerts).isEmpty();
    }

    @Test
    void a_wobble_just_above_the_limit_does_not_restart_the_hour() {
        readEveryFiveMinutes(Duration.ofMinutes(40), 15.8);
        read(16.3);
        readEveryFiveMinutes(Duration.ofMinutes(25), 15.9);

        assertThat(alerts).hasSize(1);
    }

    @Test
    void after_a_real_recovery_a_new_cold_spell_alerts_again() {
        readEveryFiveMinutes(Duration.ofMinutes(70), 15.0);
        readEveryFiveMinutes(Duration.ofHours(3), 19.0);
        readEveryFiveMinutes(Duration.ofMinutes(70), 15.0);

        assertThat(alerts).hasSize(2);
    }

    @Test
    void too_warm_for_more_than_an_hour_is_an_alert_too() {
        readEveryFiveMinutes(Duration.ofMinutes(65), 28.5);

        assertThat(alerts).singleElement().extracting(AlertRequest::message).asString().startsWith("It has been too warm");
    }

    @Test
    void each_sensor_has_its_own_spell() {
        for (int i = 0; i < 14; i++) {
            watch.onReading(new TemperatureReading("t-lounge", "living room", 15.0, time.now()));
            watch.onReading(new TemperatureReading("t-bed", "bedroom", 18.0, time.now()));
            time.advanceBy(Duration.ofMinutes(5));
        }

        assertThat(alerts).singleElement().extracting(AlertRequest::room).isEqualTo("living room");
    }

    private void readEveryFiveMinutes(Duration d, double celsius) {
        Instant end = time.now().plus(d);
        while (time.now().isBefore(end)) {
            read(celsius);
            time.advanceBy(Duration.ofMinutes(5));
        }
    }

    private void read(double celsius) {
        watch.onReading(new TemperatureReading("t-lounge", "living room", celsius, time.now()));
    }
}
