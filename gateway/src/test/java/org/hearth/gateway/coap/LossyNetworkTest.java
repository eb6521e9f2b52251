package org.hearth.gateway.coap;

import org.hearth.transport.KeyRing;
import org.hearth.transport.PskKey;
import org.hearth.transport.Sessions;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.hearth.carer.CarerEndpoint;
import org.hearth.carer.CarerListener;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AlertCore;
import org.hearth.gateway.domain.AlertMachine;
import org.hearth.gateway.domain.AlertRequest;
import org.hearth.gateway.domain.Carer;
import org.hearth.gateway.domain.Ladder;
import org.hearth.gateway.store.SqliteAlertStore;
import org.hearth.gateway.store.SqliteDatabase;
import org.hearth.gateway.testkit.LossyUdpProxy;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Heartbeat;
import org.hearth.time.RealTimeScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 30 % of datagrams lost in each direction between the gateway and a carer's device: real
 * Californium/Scandium endpoints, the real outbox on SQLite, a seeded lossy relay on loopback.
 * Every one of 200 alerts arrives, in the order raised, and is shown once.
 */
@Tag("medium")
class LossyNetworkTest {

    private static final byte[] KEY = java.util.HexFormat.of().parseHex("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    private static final int ALERTS = 200;

    @TempDir
    Path dir;

    @Test
    void two_hundred_alerts_arrive_in_order_and_once_through_thirty_percent_loss_both_ways() throws Exception {
        List<org.hearth.protocol.Alert> shown = new CopyOnWriteArrayList<>();

        CarerListener listener = new CarerListener() {
            @Override
            public void onAlert(org.hearth.protocol.Alert alert) {
                shown.add(alert);

            }

            @Override
            public void onHeartbeat(Heartbeat heartbeat) {
            }
        };
        int gatewayPort = org.hearth.gateway.testkit.Ports.freeUdp();
        try (CarerEndpoint carer = CarerEndpoint.start(new InetSocketAddress("127.0.0.1", 0),
                URI.create("coaps://127.0.0.1:" + gatewayPort), "Priya", "priya-id", KEY, Clock.systemUTC(), listener);
             LossyUdpProxy proxy = new LossyUdpProxy(carer.address(), 0.30, 30);
             SqliteDatabase db = SqliteDatabase.open(dir.resolve("hearth.db"));
             RealTimeScheduler loop = RealTimeScheduler.create("lossy-loop", ZoneId.of("Europe/London"));
             Gateway gateway = new Gateway(new InetSocketAddress("127.0.0.1", gatewayPort), proxy.address())) {
            SqliteAlertStore store = new SqliteAlertStore(db);
            Ladder ladder = new Ladder(List.of(new Carer("Priya", 1, URI.create("coaps://127.0.0.1:" + proxy.address().getPort()),
                    "priya-id")), Duration.ofMinutes(5));
            AlertMachine machine = new AlertCore(new AlertCore.Ports(store, ladder, gateway.channel, loop, phrase -> { }),
                    AlertCore.Settings.of("Flat 12", Duration.ofSeconds(30), Duration.ofSeconds(60), "999"),
                    new AlertCore.Listeners()).machine();

            CompletableFuture.runAsync(() -> {
                for (int i = 0; i < ALERTS; i++) {
                    machine.raise(AlertRequest.urgent(AlertKind.HELP, "room " + i, "Alert number " + i + ".", false));
                }
            }, loop::execute).get(60, TimeUnit.SECONDS);
            List<UUID> raised = CompletableFuture.supplyAsync(() -> store.open().stream().map(Alert::id).toList(), loop::execute)
                    .get(10, TimeUnit.SECONDS);
            assertThat(raised).hasSize(ALERTS);

            // The carer may have shown the last alert while its answer is still being retransmitted.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            long pending = ALERTS;
            while ((shown.size() < ALERTS || pending > 0) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                pending = CompletableFuture.supplyAsync(() -> (long) store.pending().size(), loop::execute).get(10, TimeUnit.SECONDS);
            }

            assertThat(shown).extracting(org.hearth.protocol.Alert::id).as("every alert, in the order raised, once")
                    .containsExactlyElementsOf(raised);
            assertThat(proxy.dropped()).as("the network really lost datagrams").isGreaterThan(ALERTS / 2);
            double share = proxy.dropped() / (double) (proxy.dropped() + proxy.forwarded());
            assertThat(share).isBetween(0.25, 0.35);
            assertThat(pending).as("outbox rows not yet marked delivered").isZero();
            System.out.printf("lossy: dropped=%d forwarded=%d duplicates ignored by the carer=%d%n", proxy.dropped(),
                    proxy.forwarded(), carer.duplicatesIgnored());
        }
    }

    /** The gateway's server and its channel to the carer, whose device it reaches through the proxy. */
    private static final class Gateway implements AutoCloseable {
        private final CoapGatewayServer server;
        private final CoapAlertChannel channel;

        Gateway(InetSocketAddress at, InetSocketAddress carer) {
            KeyRing keys = KeyRing.of(Map.of(carer, new PskKey("priya-id", KEY)));
            Sessions sessions = new Sessions();
            server = CoapGatewayServer.start(at, -1, keys, sessions, new CoapDtlsTest.NoHandlers(), LocalControl.NONE,
                    fastRetransmission());
            channel = CoapAlertChannel.open(fastRetransmission(), at.getAddress(), keys, sessions);
        }

        @Override
        public void close() {
            channel.close();
            server.close();
        }
    }

    /**
     * Loopback answers in microseconds, so the test retransmits after 150 ms, without doubling,
     * up to 8 times, instead of Californium's 2 s doubling 4 times: with half of all round trips
     * lost, the defaults would make this test take minutes while proving nothing more. Delivery
     * correctness does not depend on these timers; the outbox retries above them either way.
     */
    private static Configuration fastRetransmission() {
        Configuration c = org.hearth.transport.CoapSettings.configuration();
        c.set(CoapConfig.ACK_TIMEOUT, 150, TimeUnit.MILLISECONDS);
        c.set(CoapConfig.ACK_INIT_RANDOM, 1.0f);
        c.set(CoapConfig.ACK_TIMEOUT_SCALE, 1.0f);
        c.set(CoapConfig.MAX_RETRANSMIT, 8);
        c.set(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, 200, TimeUnit.MILLISECONDS);
        return c;
    }
}
