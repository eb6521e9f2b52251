package org.hearth.sensors.ble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.health.HealthEvent;
import org.hearth.sensors.health.HealthStatus;
import org.hearth.sensors.health.HealthSupervisor;
import org.hearth.sensors.health.NotWornWatch;
import org.hearth.sensors.sim.BluezStandIn;
import org.hearth.time.RealTimeScheduler;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The pendant driver through dbus-java against python-dbusmock's BlueZ on a private bus: real
 * processes, real D-Bus messages, real time (the signals come from another process).
 */
@Tag("medium")
class PendantTest {

    private static final String ADDRESS = "C0:FF:EE:00:00:01";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BluezStandIn bluez;
    private final RealTimeScheduler thread = RealTimeScheduler.create("pendant-test", ZoneOffset.UTC);
    private final List<HealthEvent> health = Collections.synchronizedList(new ArrayList<>());
    private final HealthSupervisor supervisor = new HealthSupervisor(thread, health::add, Duration.ofSeconds(1), 3);
    private final List<AccelSample> samples = Collections.synchronizedList(new ArrayList<>());
    private final List<SensorEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final Pendants pendants;
    private final SensorListener listener = new SensorListener() {
        @Override
        public void onEvent(SensorEvent event) {
            events.add(event);
        }

        @Override
        public void onAccel(String sensorId, List<AccelSample> batch) {
            samples.addAll(batch);
        }
    };

    PendantTest() throws IOException {
        bluez = BluezStandIn.start();
        pendants = Pendants.onBus(bluez.address(), thread, supervisor);
        supervisor.start();
    }

    @AfterEach
    void close() {
        pendants.close();
        supervisor.close();
        thread.close();
        bluez.close();
    }

    private PendantSpec spec() {
        return new PendantSpec("pendant", "worn", ADDRESS, "thingy52", "hci0", Duration.ofMinutes(1), Duration.ofSeconds(1), 20);
    }

    private BluezStandIn.Thingy connected() {
        BluezStandIn.Thingy thingy = bluez.addThingy(ADDRESS);
        pendants.add(spec(), listener);
        awaitStreaming(thingy);
        return thingy;
    }

