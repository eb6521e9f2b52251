package org.hearth.gateway.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hearth.gateway.domain.AlertRequest;
import org.hearth.gateway.domain.AlertSink;
import org.hearth.gateway.domain.falls.WornFallDetector;
import org.hearth.protocol.AlertKind;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.ble.EmulatedPendant;
import org.hearth.sensors.health.HealthStatus;
import org.hearth.sensors.health.HealthSupervisor;
import org.hearth.sensors.platform.SensorPlatform;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The simulated home's pendant, as the daemon has it on mock GPIO ({@link SensorPlatform#emulated()}),
 * read by the gateway's own fall detector in virtual time: resting it raises nothing, for hours;
 * its fall, Thingy:52 notifications decoded by the real readings path, raises the fall pre-alarm.
 */
@Tag("small")
class SimulatedPendantFallTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final VirtualScheduler time = new VirtualScheduler(Instant.parse("2026-11-23T08:00:00Z"), LONDON);
    private final HealthSupervisor supervisor = new HealthSupervisor(time, e -> { });
    private final List<AlertRequest> raised = new ArrayList<>();
    private final WornFallDetector detector = new WornFallDetector(new AlertSink() {
        @Override
        public void raise(AlertRequest request) {
            raised.add(request);
        }

        @Override
        public boolean cancelPreAlarm(String how) {
            return false;
        }
    }, time);
    private final SensorPlatform platform = SensorPlatform.emulated();
    private final List<AccelSample> samples = new ArrayList<>();

    SimulatedPendantFallTest() {
        platform.pendants(time, supervisor).add(PendantSpec.thingy52("pendant", "hall", "C0:FF:EE:00:00:01"), new SensorListener() {
            @Override
            public void onEvent(SensorEvent event) {
            }

            @Override
            public void onAccel(String sensorId, List<AccelSample> batch) {
                samples.addAll(batch);
                detector.onAccel(sensorId, batch);
            }
        });
    }

    @Test
    void resting_it_raises_nothing_and_stays_online() {
        time.advanceBy(Duration.ofHours(2));

        assertThat(samples).hasSizeGreaterThan(1000);
        assertThat(raised).isEmpty();
        assertThat(supervisor.health("pendant").orElseThrow().status()).isEqualTo(HealthStatus.ONLINE);
    }

    @Test
    void its_fall_raises_the_fall_pre_alarm_once() {
        EmulatedPendant pendant = platform.simulatedPendant("pendant").orElseThrow();
        time.advanceBy(Duration.ofMinutes(10));
        assertThat(raised).isEmpty();

        pendant.fall();
        time.advanceBy(Duration.ofMinutes(2));

        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.FALL);
            assertThat(a.preAlarm()).isTrue();
            assertThat(a.message()).isEqualTo("A fall was detected at 08:10 (impact 3.0 g), followed by lying still.");
        });
    }
}
