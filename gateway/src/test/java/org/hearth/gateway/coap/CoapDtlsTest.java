package org.hearth.gateway.coap;

import org.hearth.transport.KeyRing;
import org.hearth.transport.PskKey;
import org.hearth.transport.Sessions;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.hearth.carer.CarerEndpoint;
import org.hearth.carer.CarerListener;
import org.hearth.gateway.domain.AckResult;
import org.hearth.gateway.domain.Carer;
import org.hearth.protocol.Acknowledgement;
import org.hearth.protocol.Alert;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.GatewayStatus;
import org.hearth.protocol.Heartbeat;
import org.hearth.protocol.OpenAlerts;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.Severity;
import org.hearth.protocol.WireCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.hearth.gateway.testkit.Ports;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Real Californium and Scandium endpoints on loopback: the gateway server and a carer's device. */
@Tag("medium")
class CoapDtlsTest {

    private static final byte[] KEY = hex("00112233445566778899aabbccddeeff");
    private static final byte[] WRONG = hex("ffeeddccbbaa99887766554433221100");

    private final List<Alert> received = new CopyOnWriteArrayList<>();
    private final List<String> acks = new CopyOnWriteArrayList<>();
    private KeyRing carerKeys;
    private Sessions sessions;
    private CoapGatewayServer gateway;
    private CoapAlertChannel channel;
    private CarerEndpoint carer;
    private Carer priya;

    private final GatewayHandlers handlers = new GatewayHandlers() {
        @Override
        public CompletionStage<GatewayStatus> status() {
            return CompletableFuture.completedFuture(new GatewayStatus(1, "Flat 12", Instant.EPOCH, List.of(), List.of(), 0));
        }

        @Override
        public CompletionStage<OpenAlerts> openAlerts() {
            return CompletableFuture.completedFuture(new OpenAlerts(1, "Flat 12", List.of()));
        }

        @Override
        public CompletionStage<AckResult> acknowledge(UUID alertId, String identity, String note) {
            acks.add(identity + ":" + alertId + ":" + note);
            return CompletableFuture.completedFuture(identity.equals("priya-id") ? AckResult.ACCEPTED : AckResult.NOT_ON_LADDER);
        }

        @Override
        public CompletionStage<AckResult> resolve(UUID alertId, String identity, org.hearth.protocol.Down.Outcome outcome,
                                                  String note) {
            return CompletableFuture.completedFuture(AckResult.NOT_ON_LADDER);
        }
    };

    @BeforeEach
    void start() throws Exception {
        int gatewayPort = Ports.freeUdp();
        int carerPort = Ports.freeUdp();
        InetSocketAddress carerAddress = new InetSocketAddress("127.0.0.1", carerPort);
        carerKeys = KeyRing.of(Map.of(carerAddress, new PskKey("priya-id", KEY)));
        sessions = new Sessions();
        gateway = CoapGatewayServer.start(new InetSocketAddress("127.0.0.1", gatewayPort), 0, carerKeys, sessions, handlers,
                LocalControl.NONE);
        channel = CoapAlertChannel.open(InetAddress.getLoopbackAddress(), carerKeys, sessions);
        carer = CarerEndpoint.start(carerAddress, URI.create("coaps://127.0.0.1:" + gatewayPort), "Priya", "priya-id", KEY,
                Clock.systemUTC(), new CarerListener() {
                    @Override
                    public void onAlert(Alert alert) {
                        received.add(alert);
                    }

                    @Override
                    public void onHeartbeat(Heartbeat heartbeat) {
                    }
                });
        priya = new Carer("Priya", 1, URI.create("coaps://127.0.0.1:" + carerPort), "priya-id");
    }

    @AfterEach
    void stop() {
        carer.close();
        channel.close();
        gateway.close();
    }

    private static Alert alert() {
        return new Alert(Protocol.VERSION, UUID.randomUUID(), AlertKind.HELP, Severity.URGENT, "Flat 12", "bathroom",
                Instant.parse("2026-11-28T10:15:30Z"), 1, "The pull cord in the bathroom was pulled at 10:15.", false);
    }

