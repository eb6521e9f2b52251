package org.hearth.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Response;
import org.hearth.hub.http.Certificates;
import org.hearth.hub.testkit.EventStreamReader;
import org.hearth.hub.testkit.HttpsCarer;
import org.hearth.hub.testkit.TestGateway;
import org.hearth.protocol.Alert;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.HubPairingCode;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.Severity;
import org.hearth.protocol.WireCodec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real program: {@code hearth-hub run} as its own process, a home added by another process
 * while it runs, a gateway pairing with the printed code, a carer's live stream closed by
 * {@code hearth-hub revoke} from another process, and SIGTERM.
 */
@Tag("large")
class HubProcessTest {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), HubMain.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    Result run(String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command(args)).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", List.of(args)).isTrue();
        return new Result(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void a_home_added_while_the_hub_runs_pairs_with_its_code_and_sigterm_stops_the_hub() throws Exception {
        int port = freeUdpPort();
        int httpPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            httpPort = s.getLocalPort();
        }
        Path config = dir.resolve("hub.yaml");
        Files.writeString(config, "uplink: {bind: 127.0.0.1, port: " + port + ", public_host: 127.0.0.1}\n"
                + "storage: {data_dir: data}\n"
                + "http: {bind: 127.0.0.1, port: " + httpPort + ", public_url: \"https://127.0.0.1:" + httpPort + "\"}\n");
        Process hub = new ProcessBuilder(command("run", "--config", config.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("hub.log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(dir.resolve("hub.log")).contains("Hub started"));

            Result added = run("homes", "add", "--label", "Flat 12", "--config", config.toString());
            assertThat(added.exit()).as(added.err()).isZero();
            String line = added.out().lines().filter(l -> l.startsWith(HubPairingCode.PREFIX)).findFirst().orElseThrow();
            HubPairingCode code = HubPairingCode.parse(line);
            assertThat(code.hub().toString()).isEqualTo("coaps://127.0.0.1:" + port);
            assertThat(code.label()).isEqualTo("Flat 12");
            assertThat(added.out()).as("a QR code is drawn").contains("█");

            UUID alertId = UUID.randomUUID();
            try (TestGateway gateway = new TestGateway(new InetSocketAddress(code.hub().getHost(), code.hub().getPort()),
                    code.identity(), code.key())) {
                byte[] alert = WireCodec.encode(new Alert(Protocol.VERSION, alertId, AlertKind.HELP, Severity.URGENT, "Flat 12", "hall",
                        java.time.Instant.now(), 1, "Help was asked for in the hall.", false));
                Response response = gateway.send(CoAP.Code.POST, "alerts", new String(alert, StandardCharsets.UTF_8));
                assertThat(response).isNotNull();
                assertThat(response.getPayloadString()).isEqualTo(alertId.toString());
            }

            assertThat(Files.readString(dir.resolve("hub.log"))).contains("HTTPS API serving https://127.0.0.1:" + httpPort + "/api/v1/");
            String homeId = code.identity().substring("home-".length());
            Result invited = run("invite", "--home", homeId, "--carer", "Priya", "--level", "2", "--config", config.toString());
            assertThat(invited.exit()).as(invited.err()).isZero();
            assertThat(invited.out()).containsPattern("(?m)^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$")
                    .containsPattern("(?m)^https://127\\.0\\.0\\.1:" + httpPort + "/#enrol=[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$")
                    .containsPattern("(?m)^hearth:invite\\?v=1&hub=https%3A%2F%2F127.0.0.1%3A" + httpPort
                            + "&code=[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$")
                    .contains("█");
            assertThat(run("invite", "--home", "nothere", "--carer", "Priya", "--config", config.toString()).exit()).isEqualTo(1);
            Result byIdentity = run("invite", "--home", code.identity(), "--carer", "Tom", "--no-qr", "--config", config.toString());
            assertThat(byIdentity.exit()).as("the home named by the identity its pairing code holds").isZero();
            assertThat(byIdentity.out()).contains("Invited Tom (level 1) to home " + homeId + " ");

            // Priya's phone enrols, replays the stream from its start, and hearth-hub revoke closes it.
            String inviteCode = invited.out().lines().filter(l -> l.matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}")).findFirst()
                    .orElseThrow();
            HttpsCarer priya = new HttpsCarer(URI.create("https://127.0.0.1:" + httpPort),
                    dir.resolve("data").resolve(Certificates.SELF_SIGNED), dir.resolve("data").resolve(Certificates.SELF_SIGNED_PASSWORD));
            HttpsCarer.Answer enrolled = priya.enrol(inviteCode, "Priya's phone");
            assertThat(enrolled.status()).isEqualTo(201);
            try (EventStreamReader stream = priya.stream("0")) {
                EventStreamReader.Event missed = stream.next(Duration.ofSeconds(10));
                assertThat(missed.event()).isEqualTo("alert");
                assertThat(missed.json().path("id").asText()).isEqualTo(alertId.toString());
                Result revokedPriya = run("revoke", enrolled.json().at("/device/id").asText(), "--config", config.toString());
                assertThat(revokedPriya.exit()).as(revokedPriya.err()).isZero();
                assertThat(stream.next(Duration.ofSeconds(10))).as("the running hub closes the revoked device's stream")
                        .isSameAs(EventStreamReader.END);
            }
            Result revoked = run("revoke", "d-nothere", "--config", config.toString());
            assertThat(revoked.exit()).isEqualTo(1);
            assertThat(revoked.err()).contains("there is no device d-nothere");

            Result list = run("homes", "list", "--config", config.toString());
            assertThat(list.exit()).isZero();
            assertThat(list.out()).contains(code.identity()).contains("Flat 12").contains("never heard");
            Result status = run("status", "--config", config.toString());
            assertThat(status.out()).startsWith("hub: homes=1 silent=0 never_heard=1 store=SQLite ").contains("1 alerts");

            hub.destroy(); // SIGTERM
            assertThat(hub.waitFor(20, TimeUnit.SECONDS)).as("the hub stops on SIGTERM").isTrue();
            assertThat(hub.exitValue()).isIn(0, 143);
            assertThat(Files.readString(dir.resolve("hub.log"))).contains("Hub stopped");

            String id = code.identity().substring("home-".length());
            Result removed = run("homes", "remove", id, "--config", config.toString());
            assertThat(removed.exit()).isZero();
            assertThat(run("homes", "remove", id, "--config", config.toString()).exit()).isEqualTo(1);
        } finally {
            hub.destroyForcibly();
        }
    }

    @Test
    void a_bad_configuration_lists_every_problem_and_exits_2() throws Exception {
        Path config = dir.resolve("hub.yaml");
        Files.writeString(config, "uplink: {port: 0}\nheartbeat: {interval: soon}\n");
        Result result = run("run", "--config", config.toString());
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("is not valid; nothing was done")
                .contains("uplink.port: must be a whole number from 1 to 65535, was 0")
                .contains("heartbeat.interval: must be a duration like 30s, 5m or 1h, was soon");
    }
}
