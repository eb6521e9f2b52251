package org.hearth.hub.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.config.Configuration;
import org.hearth.hub.Hub;
import org.hearth.hub.config.HubConfig;
import org.hearth.hub.store.Home;
import org.hearth.hub.testkit.HubProcess;
import org.hearth.hub.testkit.NginxUdpBalancer;
import org.hearth.hub.testkit.PostgresServer;
import org.hearth.hub.testkit.TestGateway;
import org.hearth.hub.testkit.UdpRelay;
import org.hearth.transport.ClusterTraffic;
import org.hearth.transport.CoapSettings;
import org.hearth.transport.Sender;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hub nodes on one real PostgreSQL, as {@code uplink.cluster} nodes 1 and 2: node A is
 * {@code hearth-hub run} as a process of its own, from its hub.yaml, and node B a {@link Hub} in the
 * test (where the test can queue carers' acts and read its cluster counters). A gateway (a real
 * Scandium endpoint sending through the transport's {@link Sender}, as the gateway's outbox does)
 * makes its DTLS session with node A through a NAT; the NAT rebinds and the load balancer's pick for
 * the new port is node B: B forwards the records to A by the Connection ID's node byte, and A's
 * answers and notifications leave through B. Then A is killed with SIGKILL: the gateway's next
 * alert goes unanswered, the Sender sends it again with a fresh handshake, which B completes, and
 * it is stored once.
 */
@Tag("large")
class UplinkClusterTest {

    private static final byte[] KEY = "sixteen-bytes-C!".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void behind_a_nat_that_rebinds_onto_the_other_node_records_are_forwarded_and_a_dead_node_s_gateway_re_handshakes() throws Exception {
        scenario((a, b) -> {
            UdpRelay nat = new UdpRelay(a);
            return new Front(nat, () -> {
                // The NAT rebinds; the load balancer sends the new port's datagrams to node B.
                nat.retarget(b);
                nat.rebind();
            });
        });
    }

    /**
     * The same through Debian's nginx (stream module, UDP, round robin): the handshake's source
     * port goes to node A, and the NAT's new port after rebinding is nginx's next pick, node B.
     */
    @Test
    void through_nginx_as_the_udp_load_balancer() throws Exception {
        scenario((a, b) -> {
            NginxUdpBalancer nginx = NginxUdpBalancer.start(Files.createDirectories(dir.resolve("nginx")), List.of(a, b));
            UdpRelay nat = new UdpRelay(nginx.address());
            return new Front(nat, nat::rebind, nginx);
        });
    }

    /** What the gateway sends through: a NAT, and what moves its datagrams from node A to node B. */
    private record Front(UdpRelay nat, Step toB, AutoCloseable... also) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            nat.close();
            for (AutoCloseable c : also) {
                c.close();
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private interface FrontFactory {
        Front start(InetSocketAddress a, InetSocketAddress b) throws Exception;
    }

    private void scenario(FrontFactory fronts) throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            String url = pg.createDatabase();
            Path password = Files.writeString(dir.resolve("pg-password"), pg.password());
            Map<Integer, InetSocketAddress> internal = Map.of(1, freeLoopbackPort(), 2, freeLoopbackPort());
            int aPort = freeLoopbackPort().getPort();
            try (Hub b = Hub.start(node(2, internal, url, password));
                 HubProcess a = HubProcess.start(dir.resolve("node-1"), clusterYaml(1, internal, url, password, aPort), aPort);
                 Front front = fronts.start(a.uplink(), uplinkOf(b));
                 TestGateway gateway = new TestGateway(front.nat().address(), home(b).identity(), KEY, quickTimeouts())) {
                Home home = home(b);

                // The session is made with node A; the gateway observes its downward queue there.
                assertStored(gateway.sendAsOutbox(CoAP.Code.POST, "alerts", UplinkServerTest.alert(UUID.randomUUID())));
                TestGateway.Observation down = gateway.observeDown();
                assertThat(down.next()).isEqualTo("2.05 {\"v\":1,\"entries\":[]}");
                assertThat(gateway.handshakes()).isEqualTo(1);
                assertThat(b.uplink().clusterTraffic().orElseThrow().forwarded()).as("so far nothing reached B").isZero();

                front.toB().run();
                UUID second = UUID.randomUUID();
                assertStored(gateway.sendAsOutbox(CoAP.Code.POST, "alerts", UplinkServerTest.alert(second)));
                assertThat(gateway.handshakes()).as("B forwarded to A's session: no new handshake").isEqualTo(1);
                ClusterTraffic.Counts atB = b.uplink().clusterTraffic().orElseThrow();
                assertThat(atB.forwarded()).as("records B passed to A").isPositive();
                // Scandium counts a record sent back for another node after the datagram has left, so
                // the gateway can hold the answer a moment before B's count says so.
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                        b.uplink().clusterTraffic().orElseThrow().sentForOthers()).as("A's answers B sent out").isPositive());