    /** Notifications flow once the driver has asked for them: send one until it arrives. */
    private void awaitStreaming(BluezStandIn.Thingy thingy) {
        int before = samples.size();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            thingy.notifyRaw(List.of(Thingy52Profile.rawData(0, 0, 1)));
            return samples.size() > before;
        });
    }

    /** The last {@code n} samples: those sent while waiting for the stream may still be arriving before. */
    private List<AccelSample> last(int n) {
        synchronized (samples) {
            return List.copyOf(samples.subList(Math.max(0, samples.size() - n), samples.size()));
        }
    }

    private String status() {
        return supervisor.health("pendant").orElseThrow().describe();
    }

    @Test
    void connects_sets_the_thingy_to_50_hz_and_decodes_notifications_into_samples_timed_at_its_rate() {
        BluezStandIn.Thingy thingy = connected();

        thingy.notifyRaw(List.of(Thingy52Profile.rawData(0.5, -0.25, 1.0), Thingy52Profile.rawData(-2, 3.5, 0),
                Thingy52Profile.rawData(0, 0, 8)));

        await().atMost(WAIT).until(() -> last(1).get(0).z() == 8.0);
        List<AccelSample> samples = last(3);
        assertThat(samples).extracting(AccelSample::x, AccelSample::y, AccelSample::z).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0.5, -0.25, 1.0),
                org.assertj.core.groups.Tuple.tuple(-2.0, 3.5, 0.0),
                org.assertj.core.groups.Tuple.tuple(0.0, 0.0, 8.0));
        assertThat(samples.get(1).epochMicros() - samples.get(0).epochMicros()).isEqualTo(20_000);
        assertThat(samples.get(2).epochMicros() - samples.get(1).epochMicros()).isEqualTo(20_000);
        assertThat(status()).isEqualTo("ONLINE (working normally)");
    }

    @Test
    void the_pendants_button_is_a_help_button_press_and_release() {
        BluezStandIn.Thingy thingy = connected();

        thingy.press();

        await().atMost(WAIT).until(() -> events.size() == 2);
        assertThat(events).extracting(SensorEvent::sensorId, SensorEvent::kind, SensorEvent::active).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pendant", SensorKind.HELP_BUTTON, true),
                org.assertj.core.groups.Tuple.tuple("pendant", SensorKind.HELP_BUTTON, false));
    }

    @Test
    void out_of_range_is_offline_and_the_pendant_is_called_again_until_it_is_back() {
        BluezStandIn.Thingy thingy = connected();

        thingy.goAway();

        await().atMost(WAIT).until(() -> supervisor.health("pendant").orElseThrow().status() == HealthStatus.OFFLINE);
        assertThat(status()).startsWith("OFFLINE (out of range: ");
        // Still away after several calls: still offline, now saying the pendant does not answer.
        await().atMost(WAIT).until(() -> status().contains("it did not answer (le-connection-abort-by-local)"));

        thingy.comeBack();

        await().atMost(WAIT).until(() -> supervisor.health("pendant").orElseThrow().status() == HealthStatus.ONLINE);
        awaitStreaming(thingy);
        assertThat(health).extracting(HealthEvent::current).containsExactly(HealthStatus.OFFLINE, HealthStatus.ONLINE);
    }

    @Test
    void a_low_battery_makes_the_pendant_suspect_while_it_still_streams_and_charging_clears_it() {
        BluezStandIn.Thingy thingy = connected();

        thingy.battery(15);
        await().atMost(WAIT).until(() -> supervisor.health("pendant").orElseThrow().status() == HealthStatus.SUSPECT);
        awaitStreaming(thingy);
        assertThat(status()).isEqualTo("SUSPECT (battery low (15 %); charge the pendant)");

        thingy.battery(22); // within the hysteresis: still low
        thingy.battery(80);

        await().atMost(WAIT).until(() -> supervisor.health("pendant").orElseThrow().status() == HealthStatus.ONLINE);
        assertThat(health).extracting(HealthEvent::current).containsExactly(HealthStatus.SUSPECT, HealthStatus.ONLINE);
    }

    @Test
    void malformed_notifications_are_dropped_with_a_clear_reason_and_the_stream_goes_on() {
        BluezStandIn.Thingy thingy = connected();

        thingy.notifyRaw(List.of(new byte[] {1, 2, 3}));
        thingy.notifyButton(new byte[] {7});
        await().atMost(WAIT).until(() -> status().contains("failed 2 times"));
        assertThat(status()).isEqualTo("ONLINE (working, but BLE notification failed 2 times: a Thingy:52 button notification is "
                + "one byte, 0 or 1; this one is 07)");

        thingy.notifyRaw(List.of(new byte[0]));
        await().atMost(WAIT).until(() -> supervisor.health("pendant").orElseThrow().status() == HealthStatus.OFFLINE);
        assertThat(status()).isEqualTo("OFFLINE (BLE notification failed 3 times: a Thingy:52 raw data notification has 18 bytes, "
                + "this one 0)");

        thingy.notifyRaw(List.of(Thingy52Profile.rawData(0, 1, 0)));
        await().atMost(WAIT).until(() -> last(1).get(0).y() == 1.0);
        assertThat(status()).isEqualTo("ONLINE (working again)");
        assertThat(events).isEmpty();
    }

    @Test
    void a_pendant_bluez_does_not_know_is_offline_with_what_to_do() {
        pendants.add(spec(), listener);

        await().atMost(WAIT).until(() -> supervisor.health("pendant").orElseThrow().status() == HealthStatus.OFFLINE);
        assertThat(status()).isEqualTo("OFFLINE (BlueZ does not know C0:FF:EE:00:00:01 on hci0; pair it first "
                + "(docs/sensors.md, \"Pairing\"); calling it again in 1 s)");
        assertThat(pendants.links()).containsEntry("pendant", PendantLink.NOT_PAIRED);
    }

    @Test
    void while_bluetoothd_restarts_every_pendant_is_offline_for_one_shared_cause_and_streams_again_once_it_is_back()
            throws IOException {
        BluezStandIn.Thingy thingy = connected();
        assertThat(pendants.links()).containsEntry("pendant", PendantLink.STREAMING);

        bluez.stopBluetoothd();

        await().atMost(WAIT).until(() -> pendants.links().get("pendant") == PendantLink.NO_BLUEZ);
        assertThat(supervisor.health("pendant").orElseThrow().status()).isEqualTo(HealthStatus.OFFLINE);
        assertThat(status()).startsWith("OFFLINE (bluetoothd stopped (nothing owns org.bluez on the bus); calling it again in ");

        bluez.startBluetoothd();

        await().atMost(WAIT).until(() -> pendants.links().get("pendant") == PendantLink.STREAMING);
        awaitStreaming(thingy);
        assertThat(health).extracting(HealthEvent::current, HealthEvent::cause).containsExactly(
                org.assertj.core.groups.Tuple.tuple(HealthStatus.OFFLINE, HealthEvent.BLUETOOTH),
                org.assertj.core.groups.Tuple.tuple(HealthStatus.ONLINE, HealthEvent.BLUETOOTH));
    }

    @Test
    void an_adapter_that_goes_away_and_comes_back_takes_the_pendant_with_it() {
        BluezStandIn.Thingy thingy = connected();

        bluez.removeAdapter();

        await().atMost(WAIT).until(() -> pendants.links().get("pendant") == PendantLink.NO_ADAPTER);
        assertThat(status()).startsWith("OFFLINE (BlueZ has no adapter hci0; calling it again in ");

        bluez.adapterBack();

        await().atMost(WAIT).until(() -> pendants.links().get("pendant") == PendantLink.STREAMING);
        awaitStreaming(thingy);
        assertThat(health).extracting(HealthEvent::current, HealthEvent::cause).containsExactly(
                org.assertj.core.groups.Tuple.tuple(HealthStatus.OFFLINE, HealthEvent.BLUETOOTH),
                org.assertj.core.groups.Tuple.tuple(HealthStatus.ONLINE, HealthEvent.BLUETOOTH));
    }

    /**
     * Three hours of a morning in virtual time, a notification a minute: each goes from the stand-in
     * through D-Bus and the driver before the watch sees it, as in the daemon.
     */
    @Test
    void a_pendant_lying_still_while_the_home_moves_is_not_worn_and_picking_it_up_clears_that() {
        BluezStandIn.Thingy thingy = connected();
        VirtualScheduler morning = new VirtualScheduler(java.time.Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
        NotWornWatch watch = new NotWornWatch(morning, supervisor, List.of(spec()), java.time.LocalTime.of(22, 0),
                java.time.LocalTime.of(7, 0));
        watch.start();

        for (int minute = 1; minute <= 181; minute++) {
            morning.advanceBy(Duration.ofMinutes(1));
            forward(thingy, Thingy52Profile.rawData(0.01, -0.02, 0.99), watch);
            if (minute % 10 == 0) {
                watch.onEvent(new SensorEvent("pir-kitchen", "kitchen", SensorKind.PIR, true, morning.now()));
            }
        }

        await().atMost(WAIT).until(() -> supervisor.health("pendant").orElseThrow().status() == HealthStatus.SUSPECT);
        assertThat(status()).startsWith("SUSPECT (not worn: it has not moved for 3h while the home was active");

        morning.advanceBy(Duration.ofMinutes(1));
        forward(thingy, Thingy52Profile.rawData(0.3, 0.2, 0.9), watch);

        await().atMost(WAIT).until(() -> supervisor.health("pendant").orElseThrow().status() == HealthStatus.ONLINE);
        assertThat(health).extracting(HealthEvent::current).containsExactly(HealthStatus.SUSPECT, HealthStatus.ONLINE);
    }

    /** Sends one raw data notification and hands the watch what the driver made of it, on the test's (virtual) time. */
    private void forward(BluezStandIn.Thingy thingy, byte[] raw, NotWornWatch watch) {
        int before = samples.size();
        thingy.notifyRaw(List.of(raw));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(2)).until(() -> samples.size() > before);
        List<AccelSample> arrived;
        synchronized (samples) {
            arrived = List.copyOf(samples.subList(before, samples.size()));
        }
        watch.onAccel("pendant", arrived);
    }

    @Test
    void a_pendant_that_stays_away_is_called_after_a_wait_that_doubles_up_to_its_reconnect_interval() {
        PendantSpec spec = new PendantSpec("pendant", "worn", ADDRESS, "thingy52", "hci0", Duration.ofMinutes(1),
                Duration.ofSeconds(2), 20);
        pendants.add(spec, listener);

        await().atMost(WAIT).until(() -> status().endsWith("calling it again in 1 s (then at most every 2 s))"));
        await().atMost(WAIT).until(() -> status().endsWith("; calling it again in 2 s)"));

        bluez.addThingy(ADDRESS); // paired meanwhile: BlueZ announces it, and it is called at once

        await().atMost(Duration.ofMillis(1_500)).until(() -> pendants.links().get("pendant") == PendantLink.STREAMING);
    }
}
