package org.hearth.sensors.ble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.health.HealthEvent;
import org.hearth.sensors.health.HealthStatus;
import org.hearth.sensors.health.HealthSupervisor;
import org.hearth.sensors.sim.BluezStandIn;
import org.hearth.time.RealTimeScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The D-Bus bus is not there when the pendants start (dbus-daemon not up yet): they are OFFLINE for
 * the one shared cause, the bus is tried again on the pendants' scheduler after the same backoff as
 * a lost pendant, and once the private bus and the BlueZ stand-in start at that address, every
 * pendant connects and streams with no restart.
 */
@Tag("medium")
class PendantBusLateTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RealTimeScheduler thread = RealTimeScheduler.create("pendant-bus-test", ZoneOffset.UTC);
    private final List<HealthEvent> health = Collections.synchronizedList(new ArrayList<>());
    private final HealthSupervisor supervisor = new HealthSupervisor(thread, health::add, Duration.ofSeconds(1), 3);
    private final List<String> streaming = Collections.synchronizedList(new ArrayList<>());
    private final SensorListener listener = new SensorListener() {
        @Override
        public void onEvent(SensorEvent event) {
        }

        @Override
        public void onAccel(String sensorId, List<AccelSample> batch) {
            streaming.add(sensorId);
        }
    };
    private Pendants pendants;
    private BluezStandIn bluez;

    @AfterEach
    void close() {
        if (pendants != null) {
            pendants.close();
        }
        supervisor.close();
        thread.close();
        if (bluez != null) {
            bluez.close();
        }
    }

    private static PendantSpec pendant(String id, String address) {
        return new PendantSpec(id, "worn", address, "thingy52", "hci0", Duration.ofMinutes(1), Duration.ofSeconds(2), 20);
    }

    @Test
    void a_bus_missing_at_start_is_tried_again_with_backoff_and_the_pendants_connect_once_it_is_there() throws IOException {
        Path dir = Files.createTempDirectory("hearth-late-bus").resolve("not-yet");
        pendants = Pendants.onBus(BluezStandIn.addressIn(dir), thread, supervisor);
        supervisor.start();
        pendants.add(pendant("pendant", "C0:FF:EE:00:00:01"), listener);
        pendants.add(pendant("pendant-2", "C0:FF:EE:00:00:02"), listener);

        assertThat(pendants.links()).containsOnly(java.util.Map.entry("pendant", PendantLink.NO_BLUEZ),
                java.util.Map.entry("pendant-2", PendantLink.NO_BLUEZ));
        assertThat(reason("pendant")).startsWith("the D-Bus system bus cannot be reached (")
                .endsWith("; calling it again in 1 s (then at most every 2 s)");
        // The same backoff as a lost pendant: 1 s, then 2 s, the ceiling, on the pendants' scheduler.
        await().atMost(WAIT).until(() -> reason("pendant").endsWith("; calling it again in 2 s"));
        assertThat(supervisor.health("pendant-2").orElseThrow().status()).isEqualTo(HealthStatus.OFFLINE);

        bluez = BluezStandIn.startIn(dir);
        List<BluezStandIn.Thingy> thingies = List.of(bluez.addThingy("C0:FF:EE:00:00:01"), bluez.addThingy("C0:FF:EE:00:00:02"));

        await().atMost(WAIT).until(() -> pendants.links().values().stream().allMatch(l -> l == PendantLink.STREAMING));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            thingies.forEach(t -> t.notifyRaw(List.of(Thingy52Profile.rawData(0, 0, 1))));
            return streaming.contains("pendant") && streaming.contains("pendant-2");
        });
        assertThat(supervisor.health("pendant").orElseThrow().status()).isEqualTo(HealthStatus.ONLINE);
        // One cause for both while the bus was missing: the gateway raises one alert, and closes it now.
        assertThat(health).extracting(HealthEvent::sensorId, HealthEvent::current, HealthEvent::cause).containsExactly(
                Tuple.tuple("pendant", HealthStatus.OFFLINE, HealthEvent.BLUETOOTH),
                Tuple.tuple("pendant-2", HealthStatus.OFFLINE, HealthEvent.BLUETOOTH),
                Tuple.tuple("pendant", HealthStatus.ONLINE, HealthEvent.BLUETOOTH),
                Tuple.tuple("pendant-2", HealthStatus.ONLINE, HealthEvent.BLUETOOTH));
    }

    private String reason(String id) {
        return supervisor.health(id).orElseThrow().reason();
    }
}
