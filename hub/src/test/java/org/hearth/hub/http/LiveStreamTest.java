package org.hearth.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.hearth.hub.config.HubConfig;
import org.hearth.hub.liveness.GatewayLiveness;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.JdbcHubStore;
import org.hearth.hub.testkit.EventStreamReader;
import org.hearth.hub.testkit.EventStreamReader.Event;
import org.hearth.hub.testkit.HttpsCarer;
import org.hearth.hub.testkit.TestGateway;
import org.hearth.hub.uplink.UplinkServer;
import org.hearth.protocol.Alert;
import org.hearth.protocol.AlertEvent;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.Severity;
import org.hearth.protocol.WireCodec;
import org.hearth.time.RealTimeScheduler;
import org.hearth.time.Scheduler;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /homes/stream} over real HTTPS, read line by line as it arrives, against a hub on
 * SQLite whose gateways send over real DTLS. The liveness watch runs in virtual time (the test
 * drives it); the streams poll on a real scheduler.
 */
@Tag("medium")
class LiveStreamTest {

    static final Instant T0 = Instant.parse("2026-11-28T10:15:30Z");
    static final byte[] KEY = "sixteen-bytes-A!".getBytes(StandardCharsets.US_ASCII);
    static final Duration WAIT = Duration.ofSeconds(10);
    /** Longer than the streams' backstop poll (1 s), and far longer than a wake-up: what has not come by then is not coming. */
    static final Duration QUIET = Duration.ofMillis(1500);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path certificateDir;

    @TempDir
    Path dir;

    VirtualScheduler time;
    RealTimeScheduler streamLoop;
    HubStore store;
    GatewayLiveness liveness;
    UplinkServer uplink;
    HttpApi api;
    Home flat12;
    Home flat14;
    final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeAll
    static void makeCertificate() throws Exception {
        HttpApiTest.makeCertificate(certificateDir);
    }

    @BeforeEach
    void startHub() {
        time = new VirtualScheduler(T0, ZoneOffset.UTC);
        store = JdbcHubStore.sqlite(dir.resolve("data/hub.db"));
        flat12 = store.addHome("Flat 12", KEY, T0);
        flat14 = store.addHome("Flat 14", KEY, T0);
        liveness = new GatewayLiveness(time, store, Duration.ofSeconds(60));
        uplink = UplinkServer.start(new InetSocketAddress("127.0.0.1", 0), store, liveness, time.clock());
        streamLoop = RealTimeScheduler.create("test-streams", ZoneOffset.UTC);
        api = startApi(streamLoop);
    }

    HttpApi startApi(Scheduler loop) {
        return HttpApi.start(new HubConfig.Http("127.0.0.1", 0, URI.create("https://127.0.0.1"), HubConfig.Tls.selfSigned()),
                certificateDir, store, uplink, time.clock(), Duration.ofSeconds(60), loop);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        api.close();
        uplink.close();
        streamLoop.close();
        store.close();
    }

    HttpsCarer enrolled(HttpApi on, Home home, String name) throws Exception {
        HttpsCarer carer = new HttpsCarer(URI.create("https://127.0.0.1:" + on.port()), certificateDir.resolve(Certificates.SELF_SIGNED),
                certificateDir.resolve(Certificates.SELF_SIGNED_PASSWORD));
        assertThat(carer.enrol(Invites.issue(store, home.id(), name, 1, time.clock().instant()), name + "'s phone").status())
                .isEqualTo(201);
        return carer;
    }

    HttpsCarer enrolled(Home home, String name) throws Exception {
        return enrolled(api, home, name);
    }

    EventStreamReader open(HttpsCarer carer, String lastEventId) throws Exception {
        EventStreamReader stream = carer.stream(lastEventId);
        closing.add(stream);
        return stream;
    }

    TestGateway gateway(Home home) {
        TestGateway gateway = new TestGateway(new InetSocketAddress("127.0.0.1", uplink.port()), home.identity(), KEY);
        closing.add(gateway);
        return gateway;
    }

    static String alert(UUID id) {
        return new String(WireCodec.encode(new Alert(Protocol.VERSION, id, AlertKind.HELP, Severity.URGENT, "Flat 12", "bathroom",
                T0, 1, "The pull cord in the bathroom was pulled at 10:15.", false)), StandardCharsets.UTF_8);
    }

    static String event(UUID id, long seq, String state, String event, String carer) {
        return new String(WireCodec.encode(new AlertEvent(Protocol.VERSION, id, seq, T0.plusSeconds(seq), state, event, carer, 1,
                event + " " + carer)), StandardCharsets.UTF_8);
    }

    static String summary(String home, int openAlerts) {
        return "{\"v\":1,\"home\":\"" + home + "\",\"at\":\"2026-11-28T10:15:00Z\",\"rooms\":[],\"open_alerts\":" + openAlerts + "}";
    }

    static void sent(TestGateway gateway, CoAP.Code code, String path, String json) throws InterruptedException {
        assertThat(gateway.send(code, path, json).getCode()).isEqualTo(ResponseCode.CHANGED);
    }

