package org.hearth.gateway.coap;

import org.hearth.transport.KeyRing;
import org.hearth.transport.Sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.hearth.gateway.testkit.Ports;
import org.hearth.gateway.testkit.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code /local} on a real plain loopback endpoint: nothing acts without the token. */
@Tag("medium")
class LocalResourcesTest {

    private final FakeLocal local = new FakeLocal();
    private CoapGatewayServer gateway;

    @BeforeEach
    void start() {
        gateway = CoapGatewayServer.start(new InetSocketAddress("127.0.0.1", Ports.freeUdp()), 0, KeyRing.of(Map.of()),
                new Sessions(), new CoapDtlsTest.NoHandlers(), local);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void a_test_alert_without_the_token_is_refused_and_nothing_is_sent() throws Exception {
        CoapResponse none = post("local/test-alert", "");
        CoapResponse wrong = post("local/test-alert", LocalToken.random().text());
        CoapResponse prefix = post("local/test-alert", local.token.text().substring(0, 63));

        for (CoapResponse r : List.of(none, wrong, prefix)) {
            assertThat(r.getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
            assertThat(r.getResponseText()).contains("local control needs Hearth's token").contains("local-token");
        }
        assertThat(local.actions).isEmpty();
    }

    @Test
    void with_the_token_each_action_is_done() throws Exception {
        CoapResponse alert = post("local/test-alert", local.token.text());
        CoapResponse keys = post("local/keys", local.token.text());

        assertThat(alert.getCode()).isEqualTo(ResponseCode.CREATED);
        assertThat(UUID.fromString(alert.getResponseText())).isNotNull();
        assertThat(keys.getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(local.actions).containsExactly("test-alert", "keys");
    }

    @Test
    void walk_test_mode_starts_and_ends_only_with_the_token_and_says_when_it_would_end() throws Exception {
        assertThat(post("local/walk-test/start", "").getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(post("local/walk-test/end", LocalToken.random().text()).getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(local.actions).isEmpty();

        int port = gateway.plainAddress().getPort();
        assertThat(LoopbackClient.startWalkTest(port, local.token)).isEqualTo(java.time.Instant.parse("2026-12-05T08:30:00Z"));
        LoopbackClient.finishWalkTest(port, local.token);
        assertThat(local.actions).containsExactly("walk-test start", "walk-test end");
    }

    @Test
    void a_simulated_press_says_starting_until_the_sensors_are_open() throws Exception {
        CoapResponse early = post("local/sim/cord-bathroom", local.token.text());
        assertThat(early.getCode()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
        assertThat(early.getResponseText()).isEqualTo("starting");
        assertThat(local.actions).isEmpty();

        local.started = true;
        assertThat(post("local/sim/cord-bathroom", local.token.text()).getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(post("local/sim/no-such-cord", local.token.text()).getCode()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(post("local/sim/cord-bathroom", "").getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(local.actions).containsExactly("press cord-bathroom", "press no-such-cord");
    }

    @Test
    void reading_status_needs_no_token() throws Exception {
        CoapClient client = TestHome.localClient(gateway.plainAddress().getPort(), "status");
        try {
            assertThat(client.get().getCode()).isEqualTo(ResponseCode.CONTENT);
        } finally {
            client.shutdown();
        }
    }

    private CoapResponse post(String path, String payload) throws Exception {
        CoapClient client = TestHome.localClient(gateway.plainAddress().getPort(), path).setTimeout(10_000L);
        try {
            CoapResponse r = client.post(payload, MediaTypeRegistry.TEXT_PLAIN);
            assertThat(r).as("an answer on " + path).isNotNull();
            return r;
        } finally {
            client.shutdown();
        }
    }

    /** Records what the daemon was asked to do; a simulated home with one cord. */
    private static final class FakeLocal implements LocalControl {
        final LocalToken token = LocalToken.random();
        final List<String> actions = new CopyOnWriteArrayList<>();
        volatile boolean started;

        @Override
        public LocalToken token() {
            return token;
        }

        @Override
        public boolean sensorsStarted() {
            return started;
        }

        @Override
        public CompletionStage<String> reloadKeys() {
            actions.add("keys");
            return CompletableFuture.completedFuture("no key revoked");
        }

        @Override
        public boolean simulated() {
            return true;
        }

        @Override
        public CompletionStage<Boolean> press(String sensorId) {
            actions.add("press " + sensorId);
            return CompletableFuture.completedFuture(sensorId.equals("cord-bathroom"));
        }

        @Override
        public CompletionStage<UUID> testAlert() {
            actions.add("test-alert");
            return CompletableFuture.completedFuture(UUID.randomUUID());
        }

        @Override
        public CompletionStage<java.time.Instant> startWalkTest() {
            actions.add("walk-test start");
            return CompletableFuture.completedFuture(java.time.Instant.parse("2026-12-05T08:30:00Z"));
        }

        @Override
        public CompletionStage<Boolean> finishWalkTest() {
            actions.add("walk-test end");
            return CompletableFuture.completedFuture(true);
        }
    }
}
