package org.hearth.gateway.coap;

import org.hearth.transport.PskKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.gateway.domain.AckResult;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.GatewayStatus;
import org.hearth.protocol.OpenAlerts;
import org.hearth.protocol.WireCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another implementation talks to the gateway: Debian's libcoap client over DTLS with a carer's
 * PSK reads {@code /status}, observes {@code /alerts}, and is refused with a wrong key. libcoap
 * 4.3's {@code -k} takes the key as text, so this carer's 16 key bytes are printable.
 */
@Tag("medium")
class LibcoapInteropTest {

    private static final String TOOL = "coap-client-openssl";
    private static final String IDENTITY = "interop-carer";
    private static final String KEY = "Interop-Key-0123";

    @TempDir
    Path dir;

    private final AtomicInteger statusCalls = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicReference<String> reason = new java.util.concurrent.atomic.AtomicReference<>("");
    private CoapGatewayServer gateway;

    @BeforeEach
    void start() {
        GatewayHandlers handlers = new GatewayHandlers() {
            @Override
            public CompletionStage<GatewayStatus> status() {
                statusCalls.incrementAndGet();
                return CompletableFuture.completedFuture(new GatewayStatus(1, "Flat 12", Instant.parse("2026-11-28T10:15:30Z"),
                        List.of(new GatewayStatus.SensorStatus("cord-bathroom", "bathroom", "pull_cord", "ONLINE", reason.get(), null)),
                        openList(), 0));
            }

            @Override
            public CompletionStage<OpenAlerts> openAlerts() {
                return CompletableFuture.completedFuture(new OpenAlerts(1, "Flat 12", openList()));
            }

            @Override
            public CompletionStage<AckResult> acknowledge(UUID alertId, String identity, String note) {
                return CompletableFuture.completedFuture(AckResult.NOT_ON_LADDER);
            }

            @Override
            public CompletionStage<AckResult> resolve(UUID alertId, String identity, org.hearth.protocol.Down.Outcome outcome,
                                                      String note) {
                return CompletableFuture.completedFuture(AckResult.NOT_ON_LADDER);
            }
        };
        gateway = CoapGatewayServer.start(new InetSocketAddress("127.0.0.1", 0), -1,
                Map.of(new InetSocketAddress("127.0.0.1", 9), new PskKey(IDENTITY, KEY.getBytes(StandardCharsets.US_ASCII))),
                handlers);
    }

    private List<GatewayStatus.OpenAlert> openList() {
        List<GatewayStatus.OpenAlert> alerts = new ArrayList<>();
        for (int i = 0; i < open.get(); i++) {
            alerts.add(new GatewayStatus.OpenAlert(UUID.nameUUIDFromBytes(new byte[] {(byte) i}), AlertKind.HELP, "hall",
                    Instant.parse("2026-11-28T10:15:30Z"), "RAISED", 1));
        }
        return alerts;
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private String uri(String path) {
        return "coaps://127.0.0.1:" + gateway.secureAddress().getPort() + "/" + path;
    }

    @Test
    void libcoap_reads_status_with_the_carers_key() throws Exception {
        Result r = coapClient(20, "-m", "get", "-B", "10", "-u", IDENTITY, "-k", KEY, uri("status"));

        assertThat(r.out()).as(r.toString()).contains("\"home\":\"Flat 12\"");
        GatewayStatus status = WireCodec.decodeStatus(r.out().strip().getBytes(StandardCharsets.UTF_8));
        assertThat(status.sensors()).extracting(GatewayStatus.SensorStatus::id).containsExactly("cord-bathroom");
    }

    /** One open alert once made /status a single 1,155-byte record, which libcoap 4.3.1 refused. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 5, 20})
    void libcoap_reads_status_and_alerts_whatever_the_number_of_open_alerts(int alerts) throws Exception {
        open.set(alerts);
        GatewayStatus status = WireCodec.decodeStatus(read("status"));
        assertThat(status.openAlerts()).hasSize(alerts);
        assertThat(WireCodec.decodeOpenAlerts(read("alerts")).alerts()).hasSize(alerts);
    }

    @Test
    void libcoap_reads_status_at_every_size_around_its_mtu() throws Exception {
        open.set(1);
        int base = WireCodec.encode(handlersStatus()).length;
        for (int size = 900; size <= 1300; size += 10) {
            reason.set("x".repeat(size - base));
            byte[] body = read("status");
            assertThat(body).as("a %d-byte status", size).hasSize(size);
        }
    }

    private GatewayStatus handlersStatus() {
        return new GatewayStatus(1, "Flat 12", Instant.parse("2026-11-28T10:15:30Z"),
                List.of(new GatewayStatus.SensorStatus("cord-bathroom", "bathroom", "pull_cord", "ONLINE", "", null)), openList(), 0);
    }

    /** The body libcoap's client prints for a GET, which must be the whole resource. */
    private byte[] read(String path) throws Exception {
        Result r = coapClient(20, "-m", "get", "-B", "10", "-u", IDENTITY, "-k", KEY, uri(path));
        assertThat(r.exit()).as(r.toString()).isZero();
        return r.out().strip().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void libcoap_observes_alerts_and_hears_each_change() throws Exception {
        Path out = dir.resolve("observe.out");
        Process p = new ProcessBuilder("timeout", "30", TOOL, "-s", "8", "-B", "12", "-u", IDENTITY, "-k", KEY, uri("alerts"))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        awaitContent(out, "\"alerts\":[]", p);
        open.set(1);
        gateway.changed();
        awaitContent(out, "\"state\":\"RAISED\"", p);
        open.set(2);
        gateway.changed();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (countOf(Files.readString(out), "\"id\"") < 3 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        p.waitFor(30, TimeUnit.SECONDS);
        String text = Files.readString(out);
        assertThat(countOf(text, "\"v\":1")).as(text).isEqualTo(3);
        assertThat(countOf(text, "\"id\"")).as("one, then two open alerts: " + text).isEqualTo(3);
    }

    @Test
    void libcoap_with_a_wrong_key_is_refused_and_never_reaches_the_gateway() throws Exception {
        Result r = coapClient(20, "-m", "get", "-B", "5", "-u", IDENTITY, "-k", "Wrong-Key-000000", uri("status"));

        assertThat(r.out()).as(r.toString()).doesNotContain("Flat 12");
        assertThat(statusCalls).hasValue(0);

        Result unknown = coapClient(20, "-m", "get", "-B", "5", "-u", "stranger", "-k", KEY, uri("status"));
        assertThat(unknown.out()).as(unknown.toString()).doesNotContain("Flat 12");
        assertThat(statusCalls).hasValue(0);
    }

    private record Result(int exit, String out) {
    }

    private Result coapClient(int seconds, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("timeout", Integer.toString(seconds), TOOL));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "coap-client", ".out");
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + TOOL + ": install libcoap3-bin (scripts/setup test does)", e);
        }
        assertThat(p.waitFor(seconds + 5L, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(out);
        if (p.exitValue() == 127 || text.contains("No such file")) {
            throw new AssertionError(TOOL + " is not installed: install libcoap3-bin (scripts/setup test does); output: " + text);
        }
        return new Result(p.exitValue(), text);
    }

    private static void awaitContent(Path file, String needle, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            String text = Files.readString(file);
            if (text.contains(needle)) {
                return;
            }
            if (!p.isAlive() && text.contains("not found")) {
                throw new AssertionError(TOOL + " is not installed: install libcoap3-bin; output: " + text);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + needle + " from " + TOOL + " within 15 s; output: " + Files.readString(file));
    }

    private static int countOf(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