    @Test
    void a_gateways_alert_event_and_summary_reach_its_carers_stream_and_nobody_elses() throws Exception {
        HttpsCarer priya = enrolled(flat12, "Priya");
        HttpsCarer tom = enrolled(flat14, "Tom");
        EventStreamReader priyas = open(priya, null);
        EventStreamReader toms = open(tom, null);
        assertThat(priyas.response().statusCode()).isEqualTo(200);
        assertThat(priyas.response().headers().firstValue("Content-Type")).contains("text/event-stream; charset=utf-8");
        assertThat(priyas.response().headers().firstValue("Cache-Control")).contains("no-store");
        TestGateway flat12Gateway = gateway(flat12);

        UUID id = UUID.randomUUID();
        sent(flat12Gateway, CoAP.Code.POST, "alerts", alert(id));
        Event raised = priyas.next(WAIT);
        assertThat(raised.event()).isEqualTo("alert");
        assertThat(raised.json().path("id").asText()).isEqualTo(id.toString());
        assertThat(raised.json().path("home").asText()).isEqualTo(flat12.id());
        assertThat(raised.json().path("state").asText()).isEqualTo("raised");
        assertThat(raised.json().path("words").asText()).isEqualTo("The pull cord in the bathroom was pulled at 10:15.");

        String delivered = event(id, 1, "delivered", "DELIVERED", "Priya");
        sent(flat12Gateway, CoAP.Code.POST, "alerts/" + id + "/events", delivered);
        Event changed = priyas.next(WAIT);
        assertThat(changed.event()).isEqualTo("alert-event");
        assertThat(changed.json()).isEqualTo(JSON.readTree(delivered));
        assertThat(changed.number()).isGreaterThan(raised.number());

        sent(flat12Gateway, CoAP.Code.PUT, "summary", summary("Flat 12", 1));
        Event summary = priyas.next(WAIT);
        assertThat(summary.event()).isEqualTo("summary");
        assertThat(summary.json().path("open_alerts").asInt()).isEqualTo(1);
        assertThat(summary.json().path("received_at").asText()).isEqualTo(T0.toString());
        assertThat(summary.number()).isGreaterThan(changed.number());

        // Tom's first event is his own home's: nothing of Flat 12 came before it.
        sent(gateway(flat14), CoAP.Code.PUT, "summary", summary("Flat 14", 0));
        Event toms14 = toms.next(WAIT);
        assertThat(toms14.event()).isEqualTo("summary");
        assertThat(toms14.json().path("home").asText()).isEqualTo("Flat 14");
        assertThat(priyas.next(QUIET)).as("nor does Priya see Flat 14's").isNull();
        assertThat(store.accessLog(flat12.id())).extracting(e -> e.what()).contains("stream");
    }

    @Test
    void a_client_reconnecting_with_last_event_id_gets_exactly_what_it_missed_then_what_is_new() throws Exception {
        HttpsCarer priya = enrolled(flat12, "Priya");
        TestGateway flat12Gateway = gateway(flat12);
        EventStreamReader first = open(priya, null);
        UUID id = UUID.randomUUID();
        sent(flat12Gateway, CoAP.Code.POST, "alerts", alert(id));
        Event seen = first.next(WAIT);
        assertThat(seen.event()).isEqualTo("alert");
        first.close();

        sent(flat12Gateway, CoAP.Code.POST, "alerts/" + id + "/events", event(id, 1, "delivered", "DELIVERED", "Priya"));
        sent(gateway(flat14), CoAP.Code.PUT, "summary", summary("Flat 14", 0));
        sent(flat12Gateway, CoAP.Code.POST, "alerts/" + id + "/events", event(id, 2, "acknowledged", "ACKNOWLEDGED", "Priya"));
        // A gateway's retry is stored once and told once.
        sent(flat12Gateway, CoAP.Code.POST, "alerts/" + id + "/events", event(id, 2, "acknowledged", "ACKNOWLEDGED", "Priya"));

        EventStreamReader again = open(priya, seen.id());
        Event missed1 = again.next(WAIT);
        Event missed2 = again.next(WAIT);
        assertThat(List.of(missed1.event(), missed2.event())).containsExactly("alert-event", "alert-event");
        assertThat(List.of(missed1.json().path("seq").asLong(), missed2.json().path("seq").asLong())).containsExactly(1L, 2L);
        assertThat(missed1.number()).isGreaterThan(seen.number());
        assertThat(missed2.number()).as("Flat 14's summary came between them, not to Priya").isEqualTo(missed1.number() + 2);

        sent(flat12Gateway, CoAP.Code.POST, "alerts/" + id + "/events", event(id, 3, "resolved", "RESOLVED", "Priya"));
        Event live = again.next(WAIT);
        assertThat(live.json().path("seq").asLong()).isEqualTo(3);
        assertThat(live.number()).isGreaterThan(missed2.number());
        assertThat(again.next(QUIET)).as("nothing twice").isNull();

        EventStreamReader fresh = open(priya, null);
        assertThat(fresh.next(QUIET)).as("without Last-Event-ID only what is new").isNull();

        EventStreamReader garbled = open(priya, "yesterday");
        assertThat(garbled.response().statusCode()).isEqualTo(400);
    }

