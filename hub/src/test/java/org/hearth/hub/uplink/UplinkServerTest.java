package org.hearth.hub.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.elements.DtlsEndpointContext;
import org.hearth.hub.liveness.GatewayLiveness;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.JdbcHubStore;
import org.hearth.hub.store.StoredEvent;
import org.hearth.hub.testkit.TestGateway;
import org.hearth.hub.testkit.UdpRelay;
import org.hearth.protocol.Alert;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Heartbeat;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.Severity;
import org.hearth.protocol.WireCodec;
import org.hearth.time.RealTimeScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The uplink with real DTLS endpoints on loopback: a hub on SQLite, gateways as Californium clients with their homes' keys. */
@Tag("medium")
class UplinkServerTest {

    static final byte[] KEY_A = "sixteen-bytes-A!".getBytes(StandardCharsets.US_ASCII);
    static final byte[] KEY_B = "sixteen-bytes-B!".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    HubStore store;
    RealTimeScheduler loop;
    UplinkServer hub;
    Home flat12;
    Home flat14;
    TestGateway gateway;

    @BeforeEach
    void startHub() {
        store = JdbcHubStore.sqlite(dir.resolve("hub.db"));
        loop = RealTimeScheduler.create("hub-loop", ZoneOffset.UTC);
        flat12 = store.addHome("Flat 12", KEY_A, Instant.now());
        flat14 = store.addHome("Flat 14", KEY_B, Instant.now());
        hub = start();
        gateway = gatewayOf(flat12, KEY_A);
    }

    UplinkServer start() {
        GatewayLiveness liveness = new GatewayLiveness(loop, store, Duration.ofSeconds(60));
        liveness.start();
        return UplinkServer.start(new InetSocketAddress("127.0.0.1", 0), store, liveness, loop.clock());
    }

    InetSocketAddress hubAddress() {
        return new InetSocketAddress("127.0.0.1", hub.port());
    }

    TestGateway gatewayOf(Home home, byte[] key) {
        return new TestGateway(hubAddress(), home.identity(), key);
    }

    @AfterEach
    void stop() {
        gateway.close();
        hub.close();
        loop.close();
        store.close();
    }

    static String alert(UUID id) {
        return new String(WireCodec.encode(new Alert(Protocol.VERSION, id, AlertKind.HELP, Severity.URGENT, "Flat 12", "bathroom",
                Instant.parse("2026-11-28T10:15:30Z"), 1, "The pull cord in the bathroom was pulled at 10:15.", false)),
                StandardCharsets.UTF_8);
    }

    static String event(UUID id, long seq, String state, String event) {
        return "{\"v\":1,\"alert_id\":\"" + id + "\",\"seq\":" + seq + ",\"at\":\"2026-11-28T10:16:02Z\",\"state\":\"" + state
                + "\",\"event\":\"" + event + "\",\"carer\":\"Priya\",\"level\":1,\"detail\":\"words for people\"}";
    }

    @Test
    void an_alert_is_answered_with_its_id_once_durable_and_stored_once_across_retries_and_a_hub_restart() throws Exception {
        UUID id = UUID.randomUUID();
        Response first = gateway.send(CoAP.Code.POST, "alerts", alert(id));
        assertThat(first.getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(first.getPayloadString()).isEqualTo(id.toString());
        assertThat(gateway.send(CoAP.Code.POST, "alerts", alert(id)).getPayloadString()).isEqualTo(id.toString());

        // The hub restarts on the same store; the gateway, told nothing, retries the same alert.
        gateway.close();
        hub.close();
        store.close();
        store = JdbcHubStore.sqlite(dir.resolve("hub.db"));
        hub = start();
        gateway = gatewayOf(flat12, KEY_A);
        Response retry = gateway.send(CoAP.Code.POST, "alerts", alert(id));
        assertThat(retry.getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(retry.getPayloadString()).isEqualTo(id.toString());

        assertThat(store.alerts(flat12.id())).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(id);
            assertThat(a.json()).isEqualTo(alert(id));
        });
    }

    @Test
    void the_hub_gives_the_session_a_connection_id_so_a_nat_rebinding_breaks_nothing() throws Exception {
        gateway.close();
        try (UdpRelay router = new UdpRelay(hubAddress());
             TestGateway behindNat = new TestGateway(router.address(), flat12.identity(), KEY_A)) {
            Response first = behindNat.send(CoAP.Code.POST, "alerts", alert(UUID.randomUUID()));
            assertThat(first.getCode()).isEqualTo(ResponseCode.CHANGED);
            assertThat(first.getSourceContext().get(DtlsEndpointContext.KEY_WRITE_CONNECTION_ID))
                    .as("the CID the gateway writes to the hub").isNotNull()
                    .satisfies(cid -> assertThat(cid.length()).isEqualTo(UplinkServer.CONNECTION_ID_LENGTH));

            router.rebind();
            UUID second = UUID.randomUUID();
            Response afterRebinding = behindNat.send(CoAP.Code.POST, "alerts", alert(second));
            assertThat(afterRebinding).as("an answer through the new mapping, same session").isNotNull();
            assertThat(afterRebinding.getPayloadString()).isEqualTo(second.toString());
            assertThat(afterRebinding.getSourceContext().get(DtlsEndpointContext.KEY_SESSION_ID))
                    .isEqualTo(first.getSourceContext().get(DtlsEndpointContext.KEY_SESSION_ID));
        } finally {
            gateway = gatewayOf(flat12, KEY_A);
        }
    }

