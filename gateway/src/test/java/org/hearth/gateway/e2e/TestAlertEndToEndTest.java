package org.hearth.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hearth.gateway.app.config.PrivateFile;
import org.hearth.gateway.testkit.JavaProcess;
import org.hearth.gateway.testkit.Ports;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hearth test-alert} against the real daemon and two real {@code hearth-carer} processes on
 * different levels: both get the TEST alert at once, not after an escalation, and the command
 * reports each one's delivery and acknowledgement from the store.
 */
@Tag("large")
class TestAlertEndToEndTest {

    private static final String HEARTH = "org.hearth.gateway.app.Hearth";
    private static final String CARER = "org.hearth.carer.cli.CarerMain";
    private static final String PRIYA_KEY = "0123456789abcdef0123456789abcdef";
    private static final String SAM_KEY = "fedcba9876543210fedcba9876543210";

    @TempDir
    Path dir;

    @Test
    void every_level_receives_the_test_alert_at_once_and_the_report_names_each_carer() throws Exception {
        int gatewayPort = Ports.freeUdp();
        int plainPort = Ports.freeUdp();
        int priyaPort = Ports.freeUdp();
        int samPort = Ports.freeUdp();
        PrivateFile.replace(dir.resolve("secrets.yaml"), "carers:\n  Priya: {identity: priya-1, key: " + PRIYA_KEY
                + "}\n  Sam: {identity: sam-2, key: " + SAM_KEY + "}\n");
        Files.writeString(dir.resolve("priya.key"), PRIYA_KEY);
        Files.writeString(dir.resolve("sam.key"), SAM_KEY);
        Path config = dir.resolve("hearth.yaml");
        Files.writeString(config, """
                home: {label: Flat 3, language: en, timezone: Europe/London}
                storage: {data_dir: data}
                gpio: {backend: mock}
                sensors:
                  - {id: cord-bathroom, room: bathroom, kind: pull_cord, pin: 17}
                carers:
                  - {name: Priya, level: 1, endpoint: "coaps://127.0.0.1:%d"}
                  - {name: Sam, level: 2, endpoint: "coaps://127.0.0.1:%d"}
                coap: {bind: 127.0.0.1, port: %d, loopback_port: %d}
                alerts: {escalation_timeout: 30m}
                voice: {enabled: false}
                """.formatted(priyaPort, samPort, gatewayPort, plainPort));

        try (JavaProcess priya = carer("Priya", "priya-1", "priya.key", gatewayPort, priyaPort);
             JavaProcess sam = carer("Sam", "sam-2", "sam.key", gatewayPort, samPort);
             JavaProcess daemon = JavaProcess.start(dir, HEARTH, "run", "--config", config.toString())) {
            priya.awaitLine(l -> l.startsWith("LISTENING"), Duration.ofSeconds(60));
            sam.awaitLine(l -> l.startsWith("LISTENING"), Duration.ofSeconds(60));
            daemon.awaitLine(l -> l.contains("Hearth is ready"), Duration.ofSeconds(60));

            try (JavaProcess test = JavaProcess.start(dir, HEARTH, "test-alert", "--config", config.toString(), "--wait", "60s")) {
                int exit = test.awaitExit(Duration.ofSeconds(90));
                assertThat(exit).as(test.output()).isZero();
                assertThat(test.lines()).as(test.output())
                        .anyMatch(l -> l.matches("Priya \\(level 1\\): delivered in \\d+\\.\\d s, acknowledged in \\d+\\.\\d s"))
                        .anyMatch(l -> l.matches("Sam \\(level 2\\): delivered in \\d+\\.\\d s, acknowledged in \\d+\\.\\d s"))
                        .contains("PASS: every carer received the test alert and acknowledged it.");
            }
            // Sam is on level 2 with a 30-minute escalation: he heard at once only because it is a test.
            priya.awaitLine(l -> l.startsWith("TEST ALERT (no action needed)"), Duration.ofSeconds(5));
            sam.awaitLine(l -> l.startsWith("TEST ALERT (no action needed)"), Duration.ofSeconds(5));

            try (JavaProcess alerts = JavaProcess.start(dir, HEARTH, "alerts", "--config", config.toString())) {
                assertThat(alerts.awaitExit(Duration.ofSeconds(60))).isZero();
                assertThat(alerts.output()).contains("TEST help").contains("Acknowledged by Priya")
                        .contains("Acknowledged by Sam");
            }
            daemon.terminate();
            daemon.awaitExit(Duration.ofSeconds(30));
        }
    }

    @Test
    void with_the_daemon_stopped_it_says_so_and_fails() throws Exception {
        PrivateFile.replace(dir.resolve("secrets.yaml"), "carers:\n  Priya: {identity: priya-1, key: " + PRIYA_KEY + "}\n");
        Path config = dir.resolve("hearth.yaml");
        Files.writeString(config, """
                home: {label: Flat 3, language: en, timezone: Europe/London}
                storage: {data_dir: data}
                gpio: {backend: mock}
                sensors:
                  - {id: cord-bathroom, room: bathroom, kind: pull_cord, pin: 17}
                carers:
                  - {name: Priya, level: 1, endpoint: "coaps://127.0.0.1:9"}
                coap: {bind: 127.0.0.1, port: %d, loopback_port: %d}
                """.formatted(Ports.freeUdp(), Ports.freeUdp()));
        try (JavaProcess test = JavaProcess.start(dir, HEARTH, "test-alert", "--config", config.toString())) {
            assertThat(test.awaitExit(Duration.ofSeconds(90))).as(test.output()).isEqualTo(1);
            assertThat(test.output()).contains("Hearth is not running, so no test alert was sent");
        }
    }

    private JavaProcess carer(String name, String identity, String keyFile, int gatewayPort, int port) throws Exception {
        return JavaProcess.start(dir, CARER, "listen", "--name", name, "--identity", identity, "--key-file",
                dir.resolve(keyFile).toString(), "--gateway", "coaps://127.0.0.1:" + gatewayPort, "--bind", "127.0.0.1",
                "--port", Integer.toString(port), "--auto-ack", "1s");
    }
}
