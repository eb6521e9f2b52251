package org.hearth.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AlertCore;
import org.hearth.gateway.domain.AlertMachine;
import org.hearth.gateway.testkit.SilentChannel;
import org.hearth.gateway.domain.AlertState;
import org.hearth.gateway.domain.Carer;
import org.hearth.gateway.domain.Gateway;
import org.hearth.gateway.domain.Ladder;
import org.hearth.gateway.domain.falls.WornFallDetector;
import org.hearth.gateway.testkit.InMemoryAlertStore;
import org.hearth.protocol.AlertKind;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.ble.Pendants;
import org.hearth.sensors.ble.Thingy52Profile;
import org.hearth.sensors.health.HealthSupervisor;
import org.hearth.sensors.sim.BluezStandIn;
import org.hearth.time.RealTimeScheduler;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hearth.sensors.sim.WornTrace;

/**
 * Trials in SisFall's file format, made in the test by the fall detector's trace generator (a fall
 * from walking, a hard sit; the real SisFall data is not in the repository, and the suite runs
 * without it), read by the fall evaluation's reader and sent as Thingy:52 raw data
 * notifications at 50 Hz through python-dbusmock's BlueZ, read by the pendant driver over D-Bus,
 * and handed batch by batch, as the daemon posts them, to the worn-fall detector and the alert
 * state machine: GATT notification to pre-alarm. Runs in real time (about 30 s): the stand-in
 * paces the notifications.
 */
@Tag("large")
class PendantReplayTest {

    private static final String ADDRESS = "C0:FF:EE:00:00:02";
    @TempDir
    Path data;

    private final BluezStandIn bluez;
    private final RealTimeScheduler bleThread = RealTimeScheduler.create("pendant-replay", ZoneOffset.UTC);
    private final HealthSupervisor supervisor = new HealthSupervisor(bleThread, e -> { });
    private final ConcurrentLinkedQueue<List<AccelSample>> batches = new ConcurrentLinkedQueue<>();
    private final Pendants pendants;
    private final BluezStandIn.Thingy thingy;

    PendantReplayTest() throws IOException {
        bluez = BluezStandIn.start();
        thingy = bluez.addThingy(ADDRESS);
        pendants = Pendants.onBus(bluez.address(), bleThread, supervisor);
        pendants.add(PendantSpec.thingy52("pendant", "worn pendant", ADDRESS), new SensorListener() {
            @Override
            public void onEvent(SensorEvent event) {
            }

            @Override
            public void onAccel(String sensorId, List<AccelSample> batch) {
                batches.add(batch);
            }
        });
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            thingy.notifyRaw(List.of(Thingy52Profile.rawData(0, 0, 1)));
            return !batches.isEmpty();
        });
    }

    @AfterEach
    void close() {
        pendants.close();
        supervisor.close();
        bleThread.close();
        bluez.close();
    }

    @Test
    void a_fall_from_walking_reaches_the_pre_alarm() throws IOException {
        List<Alert> alerts = replay(SisFallFiles.write(data, "F01_SA99_R01.txt", WornTrace.at(200, 1).fallFromWalking().samples()));

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.FALL);
            assertThat(a.state()).isEqualTo(AlertState.PRE_ALARM);
        });
    }

    @Test
    void sitting_down_hard_raises_nothing() throws IOException {
        assertThat(replay(SisFallFiles.write(data, "D10_SA99_R01.txt", WornTrace.at(200, 2).sitDownHard().samples()))).isEmpty();
    }

    /** Streams the trial at 50 Hz through the stand-in, then runs what the driver delivered through the gateway. */
    private List<Alert> replay(Path trial) throws IOException {
        List<AccelSample> sent = new FallEvaluation(4, false).read(List.of(trial)).trials().get(0).samples();
        assertThat(sent).as(trial.toString()).hasSizeGreaterThan(500);
        await().pollDelay(Duration.ofMillis(300)).until(() -> true); // let the probes of the start-up drain
        batches.clear();
        List<byte[]> values = sent.stream().map(s -> Thingy52Profile.rawData(s.x(), s.y(), s.z())).toList();

        thingy.streamRaw(values, Duration.ofMillis(20));

        await().atMost(Duration.ofSeconds(sent.size() / 50 + 10)).until(() -> received().size() == sent.size());
        List<AccelSample> got = received();
        for (int i = 0; i < sent.size(); i++) {
            // 6Q10 on the air: within half a count of 1/1024 g.
            assertThat(got.get(i).x()).isCloseTo(sent.get(i).x(), org.assertj.core.data.Offset.offset(0.5 / 1024 + 1e-9));
            assertThat(got.get(i).z()).isCloseTo(sent.get(i).z(), org.assertj.core.data.Offset.offset(0.5 / 1024 + 1e-9));
        }
        // Timed at 50 Hz; only a stall of the stand-in or the driver of over a second (a busy machine)
        // shows as a gap, as notifications lost in the air would: then the next sample is timed from its arrival.
        for (int i = 1; i < got.size(); i++) {
            long step = got.get(i).epochMicros() - got.get(i - 1).epochMicros();
            assertThat(step).as("sample %d of %s", i, trial).satisfiesAnyOf(
                    d -> assertThat(d).isEqualTo(20_000L), d -> assertThat(d).isGreaterThan(1_000_000L));
        }
        return throughTheGateway(new ArrayList<>(batches));
    }

    private List<AccelSample> received() {
        List<AccelSample> all = new ArrayList<>();
        batches.forEach(all::addAll);
        return all;
    }

    /** As the daemon does: each batch reaches the fall detector when its last sample has been taken. */
    private static List<Alert> throughTheGateway(List<List<AccelSample>> delivered) {
        Instant start = FallEvaluation.toInstant(delivered.get(0).get(0).epochMicros());
        VirtualScheduler time = new VirtualScheduler(start, ZoneOffset.UTC);
        InMemoryAlertStore store = new InMemoryAlertStore();
        Ladder ladder = new Ladder(List.of(new Carer("Priya", 1, URI.create("coaps://priya.example:5684"), "priya")),
                Duration.ofMinutes(5));
        AlertMachine alerts = new AlertCore(new AlertCore.Ports(store, ladder, new SilentChannel(), time, p -> { }),
                AlertCore.Settings.of("Flat 12", Duration.ofSeconds(30), Duration.ofSeconds(60), "999"),
                new AlertCore.Listeners()).machine();
        Gateway gateway = new Gateway(event -> { }, List.of(new WornFallDetector(alerts, time)));
        for (List<AccelSample> batch : delivered) {
            time.advanceTo(FallEvaluation.toInstant(batch.get(batch.size() - 1).epochMicros()));
            gateway.onAccel("pendant", batch);
        }
        return store.all();
    }
}