    @Test
    void an_alert_reaches_the_carer_once_however_often_it_is_sent_and_the_carer_acknowledges_it() throws Exception {
        Alert alert = alert();

        assertThat(channel.send(priya, alert).toCompletableFuture().get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(channel.send(priya, alert).toCompletableFuture().get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(received).containsExactly(alert);

        assertThat(carer.acknowledge(alert.id(), "on my way").toCompletableFuture().get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acks).containsExactly("priya-id:" + alert.id() + ":on my way");
    }

    @Test
    void a_carer_with_a_wrong_key_is_refused_and_never_reaches_the_handlers() throws Exception {
        int port = Ports.freeUdp();
        try (CarerEndpoint impostor = CarerEndpoint.start(new InetSocketAddress("127.0.0.1", port),
                URI.create("coaps://127.0.0.1:" + gateway.secureAddress().getPort()), "Priya", "priya-id", WRONG,
                Clock.systemUTC(), new CarerListener() {
                    @Override
                    public void onAlert(Alert alert) {
                    }

                    @Override
                    public void onHeartbeat(Heartbeat heartbeat) {
                    }
                })) {
            assertThat(impostor.acknowledge(UUID.randomUUID(), "").toCompletableFuture().get(120, TimeUnit.SECONDS)).isFalse();
        }
        assertThat(acks).isEmpty();
    }

    @Test
    void a_revoked_key_stops_working_at_once() throws Exception {
        URI status = URI.create("coaps://127.0.0.1:" + gateway.secureAddress().getPort() + "/status");
        assertThat(org.hearth.gateway.testkit.DtlsProbe.get(status, "priya-id", KEY)).as("before").isNotNull();

        carerKeys.revoke("priya-id");

        assertThat(org.hearth.gateway.testkit.DtlsProbe.get(status, "priya-id", KEY)).as("after").isNull();
    }

    @Test
    void revoking_one_carer_ends_their_sessions_and_leaves_the_others_working() throws Exception {
        byte[] samKey = "sam-key-01234567".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        InetSocketAddress priyaAt = new InetSocketAddress("127.0.0.1", Ports.freeUdp());
        InetSocketAddress samAt = new InetSocketAddress("127.0.0.1", Ports.freeUdp());
        KeyRing homeKeys = KeyRing.of(Map.of(priyaAt, new PskKey("priya-id", KEY), samAt, new PskKey("sam-id", samKey)));
        try (CoapGatewayServer home = CoapGatewayServer.start(new InetSocketAddress("127.0.0.1", 0), -1, homeKeys, new Sessions(),
                handlers, LocalControl.NONE);
             CarerEndpoint priyaDevice = device(priyaAt, home, "priya-id", KEY);
             CarerEndpoint samDevice = device(samAt, home, "sam-id", samKey)) {
            UUID id = UUID.randomUUID();
            assertThat(priyaDevice.acknowledge(id, "").toCompletableFuture().get(30, TimeUnit.SECONDS)).isTrue();
            samDevice.acknowledge(id, "").toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertThat(acks).containsExactly("priya-id:" + id + ":", "sam-id:" + id + ":");

            homeKeys.revoke("sam-id");

            long start = System.nanoTime();
            assertThat(priyaDevice.acknowledge(id, "again").toCompletableFuture().get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).as("Priya's session was kept")
                    .isLessThan(java.time.Duration.ofSeconds(2));
            // Over a live session this would arrive in milliseconds; Sam's session is gone, so it never does.
            var samAfter = samDevice.acknowledge(id, "after").toCompletableFuture();
            Thread.sleep(3000);
            assertThat(samAfter).isNotCompleted();
            assertThat(acks).as("nothing from Sam after the revocation").hasSize(3).last().isEqualTo("priya-id:" + id + ":again");
        }
    }

    private static CarerEndpoint device(InetSocketAddress at, CoapGatewayServer home, String identity, byte[] key) {
        return CarerEndpoint.start(at, URI.create("coaps://127.0.0.1:" + home.secureAddress().getPort()), identity, identity, key,
                Clock.systemUTC(), new CarerListener() {
                    @Override
                    public void onAlert(Alert alert) {
                    }

                    @Override
                    public void onHeartbeat(Heartbeat heartbeat) {
                    }
                });
    }

    @Test
    void local_control_is_refused_over_dtls_even_to_a_carer() throws Exception {
        URI keys = URI.create("coaps://127.0.0.1:" + gateway.secureAddress().getPort() + "/local/keys");
        var response = org.hearth.gateway.testkit.DtlsProbe.post(keys, "priya-id", KEY);
        assertThat(response).isNotNull();
        assertThat(response.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
    }

    @Test
    void plain_coap_on_loopback_serves_status_but_refuses_acknowledgements() throws Exception {
        String base = "coap://127.0.0.1:" + gateway.plainAddress().getPort();
        CoapClient client = new CoapClient(base + "/status");
        try {
            CoapResponse status = client.get();
            assertThat(status.getCode()).isEqualTo(ResponseCode.CONTENT);
            assertThat(status.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_JSON);
            assertThat(WireCodec.decodeStatus(status.getPayload()).home()).isEqualTo("Flat 12");

            UUID id = UUID.randomUUID();
            client.setURI(base + "/alerts/" + id + "/ack");
            CoapResponse ack = client.post(WireCodec.encode(new Acknowledgement(1, id, "Priya", Instant.EPOCH, "")),
                    MediaTypeRegistry.APPLICATION_JSON);
            assertThat(ack.getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
            assertThat(acks).isEmpty();

            client.setURI(base + "/.well-known/core");
            assertThat(client.get().getResponseText()).contains("</status>").contains("</alerts>").contains("obs");
        } finally {
            client.shutdown();
        }
    }


    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }

    /** Handlers for tests that only send: status and alerts empty, every acknowledgement refused. */
    static class NoHandlers implements GatewayHandlers {
        @Override
        public CompletionStage<GatewayStatus> status() {
            return CompletableFuture.completedFuture(new GatewayStatus(1, "Flat 12", Instant.EPOCH, List.of(), List.of(), 0));
        }

        @Override
        public CompletionStage<OpenAlerts> openAlerts() {
            return CompletableFuture.completedFuture(new OpenAlerts(1, "Flat 12", List.of()));
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
    }
}
