package org.hearth.hub.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.hearth.hub.liveness.GatewayLiveness;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.JdbcHubStore;
import org.hearth.hub.testkit.TestGateway;
import org.hearth.hub.testkit.UdpRelay;
import org.hearth.time.RealTimeScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * 10,000 datagrams that are not what they claim: random bytes from a stranger, and the gateway's
 * own recorded records replayed and garbled from the gateway's address. The hub keeps serving
 * that gateway, stores nothing twice, and logs a few lines, not thousands.
 */
@Tag("medium")
class UplinkFloodTest {

    static final int DATAGRAMS = 10_000;

    @TempDir
    Path dir;

    @Test
    void garbled_and_replayed_datagrams_leave_the_hub_serving_with_bounded_logging() throws Exception {
        byte[] key = "sixteen-bytes-A!".getBytes(StandardCharsets.US_ASCII);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        try (HubStore store = JdbcHubStore.sqlite(dir.resolve("hub.db"));
             RealTimeScheduler loop = RealTimeScheduler.create("hub-loop", ZoneOffset.UTC)) {
            Home home = store.addHome("Flat 12", key, Instant.now());
            GatewayLiveness liveness = new GatewayLiveness(loop, store, Duration.ofSeconds(60));
            try (UplinkServer hub = UplinkServer.start(new InetSocketAddress("127.0.0.1", 0), store, liveness, loop.clock());
                 UdpRelay router = new UdpRelay(new InetSocketAddress("127.0.0.1", hub.port()));
                 TestGateway gateway = new TestGateway(router.address(), home.identity(), key);
                 DatagramSocket stranger = new DatagramSocket()) {
                for (int i = 0; i < 3; i++) {
                    UUID id = UUID.randomUUID();
                    assertThat(gateway.send(CoAP.Code.POST, "alerts", UplinkServerTest.alert(id)).getPayloadString()).isEqualTo(id.toString());
                }
                List<byte[]> recorded = router.recorded();
                assertThat(recorded).as("handshake and application records to replay").hasSizeGreaterThan(5);

                log.start();
                root.addAppender(log);
                Random random = new Random(16);
                InetSocketAddress hubAddress = new InetSocketAddress("127.0.0.1", hub.port());
                long started = System.nanoTime();
                for (int i = 0; i < DATAGRAMS; i++) {
                    byte[] original = recorded.get(random.nextInt(recorded.size()));
                    switch (i % 3) {
                        case 0 -> {
                            byte[] junk = new byte[1 + random.nextInt(1400)];
                            random.nextBytes(junk);
                            if (random.nextBoolean()) {
                                // Looks like a DTLS 1.2 record header, so it gets past the first check.
                                junk[0] = (byte) (20 + random.nextInt(6));
                                if (junk.length > 2) {
                                    junk[1] = (byte) 0xfe;
                                    junk[2] = (byte) 0xfd;
                                }
                            }
                            stranger.send(new DatagramPacket(junk, junk.length, hubAddress));
                        }
                        case 1 -> router.sendAsClient(original);
                        default -> {
                            byte[] garbled = original.clone();
                            garbled[random.nextInt(garbled.length)] ^= (byte) (1 + random.nextInt(255));
                            router.sendAsClient(garbled);
                        }
                    }
                    if (i % 500 == 499) {
                        Thread.sleep(5); // let the single receiver thread keep up rather than measure the socket buffer
                    }
                }
                long sentMs = (System.nanoTime() - started) / 1_000_000;

                UUID after = UUID.randomUUID();
                Response response = gateway.send(CoAP.Code.POST, "alerts", UplinkServerTest.alert(after));
                assertThat(response).as("the hub still answers the gateway").isNotNull();
                assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
                assertThat(response.getPayloadString()).isEqualTo(after.toString());
                assertThat(store.alerts(home.id())).as("three alerts and the one after; no replay stored twice").hasSize(4);

                root.detachAppender(log);
                long loud = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).count();
                System.out.printf("flood: datagrams=%d sent_ms=%d log_lines=%d warn_lines=%d%n", DATAGRAMS, sentMs, log.list.size(), loud);
                assertThat(loud).as("warnings logged for %s datagrams", DATAGRAMS).isLessThanOrEqualTo(10);
            }
        } finally {
            root.detachAppender(log);
        }
    }
}