    @Test
    void gateway_silent_and_back_reach_the_stream() throws Exception {
        HttpsCarer priya = enrolled(flat12, "Priya");
        EventStreamReader stream = open(priya, null);
        liveness.heartbeat(flat12.id(), Duration.ofSeconds(60));
        time.runDue();
        time.advanceBy(Duration.ofMinutes(3));

        Event silent = stream.next(WAIT);
        assertThat(silent.event()).isEqualTo("gateway");
        assertThat(silent.json()).isEqualTo(JSON.readTree("{\"home\":\"" + flat12.id() + "\",\"connected\":false,\"since\":\""
                + T0.plus(Duration.ofMinutes(3)) + "\"}"));

        time.advanceBy(Duration.ofMinutes(1));
        liveness.heartbeat(flat12.id(), Duration.ofSeconds(60));
        time.runDue();
        Event back = stream.next(WAIT);
        assertThat(back.json().path("connected").asBoolean()).isTrue();
        assertThat(back.json().path("since").asText()).isEqualTo(T0.plus(Duration.ofMinutes(4)).toString());
    }

    @Test
    void revoking_a_device_closes_its_streams_at_once_and_leaves_the_others() throws Exception {
        HttpsCarer phone = enrolled(flat12, "Priya");
        HttpsCarer tablet = enrolled(flat12, "Priya");
        HttpsCarer laptop = enrolled(flat12, "Priya");
        EventStreamReader phone1 = open(phone, null);
        EventStreamReader phone2 = open(phone, null);
        EventStreamReader tablets = open(tablet, null);
        EventStreamReader laptops = open(laptop, null);
        String phoneId = idOf(phone);

        assertThat(tablet.delete("/devices/" + phoneId).status()).isEqualTo(204);
        assertThat(phone1.next(WAIT)).isSameAs(EventStreamReader.END);
        assertThat(phone2.next(WAIT)).isSameAs(EventStreamReader.END);
        assertThat(phone.stream(null).response().statusCode()).isEqualTo(401);

        // hearth-hub revoke is another process: it writes the store, and the hub notices.
        String tabletId = idOf(tablet);
        assertThat(store.revokeDevice(tabletId, T0)).isTrue();
        long start = System.nanoTime();
        assertThat(tablets.next(WAIT)).isSameAs(EventStreamReader.END);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));

        sent(gateway(flat12), CoAP.Code.PUT, "summary", summary("Flat 12", 0));
        assertThat(laptops.next(WAIT).event()).as("the carer's other device streams on").isEqualTo("summary");
    }

    /** The device id of {@code carer}'s own device. */
    private static String idOf(HttpsCarer carer) throws Exception {
        for (var d : carer.get("/devices").json().path("devices")) {
            if (d.path("this_device").asBoolean()) {
                return d.path("id").asText();
            }
        }
        throw new AssertionError("GET /devices names no this_device");
    }

    @Test
    void a_sixth_stream_of_one_device_is_refused() throws Exception {
        HttpsCarer priya = enrolled(flat12, "Priya");
        for (int i = 0; i < LiveStreams.MAX_PER_DEVICE; i++) {
            assertThat(open(priya, null).response().statusCode()).isEqualTo(200);
        }
        EventStreamReader sixth = open(priya, null);
        assertThat(sixth.response().statusCode()).isEqualTo(429);
        assertThat(sixth.response().headers().firstValue("Retry-After")).isPresent();
        assertThat(sixth.next(WAIT)).isSameAs(EventStreamReader.END);
        assertThat(String.join("", sixth.lines())).contains("\"error\":\"slow_down\"");
        assertThat(open(enrolled(flat12, "Tom"), null).response().statusCode()).as("another device may").isEqualTo(200);
    }

    @Test
    void a_keep_alive_comment_comes_every_25_seconds_of_the_schedulers_time() throws Exception {
        // Time 50 times faster: 25 s of the stream's clock pass in half a second.
        try (RealTimeScheduler fast = RealTimeScheduler.accelerated("test-fast-streams", T0, ZoneOffset.UTC, 50);
             HttpApi quick = startApi(fast)) {
            EventStreamReader stream = open(enrolled(quick, flat12, "Priya"), null);
            assertThat(stream.nextComment(WAIT)).isEqualTo("keep-alive");
            Instant first = fast.now();
            assertThat(stream.nextComment(WAIT)).isEqualTo("keep-alive");
            // Real scheduling jitter of 100 ms is 5 s here.
            assertThat(Duration.between(first, fast.now())).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(32));
            assertThat(stream.lines()).startsWith("retry: 5000", "");
        }
    }
}
