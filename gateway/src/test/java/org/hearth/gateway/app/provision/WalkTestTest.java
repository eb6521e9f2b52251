package org.hearth.gateway.app.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.app.config.Secrets;
import org.hearth.gateway.app.daemon.Daemon;
import org.hearth.gateway.coap.LocalToken;
import org.hearth.gateway.coap.LoopbackClient;
import org.hearth.gateway.testkit.Ports;
import org.hearth.sensors.Pull;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorSpec;
import org.hearth.sensors.gpio.GpioBackend;
import org.hearth.time.RealTimeScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walk test against a real daemon with a simulated home: real Pi4J mock pins, debounce, status over loopback CoAP. */
@Tag("medium")
class WalkTestTest {

    @TempDir
    Path dir;

    @Test
    void sensors_triggered_in_turn_are_seen_and_the_one_never_touched_is_named() throws Exception {
        ZoneId zone = ZoneId.of("Europe/London");
        int loopback = Ports.freeUdp();
        HearthConfig config = HearthConfig.builder(new HearthConfig.Home("Flat 3", "en", zone), dir)
                .sensors(List.of(sensor("pir-kitchen", "kitchen", SensorKind.PIR, 4), sensor("door-front", "hall", SensorKind.CONTACT, 5),
                        sensor("cord-bathroom", "bathroom", SensorKind.PULL_CORD, 17)))
                .carers(List.of(new HearthConfig.CarerEntry("Priya", 1, URI.create("coaps://127.0.0.1:" + Ports.freeUdp()))))
                .coap("127.0.0.1", Ports.freeUdp(), loopback).build();
        Secrets secrets = new Secrets(Map.of("Priya", new Secrets.CarerKey("priya-1", new byte[16])));

        try (Daemon daemon = Daemon.start(config, secrets, RealTimeScheduler.create("loop", zone), (text, language) -> { }, List.of(), e -> { })) {
            var first = LoopbackClient.status(loopback);
            WalkTest test = new WalkTest(first.at(), first.sensors());
            assertThat(test.waiting()).extracting(WalkTest.Sensor::id).containsExactly("pir-kitchen", "door-front", "cord-bathroom");

            daemon.simulatedHome().pulse("pir-kitchen");
            daemon.simulatedHome().pulse("cord-bathroom");

            await().atMost(Duration.ofSeconds(20)).until(() -> {
                test.update(LoopbackClient.status(loopback));
                return test.waiting().size() == 1;
            });
            assertThat(test.passed()).isFalse();
            assertThat(test.waiting()).extracting(WalkTest.Sensor::plain).containsExactly("contact in the hall (door-front)");
            assertThat(test.seen()).containsOnlyKeys("pir-kitchen", "cord-bathroom");

            daemon.simulatedHome().set("door-front", true);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                test.update(LoopbackClient.status(loopback));
                return test.passed();
            });
        }
    }

    @Test
    void in_walk_test_mode_a_cord_is_spoken_and_calls_nobody_and_one_held_down_is_a_real_alert_the_screen_shows()
            throws Exception {
        ZoneId zone = ZoneId.of("Europe/London");
        int loopback = Ports.freeUdp();
        HearthConfig config = HearthConfig.builder(new HearthConfig.Home("Flat 3", "en", zone), dir)
                .sensors(List.of(sensor("cord-bathroom", "bathroom", SensorKind.PULL_CORD, 17)))
                .carers(List.of(new HearthConfig.CarerEntry("Priya", 1, URI.create("coaps://127.0.0.1:" + Ports.freeUdp()))))
                .coap("127.0.0.1", Ports.freeUdp(), loopback).build();
        Secrets secrets = new Secrets(Map.of("Priya", new Secrets.CarerKey("priya-1", new byte[16])));
        List<String> spoken = new java.util.concurrent.CopyOnWriteArrayList<>();

        try (Daemon daemon = Daemon.start(config, secrets, RealTimeScheduler.create("loop", zone), (text, language) -> spoken.add(text),
                List.of(), e -> { })) {
            LocalToken token = LocalToken.read(dir);
            var first = LoopbackClient.status(loopback);
            WalkTest test = new WalkTest(first);
            java.time.Instant until = LoopbackClient.startWalkTest(loopback, token);
            assertThat(Duration.between(first.at(), until)).isBetween(Duration.ofMinutes(30), Duration.ofMinutes(31));

            daemon.simulatedHome().pulse("cord-bathroom");
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                test.update(LoopbackClient.status(loopback));
                return test.passed();
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> spoken.contains("The bathroom cord works."));
            assertThat(LoopbackClient.status(loopback).openAlerts()).isEmpty();
            assertThat(LoopbackClient.walkTestReport(loopback, token).heard()).as("typed, for the walk-test screen")
                    .extracting(h -> h.sensorId(), h -> h.trial()).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("cord-bathroom", org.hearth.gateway.domain.WalkTestMode.Trial.PRESSED));

            daemon.simulatedHome().set("cord-bathroom", true);
            await().atMost(Duration.ofSeconds(20)).until(() -> !test.realAlerts(LoopbackClient.status(loopback)).isEmpty());
            daemon.simulatedHome().set("cord-bathroom", false);
            assertThat(spoken).contains("That was held down, so this is a real call for help.",
                    "I'm calling for help now. Stay where you are.");

            LoopbackClient.finishWalkTest(loopback, token);
            await().atMost(Duration.ofSeconds(5)).until(() -> spoken.contains("The walk test is over. The cords and buttons call for help again."));
        }
    }

    private static SensorSpec sensor(String id, String room, SensorKind kind, int pin) {
        return new SensorSpec(id, room, kind, pin, Pull.UP, true, Duration.ofMillis(20), Duration.ofDays(2));
    }

}
