package org.hearth.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A gateway's layout on loopback: one {@link KeyRing} for a serving endpoint and an endpoint it
 * sends from, and two carers' devices, each with its own key. Revoking one carer's key closes
 * both of the ring's endpoints to that carer and to no one else.
 */
@Tag("medium")
class KeyRingTest {

    private static final String PRIYA = "priya-id";
    private static final String SAM = "sam-id";
    private static final byte[] PRIYA_KEY = "priya-key-0123ab".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SAM_KEY = "sam-key-01234567".getBytes(StandardCharsets.US_ASCII);

    private final List<CoapServer> running = new CopyOnWriteArrayList<>();
    private KeyRing ring;
    private Sender home;
    private int homePort;
    private Device priya;
    private Device sam;

    /** A carer's device: it serves {@code /alerts} and sends to the home's serving endpoint. */
    private record Device(int port, Sender sender) {
    }

    @BeforeEach
    void start() throws Exception {
        homePort = freePort();
        int priyaPort = freePort();
        int samPort = freePort();
        ring = KeyRing.of(Map.of(local(priyaPort), new PskKey(PRIYA, PRIYA_KEY), local(samPort), new PskKey(SAM, SAM_KEY)));
        Sessions sessions = new Sessions();
        Configuration config = quick();
        CoapServer server = new CoapServer(config);
        server.addEndpoint(ring.secure(config, local(homePort), "home", sessions));
        CoapEndpoint out = ring.secure(config, local(0), "home-out", sessions);
        server.addEndpoint(out);
        server.add(answering("ack"));
        server.start();
        running.add(server);
        home = new Sender(out, sessions);
        priya = device(priyaPort, new PskKey(PRIYA, PRIYA_KEY));
        sam = device(samPort, new PskKey(SAM, SAM_KEY));
    }

    @AfterEach
    void stop() {
        running.forEach(CoapServer::destroy);
    }

    @Test
    void a_revoked_key_stops_working_on_every_endpoint_of_the_ring_and_the_others_keep_theirs() throws Exception {
        assertThat(homeSends(sam)).as("to Sam, before").isTrue();
        assertThat(sends(sam)).as("from Sam, before").isTrue();
        assertThat(homeSends(priya)).as("to Priya, before").isTrue();

        ring.revoke(SAM);

        assertThat(homeSends(sam)).as("to Sam, from the endpoint the home sends from").isFalse();
        assertThat(sends(sam)).as("from Sam, to the serving endpoint").isFalse();
        assertThat(homeSends(priya)).as("to Priya, after").isTrue();
        assertThat(sends(priya)).as("from Priya, after").isTrue();
    }

    private boolean homeSends(Device to) throws Exception {
        return home.send(Code.POST, URI.create("coaps://127.0.0.1:" + to.port() + "/alerts"), to == sam ? SAM : PRIYA,
                        "alert".getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.TEXT_PLAIN)
                .toCompletableFuture().get(60, TimeUnit.SECONDS).succeeded();
    }

    private boolean sends(Device from) throws Exception {
        return from.sender().send(Code.POST, URI.create("coaps://127.0.0.1:" + homePort + "/ack"), from == sam ? SAM : PRIYA,
                        "ack".getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.TEXT_PLAIN)
                .toCompletableFuture().get(60, TimeUnit.SECONDS).succeeded();
    }

    private Device device(int port, PskKey key) {
        Configuration config = quick();
        Sessions sessions = new Sessions();
        CoapEndpoint endpoint = DtlsEndpoints.secure(config, local(port),
                DtlsEndpoints.keyStore(Map.of(local(homePort), key)), "device-" + key.identity(), sessions);
        CoapServer server = new CoapServer(config);
        server.addEndpoint(endpoint);
        server.add(answering("alerts"));
        server.start();
        running.add(server);
        return new Device(port, new Sender(endpoint, sessions));
    }

    private static CoapResource answering(String name) {
        return new CoapResource(name) {
            @Override
            public void handlePOST(CoapExchange exchange) {
                exchange.respond(ResponseCode.CHANGED);
            }
        };
    }

    /** Quick timers, so a refused or unanswered handshake is over within a few seconds. */
    private static Configuration quick() {
        Configuration c = CoapSettings.configuration();
        c.set(CoapConfig.ACK_TIMEOUT, 200, TimeUnit.MILLISECONDS);
        c.set(CoapConfig.ACK_INIT_RANDOM, 1.0f);
        c.set(CoapConfig.MAX_RETRANSMIT, 2);
        c.set(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, 200, TimeUnit.MILLISECONDS);
        c.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 1);
        return c;
    }

    private static InetSocketAddress local(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }

    private static int freePort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
