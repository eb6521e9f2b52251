package org.hearth.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HexFormat;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.hearth.carer.CarerEndpoint;
import org.hearth.gateway.app.config.PrivateFile;
import org.hearth.gateway.coap.LocalToken;
import org.hearth.gateway.testkit.DtlsProbe;
import org.hearth.gateway.testkit.JavaProcess;
import org.hearth.gateway.testkit.TestHome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 against the real daemon: local control needs the token only root and the daemon's
 * user can read, a secrets file others may read stops the start, and {@code hearth pair --revoke}
 * fails when the daemon did not drop the key.
 */
@Tag("large")
class LocalControlEndToEndTest {

    private static final String HEARTH = "org.hearth.gateway.app.Hearth";

    @TempDir
    Path dir;

    @Test
    void a_test_alert_needs_the_token_and_the_token_file_is_private() throws Exception {
        TestHome home = new TestHome(dir);
        try (CarerEndpoint carer = home.startCarer(); JavaProcess daemon = home.startDaemon()) {
            daemon.awaitLine(l -> l.contains("Hearth is ready"), Duration.ofSeconds(60));
            assertThat(mode(dir.resolve("data"))).isEqualTo("rwx------");
            assertThat(mode(dir.resolve("data").resolve(LocalToken.FILE_NAME))).isEqualTo("rw-------");

            CoapResponse without = post(home, "local/test-alert", "");
            CoapResponse wrong = post(home, "local/test-alert", LocalToken.random().text());
            assertThat(without.getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
            assertThat(wrong.getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
            assertThat(CrashLoopTest.query(home, "SELECT count(*) FROM alerts")).as("nothing was raised").containsExactly("0");

            CoapResponse with = post(home, "local/test-alert", home.localToken());
            assertThat(with.getCode()).isEqualTo(ResponseCode.CREATED);
            String id = with.getResponseText().strip();
            awaitShown(home, id);
            assertThat(home.shown).as("only the test alert sent with the token").hasSize(1);
            daemon.terminate();
            daemon.awaitExit(Duration.ofSeconds(30));
        }
    }

    @Test
    void the_daemon_exits_2_on_a_secrets_file_others_may_read_and_says_how_to_fix_it() throws Exception {
        TestHome home = new TestHome(dir);
        Path secrets = dir.resolve("secrets.yaml");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-r--r--"));
        try (JavaProcess daemon = home.startDaemon()) {
            assertThat(daemon.awaitExit(Duration.ofSeconds(60))).as(daemon.output()).isEqualTo(2);
            assertThat(daemon.output()).contains(secrets + " has mode 0644").contains("chmod 600 " + secrets);
        }
    }

    @Test
    void revoke_fails_when_the_running_daemon_did_not_drop_the_key_and_succeeds_once_none_runs() throws Exception {
        TestHome home = new TestHome(dir);
        URI status = URI.create("coaps://127.0.0.1:" + home.gatewayPort + "/status");
        byte[] key = HexFormat.of().parseHex(TestHome.KEY);
        try (JavaProcess daemon = home.startDaemon()) {
            daemon.awaitLine(l -> l.contains("Hearth is ready"), Duration.ofSeconds(60));
            // A token the daemon did not write: as a tool that could not read the real one.
            PrivateFile.replace(dir.resolve("data").resolve(LocalToken.FILE_NAME), LocalToken.random().text());

            try (JavaProcess revoke = JavaProcess.start(dir, HEARTH, "pair", "--revoke", "Priya", "--config", home.config.toString())) {
                assertThat(revoke.awaitExit(Duration.ofSeconds(60))).as(revoke.output()).isEqualTo(1);
                assertThat(revoke.output()).contains("Priya's key is gone from the secrets file, but the running daemon did NOT drop it")
                        .contains("4.01").contains("sudo systemctl restart hearth");
            }
            assertThat(DtlsProbe.get(status, TestHome.IDENTITY, key)).as("the key still works, as the command said").isNotNull();
            daemon.terminate();
            daemon.awaitExit(Duration.ofSeconds(30));
        }
        PrivateFile.replace(dir.resolve("secrets.yaml"), "carers:\n  Priya: {identity: " + TestHome.IDENTITY + ", key: "
                + TestHome.KEY + "}\n");
        try (JavaProcess revoke = JavaProcess.start(dir, HEARTH, "pair", "--revoke", "Priya", "--config", home.config.toString())) {
            assertThat(revoke.awaitExit(Duration.ofSeconds(60))).as(revoke.output()).isZero();
            assertThat(revoke.output()).contains("Priya's key will not work: Hearth is not running");
        }
    }

    private static CoapResponse post(TestHome home, String path, String payload) throws Exception {
        CoapClient client = TestHome.localClient(home.plainPort, path).setTimeout(10_000L);
        try {
            CoapResponse r = client.post(payload, MediaTypeRegistry.TEXT_PLAIN);
            assertThat(r).as("an answer on " + path).isNotNull();
            return r;
        } finally {
            client.shutdown();
        }
    }

    private static void awaitShown(TestHome home, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (home.shown.stream().noneMatch(a -> a.id().toString().equals(id))) {
            assertThat(System.nanoTime()).as("the carer shows the test alert " + id).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
