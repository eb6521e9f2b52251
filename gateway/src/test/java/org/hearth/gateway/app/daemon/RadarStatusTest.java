package org.hearth.gateway.app.daemon;

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
import org.hearth.gateway.coap.LoopbackClient;
import org.hearth.gateway.testkit.Ports;
import org.hearth.protocol.GatewayStatus;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.gpio.GpioBackend;
import org.hearth.time.RealTimeScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configured radar on a real serial port is supervised by the daemon and listed by {@code hearth status} like any sensor. */
@Tag("medium")
class RadarStatusTest {

    @TempDir
    Path dir;

    @Test
    void a_radar_whose_port_is_missing_is_listed_offline_with_the_reason() throws Exception {
        ZoneId zone = ZoneId.of("Europe/London");
        int loopback = Ports.freeUdp();
        // Not the simulated home, whose radars are emulated: the tty provider, on a port that is not there.
        HearthConfig config = HearthConfig.builder(new HearthConfig.Home("Flat 3", "en", zone), dir).gpio(GpioBackend.GPIOD)
                .carers(List.of(new HearthConfig.CarerEntry("Priya", 1, URI.create("coaps://127.0.0.1:" + Ports.freeUdp()))))
                .coap("127.0.0.1", Ports.freeUdp(), loopback).build()
                .withRadars(List.of(RadarSpec.standard("radar-lounge", "living room", "/dev/ttyHEARTH9")));
        Secrets secrets = new Secrets(Map.of("Priya", new Secrets.CarerKey("priya-1", new byte[16])));

        try (Daemon daemon = Daemon.start(config, secrets, RealTimeScheduler.create("loop", zone), (text, language) -> { },
                List.of(), e -> { })) {
            await().atMost(Duration.ofSeconds(20)).until(() -> LoopbackClient.status(loopback).sensors().stream()
                    .anyMatch(s -> s.id().equals("radar-lounge") && s.status().equals("OFFLINE")));
            GatewayStatus.SensorStatus radar = LoopbackClient.status(loopback).sensors().stream()
                    .filter(s -> s.id().equals("radar-lounge")).findFirst().orElseThrow();
            assertThat(radar.kind()).isEqualTo("mr24hpc1");
            assertThat(radar.room()).isEqualTo("living room");
            assertThat(radar.reason()).isEqualTo(
                    "/dev/ttyHEARTH9 could not be opened (/dev/ttyHEARTH9: No such file or directory); trying again every 60 s");
        }
    }
}
