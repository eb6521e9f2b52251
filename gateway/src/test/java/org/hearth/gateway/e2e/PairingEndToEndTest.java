package org.hearth.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hearth.carer.CarerEndpoint;
import org.hearth.carer.CarerListener;
import org.hearth.gateway.testkit.DtlsProbe;
import org.hearth.gateway.testkit.JavaProcess;
import org.hearth.gateway.testkit.TestHome;
import org.hearth.protocol.Alert;
import org.hearth.protocol.Heartbeat;
import org.hearth.protocol.PairingCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pairing by QR code between real processes, then revocation, then a search of every line every
 * process printed for the key, in hex (either case), base64 and raw bytes.
 */
@Tag("large")
class PairingEndToEndTest {

    private static final String HEARTH = "org.hearth.gateway.app.Hearth";
    private static final String CARER = "org.hearth.carer.cli.CarerMain";

    @TempDir
    Path dir;

    @Test
    void a_carer_pairs_by_qr_code_receives_an_alert_and_is_revoked_at_once_and_no_log_line_holds_the_key() throws Exception {
        TestHome home = new TestHome(dir);
        Files.delete(dir.resolve("secrets.yaml"));
        List<String> everything = new ArrayList<>();
        String gateway = "coaps://127.0.0.1:" + home.gatewayPort;

        // hearth pair: a key for Priya, a QR on the terminal and as a PNG.
        Path png = dir.resolve("priya.png");
        String pairOut = run(everything, HEARTH, "pair", "--carer", "Priya", "--gateway", gateway, "--png", png.toString(),
                "--config", home.config.toString());
        PairingCode fromTerminal = PairingCode.parse(TerminalQr.decode(pairOut));
        assertThat(fromTerminal.name()).isEqualTo("Priya");
        assertThat(fromTerminal.gateway()).isEqualTo(URI.create(gateway));
        assertThat(fromTerminal.identity()).startsWith("priya-");
        String keyHex = HexFormat.of().formatHex(fromTerminal.key());
        assertThat(Files.readString(dir.resolve("secrets.yaml"))).contains(keyHex).contains(fromTerminal.identity());
        assertThat(Files.getPosixFilePermissions(dir.resolve("secrets.yaml")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(png))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        // A second carer joins the ladder; Priya's key is kept.
        run(everything, HEARTH, "pair", "--carer", "Tom", "--level", "2", "--endpoint", "coaps://127.0.0.1:9",
                "--gateway", gateway, "--config", home.config.toString());
        assertThat(Files.readString(dir.resolve("secrets.yaml"))).contains(keyHex).contains("\"Tom\"");
        assertThat(Files.readString(home.config)).contains("name: \"Tom\", level: 2");

        // hearth-carer enroll from the PNG; listen with no other argument than where the settings are.
        Path settings = dir.resolve("carer/carer.properties");
        String enrollOut = run(everything, CARER, "enroll", "--png", png.toString(), "--config", settings.toString(),
                "--bind", "127.0.0.1", "--port", Integer.toString(home.carerPort));
        assertThat(enrollOut).contains("ENROLLED as Priya");
        assertThat(Files.getPosixFilePermissions(settings))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        try (JavaProcess carer = JavaProcess.start(dir, CARER, "listen", "--config", settings.toString(), "--auto-ack", "1s");
             JavaProcess daemon = home.startDaemon()) {
            carer.awaitLine(l -> l.startsWith("LISTENING as Priya"), Duration.ofSeconds(60));
            daemon.awaitLine(l -> l.contains("Hearth is ready"), Duration.ofSeconds(60));
            String alertLine = pressUntilShown(home, carer);
            String id = alertLine.substring(alertLine.indexOf("[id ") + 4, alertLine.indexOf(", level"));
            carer.awaitLine(l -> l.contains("ACKNOWLEDGED " + id), Duration.ofSeconds(30));

            // The key works until it is revoked...
            assertThat(acknowledgeWith(home, fromTerminal, UUID.fromString(id))).as("an acknowledgement with Priya's key").isTrue();
            URI status = URI.create(gateway + "/status");
            assertThat(DtlsProbe.get(status, fromTerminal.identity(), fromTerminal.key())).as("status with Priya's key").isNotNull();
            String revokeOut = run(everything, HEARTH, "pair", "--revoke", "Priya", "--config", home.config.toString());
            assertThat(revokeOut).contains("Priya's key no longer works: the running daemon dropped it (revoked: Priya)");
            assertThat(Files.readString(dir.resolve("secrets.yaml"))).doesNotContain(keyHex).contains("\"Tom\"");
            // ...and not a moment after, without a restart.
            assertThat(DtlsProbe.get(status, fromTerminal.identity(), fromTerminal.key())).as("status after revocation").isNull();

            String statusOut = run(everything, HEARTH, "status", "--config", home.config.toString());
            assertThat(statusOut).contains("cord-bathroom");

            daemon.terminate();
            daemon.awaitExit(Duration.ofSeconds(30));
            carer.terminate();
            carer.awaitExit(Duration.ofSeconds(30));
            everything.add(daemon.output());
            everything.add(carer.output());
        }
        assertThat(Files.readString(home.config)).contains("name: Priya");

        byte[] key = fromTerminal.key();
        String all = String.join("\n", everything);
        assertThat(all).as("every line of the run").isNotEmpty()
                .doesNotContain(keyHex)
                .doesNotContain(keyHex.toUpperCase())
                .doesNotContain(Base64.getEncoder().encodeToString(key))
                .doesNotContain(new String(key, StandardCharsets.ISO_8859_1))
                .doesNotContain(HexFormat.ofDelimiter(":").formatHex(key))
                .doesNotContain(HexFormat.ofDelimiter(" ").formatHex(key));
    }

    /** Runs a one-shot command to its end; fails with its output if it does not exit 0. */
    private String run(List<String> everything, String main, String... args) throws Exception {
        try (JavaProcess p = JavaProcess.start(dir, main, args)) {
            int exit = p.awaitExit(Duration.ofSeconds(90));
            String out = p.output();
            everything.add(out);
            assertThat(exit).as(String.join(" ", args) + ":\n" + out).isZero();
            return out;
        }
    }

    private static String pressUntilShown(TestHome home, JavaProcess carer) throws Exception {
        org.eclipse.californium.core.CoapClient client = TestHome.localClient(home.plainPort, "local/sim/cord-bathroom")
                .setTimeout(5000L);
        try {
            assertThat(client.post(home.localToken(), 0).isSuccess()).isTrue();
        } finally {
            client.shutdown();
        }
        return carer.awaitLine(l -> l.startsWith("ALERT urgent: help requested in the bathroom"), Duration.ofSeconds(60));
    }

    /** A DTLS acknowledgement with the paired key, from a fresh endpoint: true when the gateway accepted it. */
    private static boolean acknowledgeWith(TestHome home, PairingCode code, UUID id) throws Exception {
        try (CarerEndpoint device = CarerEndpoint.start(new InetSocketAddress("127.0.0.1", 0), code.gateway(), code.name(),
                code.identity(), code.key(), Clock.systemUTC(), new CarerListener() {
                    @Override
                    public void onAlert(Alert alert) {
                    }

                    @Override
                    public void onHeartbeat(Heartbeat heartbeat) {
                    }
                })) {
            return device.acknowledge(id, "on my way").toCompletableFuture().get(120, TimeUnit.SECONDS);
        }
    }

}