    @Test
    void events_are_applied_once_each_in_seq_order() throws Exception {
        UUID id = UUID.randomUUID();
        gateway.send(CoAP.Code.POST, "alerts", alert(id));
        String path = "alerts/" + id + "/events";
        assertThat(gateway.send(CoAP.Code.POST, path, event(id, 1, "raised", "RAISED")).getPayloadString()).isEqualTo(id + ":1");
        assertThat(gateway.send(CoAP.Code.POST, path, event(id, 2, "delivered", "DELIVERED")).getPayloadString()).isEqualTo(id + ":2");
        assertThat(gateway.send(CoAP.Code.POST, path, event(id, 2, "delivered", "DELIVERED")).getPayloadString())
                .as("a retry is answered the same").isEqualTo(id + ":2");
        assertThat(gateway.send(CoAP.Code.POST, path, event(id, 3, "acknowledged", "ACKNOWLEDGED")).getCode())
                .isEqualTo(ResponseCode.CHANGED);

        assertThat(store.events(id)).extracting(StoredEvent::seq).containsExactly(1L, 2L, 3L);
        assertThat(store.alert(id).orElseThrow().state()).isEqualTo("acknowledged");
    }

    @Test
    void an_event_that_is_not_one_is_refused_with_the_reason() throws Exception {
        UUID id = UUID.randomUUID();
        gateway.send(CoAP.Code.POST, "alerts", alert(id));
        Response mismatch = gateway.send(CoAP.Code.POST, "alerts/" + id + "/events", event(UUID.randomUUID(), 1, "raised", "RAISED"));
        assertThat(mismatch.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(mismatch.getPayloadString()).contains("is not the path's");
        Response unknown = gateway.send(CoAP.Code.POST, "alerts/" + UUID.randomUUID() + "/events", "{\"v\":1}");
        assertThat(unknown.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        UUID never = UUID.randomUUID();
        assertThat(gateway.send(CoAP.Code.POST, "alerts/" + never + "/events", event(never, 1, "raised", "RAISED")).getCode())
                .isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(store.events(id)).isEmpty();
    }

    @Test
    void another_homes_alert_is_refused_and_left_alone() throws Exception {
        UUID id = UUID.randomUUID();
        gateway.send(CoAP.Code.POST, "alerts", alert(id));
        try (TestGateway other = gatewayOf(flat14, KEY_B)) {
            assertThat(other.send(CoAP.Code.POST, "alerts/" + id + "/events", event(id, 1, "resolved", "RESOLVED")).getCode())
                    .isEqualTo(ResponseCode.FORBIDDEN);
            assertThat(other.send(CoAP.Code.POST, "alerts", alert(id)).getCode()).isEqualTo(ResponseCode.FORBIDDEN);
        }
        assertThat(store.events(id)).isEmpty();
        assertThat(store.alerts(flat14.id())).isEmpty();
        assertThat(store.alert(id).orElseThrow().homeId()).isEqualTo(flat12.id());
    }

    @Test
    void the_latest_summary_is_kept() throws Exception {
        String summary = "{\"v\":1,\"home\":\"Flat 12\",\"at\":\"2026-11-28T10:45:00Z\",\"rooms\":[],\"open_alerts\":0}";
        assertThat(gateway.send(CoAP.Code.PUT, "summary", summary).getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(store.summary(flat12.id()).orElseThrow().json()).isEqualTo(summary);
        assertThat(gateway.send(CoAP.Code.PUT, "summary", "[1,2]").getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(store.summary(flat12.id()).orElseThrow().json()).isEqualTo(summary);
    }

    @Test
    void a_non_heartbeat_gets_no_answer_and_is_recorded() throws Exception {
        byte[] heartbeat = WireCodec.encode(new Heartbeat(Protocol.VERSION, "Flat 12", Instant.now(), 1, 30, Heartbeat.RUNNING));
        Request request = gateway.request(CoAP.Code.POST, CoAP.Type.NON, "heartbeat", heartbeat);
        gateway.fire(request);
        await().atMost(Duration.ofSeconds(10)).until(() -> !store.liveness().isEmpty());
        assertThat(store.liveness()).singleElement().satisfies(l -> {
            assertThat(l.homeId()).isEqualTo(flat12.id());
            assertThat(l.interval()).isEqualTo(Duration.ofSeconds(30));
        });
        assertThat(request.waitForResponse(500)).as("NON heartbeats are not answered").isNull();
    }

    @Test
    void a_down_entry_reaches_only_its_homes_observing_gateway_and_is_dropped_after_delete() throws Exception {
        try (TestGateway other = gatewayOf(flat14, KEY_B);
             TestGateway.Observation down = gateway.observeDown();
             TestGateway.Observation otherDown = other.observeDown()) {
            assertThat(down.next()).isEqualTo("2.05 {\"v\":1,\"entries\":[]}");
            assertThat(otherDown.next()).isEqualTo("2.05 {\"v\":1,\"entries\":[]}");

            long seq = hub.tellGateway(flat12, "resolve", "{\"alert_id\":\"3f2b\",\"by\":\"Priya\",\"outcome\":\"helped_up\"}",
                    Instant.now());
            assertThat(down.next()).isEqualTo("2.05 {\"v\":1,\"entries\":[{\"seq\":" + seq
                    + ",\"kind\":\"resolve\",\"alert_id\":\"3f2b\",\"by\":\"Priya\",\"outcome\":\"helped_up\"}]}");

            assertThat(gateway.send(CoAP.Code.DELETE, "down/" + seq, null).getCode()).isEqualTo(ResponseCode.DELETED);
            assertThat(down.next()).isEqualTo("2.05 {\"v\":1,\"entries\":[]}");
            assertThat(gateway.send(CoAP.Code.DELETE, "down/" + seq, null).getCode()).as("a repeated delete").isEqualTo(ResponseCode.DELETED);
            assertThat(store.pendingDown(flat12.id())).isEmpty();
            assertThat(otherDown.notifications()).as("the other home heard nothing").isEmpty();
        }
    }

    @Test
    void entries_queued_while_no_gateway_observes_are_in_the_first_answer_after_a_hub_restart() throws Exception {
        long ack = hub.tellGateway(flat12, "ack", "{\"ack\":{\"v\":1,\"by\":\"Priya\"},\"device\":\"Priya's phone\"}", Instant.now());
        long check = hub.tellGateway(flat12, "check_now", "{}", Instant.now());
        gateway.close();
        hub.close();
        hub = start();
        gateway = gatewayOf(flat12, KEY_A);
        try (TestGateway.Observation down = gateway.observeDown()) {
            assertThat(down.next()).isEqualTo("2.05 {\"v\":1,\"entries\":[{\"seq\":" + ack
                    + ",\"kind\":\"ack\",\"ack\":{\"v\":1,\"by\":\"Priya\"},\"device\":\"Priya's phone\"},"
                    + "{\"seq\":" + check + ",\"kind\":\"check_now\"}]}");
        }
    }

    /**
     * Scandium drops a handshake whose identity has no key without a word (an alert would tell a
     * prober which identities exist), so the refused side sees only silence and no session.
     */
    @Test
    void an_unknown_identity_and_a_removed_home_are_refused() throws Exception {
        try (TestGateway stranger = new TestGateway(hubAddress(), "home-nobody", KEY_A)) {
            Request request = stranger.request(CoAP.Code.POST, CoAP.Type.CON, "alerts", alert(UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            assertThat(stranger.sendAndWait(request, 3000)).as("no session, so no answer").isNull();
        }
        // A home removed while its gateway's session lives: refused at the next request.
        assertThat(gateway.send(CoAP.Code.PUT, "summary", "{\"v\":1}").getCode()).isEqualTo(ResponseCode.CHANGED);
        store.removeHome(flat12.id());
        assertThat(gateway.send(CoAP.Code.PUT, "summary", "{\"v\":1}").getCode()).isEqualTo(ResponseCode.FORBIDDEN);
        // And its identity cannot start a new session.
        try (TestGateway again = gatewayOf(flat12, KEY_A)) {
            Request request = again.request(CoAP.Code.PUT, CoAP.Type.CON, "summary", "{\"v\":1}".getBytes(StandardCharsets.UTF_8));
            assertThat(again.sendAndWait(request, 3000)).isNull();
        }
        assertThat(store.summary(flat12.id())).isEmpty();
        assertThat(store.alerts(flat12.id())).isEmpty();
    }

    @Test
    void a_home_added_while_the_hub_runs_is_served_at_once() throws Exception {
        byte[] key = "sixteen-bytes-C!".getBytes(StandardCharsets.US_ASCII);
        Home flat16 = store.addHome("Flat 16", key, Instant.now());
        try (TestGateway newcomer = gatewayOf(flat16, key)) {
            assertThat(newcomer.send(CoAP.Code.PUT, "summary", "{\"v\":1}").getCode()).isEqualTo(ResponseCode.CHANGED);
        }
    }

    @Test
    void an_oversized_payload_is_refused_with_4_13_and_nothing_is_stored() throws Exception {
        String big = alert(UUID.randomUUID()).replace("The pull cord", "x".repeat(Protocol.MAX_PAYLOAD_BYTES));
        Response response = gateway.send(CoAP.Code.POST, "alerts", big);
        assertThat(response.getCode()).isEqualTo(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
        assertThat(store.alerts(flat12.id())).isEmpty();
        // The session is still good.
        UUID id = UUID.randomUUID();
        assertThat(gateway.send(CoAP.Code.POST, "alerts", alert(id)).getPayloadString()).isEqualTo(id.toString());
    }
}
