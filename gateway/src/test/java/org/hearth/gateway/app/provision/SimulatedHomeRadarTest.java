package org.hearth.gateway.app.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.hearth.gateway.app.StatusCommand;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.app.config.Secrets;
import org.hearth.gateway.app.daemon.Daemon;
import org.hearth.gateway.coap.LocalToken;
import org.hearth.gateway.coap.LoopbackClient;
import org.hearth.gateway.testkit.Ports;
import org.hearth.protocol.GatewayStatus;
import org.hearth.sensors.Presence;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.gpio.GpioBackend;
import org.hearth.sensors.serial.Mr24hpc1Emulator;
import org.hearth.time.RealTimeScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated home's living-room radar: a frame emulator behind the serial provider, read by the
 * real driver in a real daemon. Someone sitting still is seen as present in {@code hearth status};
 * the walk test counts the radar only when it sees someone walk past, and calls nobody.
 */
@Tag("medium")
class SimulatedHomeRadarTest {

    @TempDir
    Path dir;

    @Test
    void a_resident_sitting_still_is_present_in_status_and_the_walk_test_sees_the_installer_walk_past() throws Exception {
        ZoneId zone = ZoneId.of("Europe/London");
        int loopback = Ports.freeUdp();
        HearthConfig config = HearthConfig.builder(new HearthConfig.Home("Flat 3", "en", zone), dir)
                .carers(List.of(new HearthConfig.CarerEntry("Priya", 1, URI.create("coaps://127.0.0.1:" + Ports.freeUdp()))))
                .coap("127.0.0.1", Ports.freeUdp(), loopback).build()
                .withRadars(List.of(RadarSpec.standard("radar-living", "living room", "/dev/ttyHEARTH0")));
        Secrets secrets = new Secrets(Map.of("Priya", new Secrets.CarerKey("priya-1", new byte[16])));

        try (Daemon daemon = Daemon.start(config, secrets, RealTimeScheduler.create("loop", zone), (text, language) -> { },
                List.of(), e -> { })) {
            Mr24hpc1Emulator radar = daemon.simulatedRadar("radar-living").orElseThrow();
            radar.sees(Presence.STILL);
            await().atMost(Duration.ofSeconds(10)).until(() -> seen(LoopbackClient.status(loopback)) == GatewayStatus.Seen.STILL);
            GatewayStatus status = LoopbackClient.status(loopback);
            GatewayStatus.SensorStatus row = status.sensors().get(0);
            assertThat(row.status()).isEqualTo("ONLINE");
            assertThat(StatusCommand.radarSees(row, status.presence().get(0), zone))
                    .startsWith("someone in the living room, keeping still (it sees them breathing), since ");

            LocalToken token = LocalToken.read(dir);
            WalkTest test = new WalkTest(status);
            LoopbackClient.startWalkTest(loopback, token);
            // The module reports all along (here a body-movement figure while she sits): that alone is not the installer walking past.
            radar.bodyMovement(3);
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                GatewayStatus now = LoopbackClient.status(loopback);
                test.update(now);
                return now.sensors().get(0).lastEvent() != null && now.sensors().get(0).lastEvent().isAfter(status.at());
            });
            assertThat(test.waiting()).extracting(WalkTest.Sensor::plain).containsExactly("presence radar in the living room (radar-living)");

            radar.sees(Presence.MOVING);
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                test.update(LoopbackClient.status(loopback));
                return test.passed();
            });
            assertThat(test.sensor("radar-living").seenWords()).isEqualTo("the living-room radar sees you (radar-living)");
            assertThat(LoopbackClient.status(loopback).openAlerts()).as("seeing someone is never an alert").isEmpty();
            LoopbackClient.finishWalkTest(loopback, token);
        }
    }

    private static GatewayStatus.Seen seen(GatewayStatus status) {
        return status.presence().stream().filter(p -> p.sensorId().equals("radar-living")).map(GatewayStatus.RadarPresence::seen)
                .findFirst().orElse(null);
    }
}
