package org.hearth.hub.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.hearth.hub.liveness.GatewayLiveness;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.JdbcHubStore;
import org.hearth.hub.testkit.PostgresServer;
import org.hearth.hub.testkit.TestGateway;
import org.hearth.time.RealTimeScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The uplink on PostgreSQL, and PostgreSQL stopped while alerts flow: the gateway is told 5.03
 * (so its outbox retries), nothing is half-stored, and the same alert is stored once when the
 * database is back, without restarting the hub.
 */
@Tag("medium")
class UplinkPostgresTest {

    @Test
    void alerts_are_refused_with_5_03_while_postgresql_is_down_and_stored_once_after() throws Exception {
        byte[] key = "sixteen-bytes-A!".getBytes(StandardCharsets.US_ASCII);
        try (PostgresServer pg = PostgresServer.start();
             HubStore store = JdbcHubStore.postgresql(pg.createDatabase(), PostgresServer.USER, pg.password());
             RealTimeScheduler loop = RealTimeScheduler.create("hub-loop", ZoneOffset.UTC)) {
            Home home = store.addHome("Flat 12", key, Instant.now());
            GatewayLiveness liveness = new GatewayLiveness(loop, store, Duration.ofSeconds(60));
            try (UplinkServer hub = UplinkServer.start(new InetSocketAddress("127.0.0.1", 0), store, liveness, loop.clock());
                 TestGateway gateway = new TestGateway(new InetSocketAddress("127.0.0.1", hub.port()), home.identity(), key)) {
                UUID before = UUID.randomUUID();
                assertThat(gateway.send(CoAP.Code.POST, "alerts", UplinkServerTest.alert(before)).getPayloadString())
                        .isEqualTo(before.toString());

                pg.stop();
                UUID during = UUID.randomUUID();
                Response refused = gateway.send(CoAP.Code.POST, "alerts", UplinkServerTest.alert(during));
                assertThat(refused).as("an answer, not silence").isNotNull();
                assertThat(refused.getCode()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
                assertThat(refused.getPayloadString()).contains("retry");

                pg.startServer();
                // The gateway's outbox retries; the broken connection may cost one more 5.03.
                Response stored = null;
                for (int attempt = 0; attempt < 3 && (stored == null || stored.getCode() != ResponseCode.CHANGED); attempt++) {
                    stored = gateway.send(CoAP.Code.POST, "alerts", UplinkServerTest.alert(during));
                }
                assertThat(stored.getCode()).isEqualTo(ResponseCode.CHANGED);
                assertThat(stored.getPayloadString()).isEqualTo(during.toString());
                assertThat(gateway.send(CoAP.Code.POST, "alerts", UplinkServerTest.alert(during)).getPayloadString())
                        .isEqualTo(during.toString());
                assertThat(store.alerts(home.id())).extracting(a -> a.id()).containsExactly(before, during);
            }
        }
    }
}
