package org.hearth.gateway.app.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AlertState;
import org.hearth.gateway.domain.Gateway;
import org.hearth.gateway.domain.Phrase;
import org.hearth.gateway.domain.WalkTestMode.Heard;
import org.hearth.gateway.domain.WalkTestMode.Trial;
import org.hearth.sensors.sim.WornTrace;
import org.hearth.gateway.domain.falls.WornFallDetector;
import org.hearth.gateway.testkit.AlertHarness;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The pendant in walk-test mode, from GATT notifications in python-dbusmock's BlueZ through the
 * real driver to the alert core: its button and a shake are each heard (typed) and spoken, a fall
 * it feels calls nobody, and its button held down is a real alert. The pendant's thread hands what
 * it reports to the test, which plays it into the core on virtual time, as the daemon's loop would.
 */
@Tag("medium")
class PendantWalkTestTest {

    private static final String ADDRESS = "C0:FF:EE:00:00:07";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BluezStandIn bluez;
    private final RealTimeScheduler thread = RealTimeScheduler.create("pendant-walk-test", ZoneOffset.UTC);
    private final Pendants pendants;
    private final ConcurrentLinkedQueue<Runnable> reported = new ConcurrentLinkedQueue<>();
    private final AlertHarness home = new AlertHarness(new InMemoryAlertStore());
    private final Gateway gateway = new Gateway(e -> { },
            List.of(home.sensors, new WornFallDetector(home.walkTest.guarding(home.alerts), home.time)));
    private final BluezStandIn.Thingy thingy;
    private int samples;

    PendantWalkTestTest() throws IOException {
        bluez = BluezStandIn.start();
        pendants = Pendants.onBus(bluez.address(), thread, new HealthSupervisor(thread, e -> { }));
        thingy = bluez.addThingy(ADDRESS);
        pendants.add(PendantSpec.thingy52("pendant", "worn pendant", ADDRESS), new SensorListener() {
            @Override
            public void onEvent(SensorEvent event) {
                reported.add(() -> gateway.onEvent(event));
            }

            @Override
            public void onAccel(String sensorId, List<AccelSample> batch) {
                reported.add(() -> {
                    samples += batch.size();
                    gateway.onAccel(sensorId, batch);
                });
            }
        });
        // Notifications flow once the driver has asked for them: send one until it arrives.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            thingy.notifyRaw(List.of(Thingy52Profile.rawData(0, 0, 1)));
            drain();
            return samples > 0;
        });
    }

    @AfterEach
    void close() {
        pendants.close();
        thread.close();
        bluez.close();
    }

    /** Plays what the pendant reported into the core, on the test's thread and virtual time. */
    private void drain() {
        for (Runnable r; (r = reported.poll()) != null; ) {
            r.run();
        }
        home.time.runDue();
    }

    /** Sends raw data notifications and waits until the core has had all of them. */
    private void stream(List<byte[]> raw) {
        int until = samples + raw.size();
        thingy.notifyRaw(raw);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
            drain();
            return samples >= until;
        });
    }

    private static List<byte[]> raw(List<AccelSample> trace) {
        List<byte[]> raw = new ArrayList<>();
        trace.forEach(s -> raw.add(Thingy52Profile.rawData(s.x(), s.y(), s.z())));
        return raw;
    }

    @Test
    void the_pendants_button_and_a_shake_are_each_heard_and_spoken_and_nobody_is_called() {
        home.walkTest.start();
        stream(List.of(Thingy52Profile.rawData(0.02, -0.01, 0.99), Thingy52Profile.rawData(0, 0.03, 1.01)));
        assertThat(home.walkTest.heard()).as("streaming proves nothing").isEmpty();

        thingy.press();
        await().atMost(WAIT).until(() -> {
            drain();
            return !home.walkTest.heard().isEmpty();
        });
        stream(List.of(Thingy52Profile.rawData(1.8, 0.9, 1.2), Thingy52Profile.rawData(-1.5, 0.2, 0.4)));

        assertThat(home.walkTest.heard()).extracting(Heard::sensorId, Heard::trial).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pendant", Trial.PRESSED),
                org.assertj.core.groups.Tuple.tuple("pendant", Trial.MOVED));
        assertThat(home.said).containsExactly(Phrase.of(Phrase.WALK_TEST_STARTED),
                Phrase.of("walktest.help", "room", "worn pendant"), Phrase.of("walktest.fall", "room", "pendant"));
        home.after(Duration.ofMinutes(10));
        assertThat(home.store.open()).isEmpty();
        assertThat(home.network.sent()).isEmpty();
    }

    private final List<byte[]> fall = raw(WornTrace.at(50, 3).fallFromWalking().samples());

    @Test
    void a_fall_the_pendant_feels_during_the_test_is_heard_as_movement_and_calls_nobody() {
        home.walkTest.start();

        stream(fall);
        home.after(Duration.ofMinutes(2));

        assertThat(home.walkTest.heard()).extracting(Heard::trial).containsExactly(Trial.MOVED);
        assertThat(home.store.open()).isEmpty();
        assertThat(home.network.sent()).isEmpty();
    }

    /** The control of the test above: the same notifications out of a walk test are a fall. */
    @Test
    void the_same_fall_out_of_a_walk_test_asks_the_resident() {
        stream(fall);

        assertThat(home.store.open()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.FALL);
            assertThat(a.state()).isEqualTo(AlertState.PRE_ALARM);
        });
        assertThat(home.walkTest.heard()).isEmpty();
    }

    @Test
    void the_pendants_button_held_down_during_the_test_is_a_real_alert() {
        home.walkTest.start();
        thingy.notifyButton(new byte[] {1});
        await().atMost(WAIT).until(() -> {
            drain();
            return !home.walkTest.heard().isEmpty();
        });

        home.after(Duration.ofSeconds(5));

        assertThat(home.store.open()).singleElement().extracting(Alert::kind).isEqualTo(AlertKind.HELP);
        assertThat(home.network.deliveredTo("Priya")).hasSize(1);
        assertThat(home.phraseKeys()).containsSubsequence(Phrase.WALK_TEST_REAL, Phrase.CALLING_FOR_HELP);
    }
}
