package org.hearth.gateway.domain.falls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hearth.gateway.domain.AlertRequest;
import org.hearth.gateway.domain.AlertSink;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Severity;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.sim.WornTrace;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("small")
class WornFallDetectorTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** 14:02:10 in London in January (GMT). */
    private static final long AFTERNOON = Instant.parse("2026-01-05T14:02:10Z").toEpochMilli() * 1_000;

    private final VirtualScheduler time = new VirtualScheduler(Instant.parse("2026-01-05T14:00:00Z"), LONDON);
    private final Recorded alerts = new Recorded();
    private final WornFallDetector detector = new WornFallDetector(alerts, time);

    @Test
    void a_fall_raises_an_urgent_fall_alert_that_asks_the_resident_first_and_explains_itself() {
        List<AccelSample> trace = WornTrace.at(100, 1).startingAt(AFTERNOON).fallFromWalking().samples();

        feed("pendant", trace, 10);

        assertThat(alerts.raised).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.FALL);
            assertThat(a.severity()).isEqualTo(Severity.URGENT);
            assertThat(a.preAlarm()).isTrue();
            assertThat(a.test()).isFalse();
            assertThat(a.message()).isEqualTo("A fall was detected at 14:02 (impact 3.0 g), followed by lying still.");
        });
    }

    @Test
    void in_a_home_of_two_the_fall_alert_names_whose_wearable_it_was() {
        WornFallDetector household = new WornFallDetector(alerts, time,
                new org.hearth.gateway.domain.Wearers(java.util.Map.of("pendant-dad", "Dad", "pendant-mum", "Mum")));

        household.onAccel("pendant-dad", WornTrace.at(100, 1).startingAt(AFTERNOON).fallFromWalking().samples());

        assertThat(alerts.raised).singleElement().satisfies(a -> assertThat(a.message())
                .isEqualTo("A fall was detected on Dad's worn sensor at 14:02 (impact 3.0 g), followed by lying still."));
    }

    @Test
    void daily_movements_raise_nothing() {
        List<AccelSample> trace = WornTrace.at(100, 2).startingAt(AFTERNOON).still(WornTrace.UPRIGHT, 3).walk(20, 0.3)
                .still(WornTrace.UPRIGHT, 5).walk(10, 0.4).samples();

        feed("pendant", trace, 10);

        assertThat(alerts.raised).isEmpty();
    }

    @ParameterizedTest(name = "batches of {0}")
    @ValueSource(ints = {1, 7, 20, 1000})
    void how_samples_are_batched_does_not_matter(int batch) {
        feed("pendant", WornTrace.at(100, 3).startingAt(AFTERNOON).fallFromWalking().samples(), batch);

        assertThat(alerts.raised).hasSize(1);
    }

    @Test
    void each_worn_sensor_is_followed_on_its_own() {
        // Interleaved batches of two residents' sensors: only one falls, and mixing them must not
        // turn the other's walk into a fall or lose this one.
        List<AccelSample> falls = WornTrace.at(100, 4).startingAt(AFTERNOON).fallFromWalking().samples();
        List<AccelSample> walks = WornTrace.at(100, 5).startingAt(AFTERNOON).still(WornTrace.UPRIGHT, 3).walk(15, 0.3).samples();
        for (int i = 0; i < Math.max(falls.size(), walks.size()); i += 10) {
            detector.onAccel("pendant-1", falls.subList(Math.min(i, falls.size()), Math.min(i + 10, falls.size())));
            detector.onAccel("pendant-2", walks.subList(Math.min(i, walks.size()), Math.min(i + 10, walks.size())));
        }

        assertThat(alerts.raised).hasSize(1);
    }

    private void feed(String sensorId, List<AccelSample> samples, int batch) {
        for (int i = 0; i < samples.size(); i += batch) {
            detector.onAccel(sensorId, samples.subList(i, Math.min(i + batch, samples.size())));
        }
    }

    private static final class Recorded implements AlertSink {
        final List<AlertRequest> raised = new ArrayList<>();

        @Override
        public void raise(AlertRequest request) {
            raised.add(request);
        }

        @Override
        public boolean cancelPreAlarm(String how) {
            return false;
        }
    }
}