                // Carers act through node B, which holds no observation: durable at once. The gateway
                // observes afresh at every heartbeat (HubUplink), from where it is now: A answers, through B.
                long ack = b.uplink().tellGateway(home, "ack", ack(second), Instant.now());
                long check = b.uplink().tellGateway(home, "check_now", "{}", Instant.now());
                down.close();
                down = gateway.observeDown();
                assertThat(down.next()).startsWith("2.05 {\"v\":1,\"entries\":[{\"seq\":" + ack + ",\"kind\":\"ack\"")
                        .contains(second.toString(), "{\"seq\":" + check + ",\"kind\":\"check_now\"}");
                // The gateway applied the acknowledgement: A drops it and notifies what is left, out through B.
                assertAnswered(gateway.sendAsOutbox(CoAP.Code.DELETE, "down/" + ack, null), ResponseCode.DELETED);
                assertThat(down.next()).as("A's notification, sent back out through B")
                        .isEqualTo("2.05 {\"v\":1,\"entries\":[{\"seq\":" + check + ",\"kind\":\"check_now\"}]}");
                assertAnswered(gateway.sendAsOutbox(CoAP.Code.DELETE, "down/" + check, null), ResponseCode.DELETED);
                assertThat(b.store().pendingDown(home.id())).isEmpty();
                down.close();

                // Node A is killed (SIGKILL) mid-stream. An alert raised now reaches B, which forwards it to nobody.
                a.kill();
                UUID whileADown = UUID.randomUUID();
                // No answer from the dead node: after two retransmissions the Sender sends it again with a
                // fresh handshake, which B completes.
                Sender.Outcome retried = gateway.sendAsOutbox(CoAP.Code.POST, "alerts", UplinkServerTest.alert(whileADown));
                assertStored(retried);
                assertThat(retried.response().orElseThrow().getPayloadString()).isEqualTo(whileADown.toString());
                assertThat(gateway.handshakes()).isEqualTo(2);

                // The gateway observes again on its new session; a carer's acknowledgement reaches it from B.
                TestGateway.Observation again = gateway.observeDown();
                assertThat(again.next()).isEqualTo("2.05 {\"v\":1,\"entries\":[]}");
                long ack2 = b.uplink().tellGateway(home, "ack", ack(whileADown), Instant.now());
                assertThat(again.next()).startsWith("2.05 {\"v\":1,\"entries\":[{\"seq\":" + ack2 + ",\"kind\":\"ack\"")
                        .contains(whileADown.toString());
                again.close();

                // A retry of an alert already stored is stored once: nothing lost, nothing twice.
                assertStored(gateway.sendAsOutbox(CoAP.Code.POST, "alerts", UplinkServerTest.alert(whileADown)));
                assertThat(b.store().alerts(home.id())).extracting(x -> x.id()).hasSize(3).doesNotHaveDuplicates()
                        .contains(second, whileADown);
            }
        }
    }

    /** Node {@code id}'s hub.yaml, as an operator writes it: the cluster section read by the daemon itself. */
    private static String clusterYaml(int id, Map<Integer, InetSocketAddress> internal, String url, Path password, int port)
            throws java.io.IOException {
        int httpPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            httpPort = s.getLocalPort();
        }
        String nodes = internal.entrySet().stream().map(e -> e.getKey() + ": 127.0.0.1:" + e.getValue().getPort())
                .collect(java.util.stream.Collectors.joining(", "));
        return "uplink: {bind: 127.0.0.1, port: " + port + ", public_host: 127.0.0.1, cluster: {node: " + id + ", nodes: {" + nodes
                + "}}}\n"
                + "storage: {data_dir: data, store: postgresql, postgresql: {url: \"" + url + "\", user: " + PostgresServer.USER
                + ", password_file: " + password + "}}\n"
                + "http: {bind: 127.0.0.1, port: " + httpPort + ", public_url: \"https://127.0.0.1:" + httpPort + "\"}\n";
    }

    private static void assertStored(Sender.Outcome outcome) {
        assertAnswered(outcome, ResponseCode.CHANGED);
    }

    private static void assertAnswered(Sender.Outcome outcome, ResponseCode code) {
        assertThat(outcome.timedOut()).as("answered").isFalse();
        assertThat(outcome.response().orElseThrow().getCode()).isEqualTo(code);
    }

    private static String ack(UUID alert) {
        return "{\"ack\":{\"v\":1,\"alert_id\":\"" + alert + "\",\"by\":\"Priya\",\"at\":\"2026-11-28T10:16:02Z\"},\"device\":\"Priya's phone\"}";
    }

    /** Californium's CoAP timeouts cut from about a minute to a few seconds, so the dead node is noticed quickly. */
    private static Configuration quickTimeouts() {
        Configuration c = CoapSettings.initiating();
        c.set(CoapConfig.ACK_TIMEOUT, 500, TimeUnit.MILLISECONDS);
        c.set(CoapConfig.MAX_RETRANSMIT, 2);
        return c;
    }

    private HubConfig node(int id, Map<Integer, InetSocketAddress> internal, String url, Path password) {
        return new HubConfig(new HubConfig.Uplink("127.0.0.1", 0, "127.0.0.1", Optional.of(new HubConfig.Cluster(id, internal))),
                Duration.ofSeconds(60), new HubConfig.Storage(dir.resolve("node-" + id), HubConfig.StoreKind.POSTGRESQL,
                Optional.of(new HubConfig.Postgresql(url, PostgresServer.USER, password))));
    }

    private static Home home(Hub hub) {
        return hub.store().homes().stream().findFirst().orElseGet(() -> hub.store().addHome("Flat 12", KEY, Instant.now()));
    }

    private static InetSocketAddress uplinkOf(Hub hub) {
        return new InetSocketAddress("127.0.0.1", hub.uplink().port());
    }

    private static InetSocketAddress freeLoopbackPort() throws java.net.SocketException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            return new InetSocketAddress("127.0.0.1", s.getLocalPort());
        }
    }
}
