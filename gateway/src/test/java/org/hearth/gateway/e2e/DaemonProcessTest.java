package org.hearth.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.hearth.gateway.app.config.PrivateFile;
import org.hearth.gateway.testkit.JavaProcess;
import org.hearth.protocol.WireCodec;
import org.hearth.gateway.testkit.Ports;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hearth run} as systemd runs it: starts from a config file, serves, stops cleanly on SIGTERM. */
@Tag("large")
class DaemonProcessTest {

    private static final String KEY = "8899aabbccddeeff0011223344556677";

    @TempDir
    Path dir;

    @Test
    void the_daemon_serves_status_heartbeats_its_carer_and_stops_cleanly_on_sigterm() throws Exception {
        int gatewayPort = Ports.freeUdp();
        int carerPort = Ports.freeUdp();
        int plainPort = Ports.freeUdp();
        PrivateFile.replace(dir.resolve("secrets.yaml"), "carers:\n  Priya: {identity: priya-9, key: " + KEY + "}\n");
        Files.writeString(dir.resolve("priya.key"), KEY);
        Files.writeString(dir.resolve("hearth.yaml"), """
                home: {label: Flat 9, language: en, timezone: Europe/London}
                storage: {data_dir: data}
                gpio: {backend: mock}
                sensors:
                  - {id: cord-bathroom, room: bathroom, kind: pull_cord, pin: 17}
                carers:
                  - {name: Priya, level: 1, endpoint: "coaps://127.0.0.1:%d"}
                coap: {bind: 127.0.0.1, port: %d, loopback_port: %d}
                heartbeat: {interval: 10s}
                i2c:
                  accelerometers: [{id: accel-worn, room: living room, address: 0x53}]
                  climate: [{id: climate-living, room: living room, chip: bme280}]
                """.formatted(carerPort, gatewayPort, plainPort));

        try (JavaProcess carer = JavaProcess.start(dir, "org.hearth.carer.cli.CarerMain", "listen", "--name", "Priya",
                "--identity", "priya-9", "--key-file", dir.resolve("priya.key").toString(), "--gateway",
                "coaps://127.0.0.1:" + gatewayPort, "--bind", "127.0.0.1", "--port", Integer.toString(carerPort));
             JavaProcess daemon = JavaProcess.start(dir, "org.hearth.gateway.app.Hearth", "run", "--config",
                     dir.resolve("hearth.yaml").toString())) {
            carer.awaitLine(l -> l.startsWith("LISTENING"), Duration.ofSeconds(60));
            daemon.awaitLine(l -> l.contains("Hearth is ready"), Duration.ofSeconds(60));

            // Californium's client needs its modules; built in code so no properties file appears.
            org.eclipse.californium.core.config.CoapConfig.register();
            org.eclipse.californium.elements.config.UdpConfig.register();
            org.eclipse.californium.elements.config.Configuration.setStandard(
                    org.eclipse.californium.elements.config.Configuration.createStandardWithoutFile());
            CoapClient client = new CoapClient("coap://127.0.0.1:" + plainPort + "/status");
            try {
                CoapResponse status = client.get();
                assertThat(status).as("status over loopback CoAP").isNotNull();
                var decoded = WireCodec.decodeStatus(status.getPayload());
                assertThat(decoded.home()).isEqualTo("Flat 9");
                assertThat(decoded.sensors()).extracting(s -> s.id()).containsExactly("cord-bathroom", "accel-worn", "climate-living");
            } finally {
                client.shutdown();
            }

            try (JavaProcess status = JavaProcess.start(dir, "org.hearth.gateway.app.Hearth", "status", "--config",
                    dir.resolve("hearth.yaml").toString())) {
                assertThat(status.awaitExit(Duration.ofSeconds(60))).as(status.output()).isZero();
                assertThat(status.lines()).anyMatch(l -> l.contains("cord-bathroom") && l.contains("bathroom")
                        && l.contains("ONLINE") && l.contains("no event yet"));
                assertThat(status.lines()).anyMatch(l -> l.contains("accel-worn") && l.contains("adxl345")
                        && l.contains("ONLINE (working normally)"));
                assertThat(status.lines()).anyMatch(l -> l.contains("climate-living") && l.contains("bme280")
                        && l.contains("ONLINE (working normally)"));
                assertThat(status.lines()).contains("Open alerts: none");
            }
            try (JavaProcess alerts = JavaProcess.start(dir, "org.hearth.gateway.app.Hearth", "alerts", "--config",
                    dir.resolve("hearth.yaml").toString())) {
                assertThat(alerts.awaitExit(Duration.ofSeconds(60))).as(alerts.output()).isZero();
                assertThat(alerts.lines()).containsExactly("No alerts yet.");
            }

            daemon.terminate();
            int exit = daemon.awaitExit(Duration.ofSeconds(20));
            assertThat(exit).as(daemon.output()).isIn(0, 143);
            assertThat(daemon.lines()).as("exit %d; output:%n%s", exit, daemon.output()).anyMatch(l -> l.contains("Hearth stopped"));
            carer.awaitLine(l -> l.contains("Gateway Flat 9 is shutting down in an orderly way."), Duration.ofSeconds(20));
            assertThat(daemon.output()).doesNotContain(KEY).doesNotContainIgnoringCase("exception");
            // the configuration in effect, logged once at start, the key masked
            assertThat(daemon.lines()).filteredOn(l -> l.contains("Configuration in effect")).hasSize(1);
            assertThat(daemon.lines()).anyMatch(l -> l.endsWith("secrets.carers.Priya.key = <masked>"))
                    .anyMatch(l -> l.endsWith("heartbeat.interval = 10s")).anyMatch(l -> l.endsWith("alerts.pre_alarm = 30s"));
        }
        assertThat(Files.exists(dir.resolve("Californium3.properties"))).isFalse();
        assertThat(Files.getPosixFilePermissions(dir.resolve("data/hearth.db")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void an_invalid_config_is_refused_with_every_problem_and_exit_code_2() throws Exception {
        Files.writeString(dir.resolve("hearth.yaml"), """
                home: {language: xx}
                sensors:
                  - {id: a, room: hall, kind: pir, pin: 99}
                carers: []
                """);
        try (JavaProcess daemon = JavaProcess.start(dir, "org.hearth.gateway.app.Hearth", "run", "--config",
                dir.resolve("hearth.yaml").toString())) {
            assertThat(daemon.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(daemon.lines()).containsSubsequence(
                    "hearth: the configuration " + dir.resolve("hearth.yaml") + " is not valid; nothing was done:",
                    "  home.label: is required",
                    "  home.language: must be one of en, gu, hi, pa, ur, pl, bn, so, was \"xx\"",
                    "  sensors[0].pin: must be between 2 and 27 (BCM numbering), was 99",
                    "  carers: at least one carer is required, or no one will ever be told");
            assertThat(Files.exists(dir.resolve("data"))).isFalse();
        }
    }

}
