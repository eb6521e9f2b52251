package org.hearth.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.Handshaker;
import org.eclipse.californium.scandium.dtls.ServerHandshaker;
import org.eclipse.californium.scandium.dtls.SessionAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real Californium endpoints on loopback, laid out as Hearth's are: a "home" with a server
 * endpoint and a separate endpoint it sends from, and a "device" with one endpoint that both
 * serves and sends, sharing one pre-shared key. Each side is restarted (a new endpoint on the
 * same port, as a new process would be) while a request is in flight to it.
 */
@Tag("medium")
class SessionRecoveryTest {

    private static final byte[] KEY = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String ID = "priya-7c";

    private final List<CoapServer> running = new CopyOnWriteArrayList<>();
    private final List<String> deviceGot = new CopyOnWriteArrayList<>();
    private final List<String> homeGot = new CopyOnWriteArrayList<>();
    /** Released when the home may answer what was sent to its {@code held} resource. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        running.forEach(CoapServer::destroy);
    }

    /** A program's side: its endpoints, its sessions, and a sender on the endpoint it sends from. */
    private record Side(CoapServer server, CoapEndpoint from, Sender sender, int port, Sessions sessions) {
        void kill() {
            server.destroy();
        }
    }

    /** Long CoAP timers, so that in these tests only a re-send can be quick. */
    private static Configuration slow() {
        Configuration c = CoapSettings.configuration();
        c.set(CoapConfig.ACK_TIMEOUT, 8, TimeUnit.SECONDS);
        c.set(CoapConfig.ACK_INIT_RANDOM, 1.0f);
        return c;
    }

    /** Quick CoAP timers, so a timeout is seen within a second or two. */
    private static Configuration quick() {
        Configuration c = CoapSettings.configuration();
        c.set(CoapConfig.ACK_TIMEOUT, 200, TimeUnit.MILLISECONDS);
        c.set(CoapConfig.ACK_INIT_RANDOM, 1.0f);
        c.set(CoapConfig.MAX_RETRANSMIT, 2);
        return c;
    }

    private Side home(Configuration config, int port, int devicePort) {
        return home(config, port, 0, devicePort);
    }

    private Side home(Configuration config, int port, int outPort, int devicePort) {
        Sessions sessions = new Sessions();
        KeyRing keys = KeyRing.of(Map.of(local(devicePort), new PskKey(ID, KEY)));
        CoapEndpoint serving = keys.secure(config, local(port), "home", sessions);
        CoapEndpoint out = keys.secure(config, local(outPort), "home-out", sessions);
        CoapServer server = new CoapServer(config);
        server.addEndpoint(serving);
        server.addEndpoint(out);
        server.add(recorder("ack", homeGot), held());
        server.start();
        running.add(server);
        return new Side(server, out, new Sender(out, sessions), serving.getAddress().getPort(), sessions);
    }

    private Side device(Configuration config, int port, int homePort) {
        Sessions sessions = new Sessions();
        var keys = DtlsEndpoints.keyStore(Map.of(local(homePort), new PskKey(ID, KEY)));
        CoapEndpoint endpoint = DtlsEndpoints.secure(config, local(port), keys, "device", sessions);
        CoapServer server = new CoapServer(config);
        server.addEndpoint(endpoint);
        server.add(recorder("alerts", deviceGot));
        server.start();
        running.add(server);
        return new Side(server, endpoint, new Sender(endpoint, sessions), endpoint.getAddress().getPort(), sessions);
    }

    private static CoapResource recorder(String name, List<String> got) {
        return new CoapResource(name) {
            @Override
            public void handlePOST(CoapExchange exchange) {
                got.add(exchange.getRequestText());
                exchange.respond(ResponseCode.CHANGED, exchange.getRequestText());
            }

            @Override
            public void handleGET(CoapExchange exchange) {
                exchange.respond(ResponseCode.CONTENT, "hello");
            }
        };
    }

    /** Takes a request and answers it once {@link #release} is counted down. */
    private CoapResource held() {
        return new CoapResource("held") {
            @Override
            public void handlePOST(CoapExchange exchange) {
                exchange.accept();
                homeGot.add(exchange.getRequestText());
                CompletableFuture.runAsync(() -> {
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.respond(ResponseCode.CHANGED);
                });
            }
        };
    }

    private static InetSocketAddress local(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }

    private static Optional<Response> post(Side from, int port, String path, String text) throws Exception {
        return from.sender().send(Code.POST, URI.create("coaps://127.0.0.1:" + port + "/" + path), ID,
                text.getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.TEXT_PLAIN).toCompletableFuture()
                .get(60, TimeUnit.SECONDS).response();
    }

    @Test
    void a_device_that_restarts_and_says_hello_gets_what_was_in_flight_at_once() throws Exception {
        int devicePort = freePort();
        Side device = device(slow(), devicePort, 0);
        Side home = home(slow(), 0, devicePort);
        device.kill();
        device = device(slow(), devicePort, home.port());
        assertThat(post(home, devicePort, "alerts", "first")).isPresent();

        device.kill();
        var inFlight = home.sender().send(Code.POST, URI.create("coaps://127.0.0.1:" + devicePort + "/alerts"), ID,
                "second".getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.TEXT_PLAIN).toCompletableFuture();
        Side restarted = device(slow(), devicePort, home.port());
        long start = System.nanoTime();
        assertThat(hello(restarted, home.port())).as("the restarted device reaches the home").isPresent();

        Optional<Response> answer = inFlight.get(60, TimeUnit.SECONDS).response();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(answer).as("delivered to the restarted device").isPresent();
        assertThat(took).as("re-sent at the hello, not at the next 8 s retransmission").isLessThan(Duration.ofSeconds(6));
        assertThat(home.sender().resentAfterRestart()).isEqualTo(1);
        assertThat(deviceGot).containsExactly("first", "second");
    }

    @Test
    void a_home_that_restarts_and_speaks_first_gets_the_acknowledgement_in_flight_at_once() throws Exception {
        int homePort = freePort();
        int devicePort = freePort();
        Side home = home(slow(), homePort, devicePort);
        Side device = device(slow(), devicePort, homePort);
        assertThat(post(home, devicePort, "alerts", "alert")).isPresent();
        assertThat(post(device, homePort, "ack", "ack 1")).isPresent();

        home.kill();
        var inFlight = device.sender().send(Code.POST, URI.create("coaps://127.0.0.1:" + homePort + "/ack"), ID,
                "ack 2".getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.TEXT_PLAIN).toCompletableFuture();
        Side restarted = home(slow(), homePort, devicePort);
        long start = System.nanoTime();
        assertThat(post(restarted, devicePort, "alerts", "heartbeat")).as("the restarted home's first word").isPresent();

        Optional<Response> answer = inFlight.get(60, TimeUnit.SECONDS).response();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(answer).as("the acknowledgement reached the restarted home").isPresent();
        assertThat(took).isLessThan(Duration.ofSeconds(6));
        assertThat(device.sender().resentAfterRestart()).isEqualTo(1);
        assertThat(homeGot).containsExactly("ack 1", "ack 2");
    }

    /**
     * A peer that makes a fresh handshake without restarting (it doubted its session after a
     * timeout, or forced one for a re-send) has not restarted: nothing in flight to it is sent
     * again. When every new session counted as a restart, each side answered the other's fresh
     * handshake with one of its own, and a carer's acknowledgement was lost between them.
     */
    @Test
    void a_fresh_handshake_from_a_peer_that_did_not_restart_sends_nothing_again() throws Exception {
        int homePort = freePort();
        int devicePort = freePort();
        Side home = home(slow(), homePort, devicePort);
        Side device = device(slow(), devicePort, homePort);
        assertThat(post(home, devicePort, "alerts", "alert")).isPresent();
        var held = device.sender().send(Code.POST, URI.create("coaps://127.0.0.1:" + homePort + "/held"), ID,
                "ack".getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.TEXT_PLAIN).toCompletableFuture();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!homeGot.contains("ack") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(homeGot).containsExactly("ack");

        ((DTLSConnector) home.from().getConnector()).clearConnectionState();
        assertThat(post(home, devicePort, "alerts", "again")).as("over a fresh handshake").isPresent();
        release.countDown();

        assertThat(held.get(30, TimeUnit.SECONDS).succeeded()).isTrue();
        assertThat(device.sender().resentAfterRestart()).as("requests sent again to a home that did not restart").isZero();
        assertThat(homeGot).containsExactly("ack");
    }

    /** The incarnation travels with each request, with the program's uptime, and only a new one is a restart. */
    @Test
    void only_a_new_incarnation_is_a_restart() {
        long[] now = {7_000_000_000L};
        Sessions sessions = new Sessions(1, () -> now[0]);
        List<String> restarted = new CopyOnWriteArrayList<>();
        sessions.onRestarted(restarted::add);
        sessions.heard("priya-7c", 42, 0);
        sessions.heard("priya-7c", 42, 0);
        sessions.heard("tom-3d", 42, 0);
        sessions.heard("priya-7c", 43, 0);
        assertThat(restarted).containsExactly("priya-7c", "tom-3d", "priya-7c");
        now[0] += 5_000_000_000L;
        assertThat(sessions.incarnation().getValue()).as("incarnation 1, up 5000 ms")
                .containsExactly(0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0x13, 0x88);
    }

    /**
     * A restarted device hears the home for the first time after it has made a session with it
     * itself. That session is newer than the home, so the device keeps it: when every session with
     * a newly heard peer was taken for stale, the device forced another handshake over it, and
     * under load such handshakes collided with the home's own and went unanswered at their last
     * flight.
     */
    @Test
    void a_restarted_device_keeps_the_session_it_made_with_the_home() throws Exception {
        int homePort = freePort();
        int devicePort = freePort();
        Side home = home(slow(), homePort, devicePort);
        Side device = device(slow(), devicePort, homePort);
        assertThat(post(home, devicePort, "alerts", "alert")).isPresent();
        assertThat(post(device, homePort, "ack", "ack 1")).isPresent();

        device.kill();
        Side restarted = device(slow(), devicePort, homePort);
        java.util.concurrent.atomic.AtomicInteger handshakes = new java.util.concurrent.atomic.AtomicInteger();
        restarted.sessions().onEstablished(s -> handshakes.incrementAndGet());
        assertThat(hello(restarted, homePort)).as("the device's own session with the home").isPresent();
        assertThat(post(home, devicePort, "alerts", "after")).as("the home's session from before: a fresh one").isPresent();
        assertThat(handshakes).hasValue(2);

        assertThat(post(restarted, homePort, "ack", "ack 2")).isPresent();
        assertThat(handshakes).as("the acknowledgement went over the device's own session").hasValue(2);
        assertThat(deviceGot).containsExactly("alert", "after");
        assertThat(homeGot).containsExactly("ack 1", "ack 2");
    }

    @Test
    void a_timeout_makes_the_next_request_start_with_a_fresh_handshake() throws Exception {
        Configuration once = quick();
        once.set(CoapConfig.MAX_RETRANSMIT, Sender.DOUBT_AFTER - 1);
        int devicePort = freePort();
        Side home = home(once, 0, devicePort);
        Side device = device(once, devicePort, home.port());
        assertThat(post(home, devicePort, "alerts", "one")).isPresent();

        device.kill();
        device(once, devicePort, home.port());
        assertThat(post(home, devicePort, "alerts", "two")).as("the old session: the restarted device drops it").isEmpty();
        assertThat(post(home, devicePort, "alerts", "three")).as("a fresh handshake").isPresent();
        assertThat(deviceGot).containsExactly("one", "three");
    }

    /**
     * A peer that restarted and never speaks first (a hub only answers) cannot say so. After two
     * unanswered retransmissions the request goes again with a fresh handshake, instead of waiting
     * for the exchange to time out (60 to 90 s with CoAP's defaults, seen after every hub restart
     * in {@code HubRestartMatrixTest}).
     */
    @Test
    void a_peer_that_restarted_without_a_word_is_reached_after_two_unanswered_retransmissions() throws Exception {
        Configuration defaults = slow();
        defaults.set(CoapConfig.ACK_TIMEOUT, 2, TimeUnit.SECONDS);
        int devicePort = freePort();
        Side home = home(defaults, 0, devicePort);
        Side device = device(defaults, devicePort, home.port());
        assertThat(post(home, devicePort, "alerts", "one")).isPresent();

        device.kill();
        device(defaults, devicePort, home.port());
        long start = System.nanoTime();
        assertThat(post(home, devicePort, "alerts", "two")).as("over the old session, then a fresh one").isPresent();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("2 s, 4 s, then the fresh handshake; not the 62 s timeout")
                .isLessThan(Duration.ofSeconds(30));
        assertThat(deviceGot).containsExactly("one", "two");
    }

    @Test
    void without_the_fresh_handshake_a_restarted_device_hears_nothing() throws Exception {
        int devicePort = freePort();
        Side home = home(quick(), 0, devicePort);
        Side device = device(quick(), devicePort, home.port());
        assertThat(post(home, devicePort, "alerts", "one")).isPresent();
        device.kill();
        device(quick(), devicePort, home.port());
        for (int i = 0; i < 3; i++) {
            var plain = org.eclipse.californium.core.coap.Request.newPost();
            plain.setURI("coaps://127.0.0.1:" + devicePort + "/alerts");
            plain.setPayload("stale " + i);
            home.from().sendRequest(plain);
            assertThat(plain.waitForResponse(3000)).as("what this class exists to prevent").isNull();
        }
        assertThat(deviceGot).containsExactly("one");
    }

    @Test
    void a_home_that_restarts_from_the_same_address_is_heard_at_once() throws Exception {
        int devicePort = freePort();
        int outPort = freePort();
        Side device = device(slow(), devicePort, 0);
        Side home = home(slow(), 0, outPort, devicePort);
        assertThat(post(home, devicePort, "alerts", "before")).isPresent();
        home.kill();
        Side restarted = home(slow(), 0, outPort, devicePort);
        long start = System.nanoTime();
        assertThat(post(restarted, devicePort, "alerts", "after")).as("a NAT that maps the new process to the old address").isPresent();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        assertThat(deviceGot).containsExactly("before", "after");
    }

    /**
     * A restarted device with a home's whole queue in flight to it: every re-send waits for one
     * fresh handshake. Scandium keeps only so many messages waiting for a handshake and drops the
     * rest without telling anyone, so those requests were never sent, never timed out, and hung
     * until {@link Sender#GIVE_UP} (an acknowledgement the restart matrix lost for 3 minutes).
     */
    @Test
    void a_whole_queue_waiting_for_one_handshake_is_all_delivered() throws Exception {
        int devicePort = freePort();
        Side device = device(slow(), devicePort, 0);
        Side home = home(slow(), 0, devicePort);
        device.kill();
        device = device(slow(), devicePort, home.port());
        assertThat(post(home, devicePort, "alerts", "first")).isPresent();

        device.kill();
        List<CompletableFuture<Sender.Outcome>> queue = new ArrayList<>();
        for (int i = 0; i < 3 * 10; i++) {
            queue.add(home.sender().send(Code.POST, URI.create("coaps://127.0.0.1:" + devicePort + "/alerts"), ID,
                    ("queued " + i).getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.TEXT_PLAIN).toCompletableFuture());
        }
        Side restarted = device(slow(), devicePort, home.port());
        assertThat(hello(restarted, home.port())).isPresent();

        // Within 45 s: a datagram lost under load costs an 8 s and a 16 s retransmission here, while a
        // request dropped unsent would wait for Sender's re-send of unsent requests, after 64 s.
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        for (var request : queue) {
            assertThat(request.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).succeeded()).isTrue();
        }
        assertThat(Sender.unsentLimit(slow())).isGreaterThan(Duration.ofSeconds(45));
        assertThat(deviceGot).hasSize(31).doesNotHaveDuplicates();
    }

    /**
     * The same drop, provoked: Scandium keeps one message per handshake here, so four of five
     * requests to a new peer are dropped unsent. Each is sent again once no handshake could still
     * be carrying it, long before {@link Sender#GIVE_UP}.
     */
    @Test
    void a_request_dropped_while_waiting_for_a_handshake_is_sent_again() throws Exception {
        Configuration tight = slow();
        tight.set(DtlsConfig.DTLS_MAX_DEFERRED_OUTBOUND_APPLICATION_MESSAGES, 1);
        tight.set(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, 200, TimeUnit.MILLISECONDS);
        tight.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 2);
        assertThat(Sender.unsentLimit(tight)).isLessThan(Duration.ofSeconds(5));
        int devicePort = freePort();
        device(slow(), devicePort, 0);
        Side home = home(tight, 0, devicePort);

        List<CompletableFuture<Sender.Outcome>> burst = burst(home, devicePort, "alerts");
        for (var request : burst) {
            assertThat(request.get(20, TimeUnit.SECONDS).succeeded()).isTrue();
        }
        assertThat(deviceGot).hasSize(5).doesNotHaveDuplicates();
    }

    /**
     * The same drop with the DTLS layer's usual timers, where no handshake could still be carrying
     * a request for 66 s: a request dropped behind a handshake that completes is sent again a
     * second after it, not at {@link Sender#unsentLimit} (a carer's acknowledgement waited 45 to
     * 66 s so in the gateway's restart matrix).
     */
    @Test
    void a_request_dropped_behind_a_handshake_is_sent_again_soon_after_the_handshake() throws Exception {
        Configuration one = slow();
        one.set(DtlsConfig.DTLS_MAX_DEFERRED_OUTBOUND_APPLICATION_MESSAGES, 1);
        assertThat(Sender.unsentLimit(one)).isGreaterThan(Duration.ofSeconds(45));
        int devicePort = freePort();
        device(slow(), devicePort, 0);
        Side home = home(one, 0, devicePort);

        long start = System.nanoTime();
        List<CompletableFuture<Sender.Outcome>> burst = burst(home, devicePort, "alerts");
        CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new))
                .completeOnTimeout(null, 20, TimeUnit.SECONDS).join();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the handshake, then 1 s; not the 66 s backstop")
                .isLessThan(Duration.ofSeconds(20));
        assertThat(burst).allSatisfy(request -> assertThat(request.join().succeeded()).isTrue());
        assertThat(deviceGot).hasSize(5).doesNotHaveDuplicates();
    }

    /**
     * A home answers a request after losing its session with the asker (here it drops all its
     * sessions while answering; in CI the asker had just made a fresh handshake that failed). The
     * address the request came from may be a NAT mapping or a relay, which this side has no key
     * for and which leads back to the asker's own session with it. Starting a handshake there to
     * deliver the answer replaced the asker's session with one the home could only abandon, and
     * every request waiting on it failed: a carer's next eleven acknowledgements, in CI. The
     * answer must be dropped instead, so the asker times out and asks again with a fresh handshake.
     */
    @Test
    void an_answer_never_starts_a_handshake_towards_the_asker() throws Exception {
        Configuration config = quick();
        CoapEndpoint serving = DtlsEndpoints.secure(config, local(0), DtlsEndpoints.keyStore(new PskKey(ID, KEY)), "home",
                new Sessions());
        CoapServer server = new CoapServer(config);
        server.addEndpoint(serving);
        java.util.concurrent.atomic.AtomicBoolean forget = new java.util.concurrent.atomic.AtomicBoolean(true);
        server.add(new CoapResource("ack") {
            @Override
            public void handlePOST(CoapExchange exchange) {
                if (forget.getAndSet(false)) {
                    ((DTLSConnector) serving.getConnector()).clearConnectionState();
                }
                exchange.respond(ResponseCode.CHANGED);
            }
        });
        server.start();
        running.add(server);

        // The asker, with a listener that notices any handshake the home starts with it.
        java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
        Sessions sessions = new Sessions();
        URI ack = URI.create("coaps://127.0.0.1:" + serving.getAddress().getPort() + "/ack");
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config).setAddress(local(0))
                .setAdvancedPskStore(DtlsEndpoints.keyStore(Map.of(local(ack.getPort()), new PskKey(ID, KEY))))
                .setConnectionListener(sessions.listenerFor("device"))
                .setSessionListener(new SessionAdapter() {
                    @Override
                    public void handshakeStarted(Handshaker handshaker) {
                        if (handshaker instanceof ServerHandshaker) {
                            served.incrementAndGet();
                        }
                    }
                }).build();
        CoapEndpoint asker = new CoapEndpoint.Builder().setConfiguration(config).setConnector(new DTLSConnector(dtls)).build();
        asker.start();
        Sender sender = new Sender(asker, sessions);
        try {
            for (String text : List.of("one", "two", "three", "four")) {
                Sender.Outcome outcome = sender.send(Code.POST, ack, ID, text.getBytes(StandardCharsets.UTF_8),
                        MediaTypeRegistry.TEXT_PLAIN).toCompletableFuture().get(30, TimeUnit.SECONDS);
                assertThat(outcome.succeeded() || outcome.timedOut()).as("answered, or timed out and to be asked again").isTrue();
            }
            assertThat(served).as("handshakes the home started towards the asker").hasValue(0);
            assertThat(sender.send(Code.POST, ack, ID, "five".getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.TEXT_PLAIN)
                    .toCompletableFuture().get(30, TimeUnit.SECONDS).succeeded()).isTrue();
        } finally {
            asker.destroy();
        }
    }

    /**
     * A handshake nobody answers (the peer is down, or restarting) is a timeout, as a request with
     * no answer is: the caller may try again, and the next try starts with a fresh handshake. Seen
     * in a restart matrix under heavy load: a carer's acknowledgement failed this way after a
     * gateway restart and was never tried again.
     */
    @Test
    void a_handshake_nobody_answers_is_a_timeout_not_a_refusal() throws Exception {
        Configuration tight = slow();
        tight.set(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, 200, TimeUnit.MILLISECONDS);
        tight.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 1);
        int nobody = freePort();
        Side home = home(tight, 0, nobody);

        Sender.Outcome outcome = home.sender().send(Code.POST, URI.create("coaps://127.0.0.1:" + nobody + "/alerts"), ID,
                "hello?".getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.TEXT_PLAIN).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(outcome.response()).isEmpty();
        assertThat(outcome.timedOut()).isTrue();
        assertThat(Sender.unheard(new org.eclipse.californium.scandium.dtls.DtlsHandshakeTimeoutException("x", 5)))
                .as("a later flight failing: the peer answered, then refused").isFalse();
        assertThat(Sender.droppedHere(new IllegalStateException("Outbound message overflow!")))
                .as("Scandium dropped it before it left, as its connection was removed: sent again, not an answer").isTrue();
        assertThat(Sender.droppedHere(new org.eclipse.californium.scandium.dtls.DtlsHandshakeTimeoutException("x", 5))).isFalse();
    }

    /**
     * A handshake that fails at its last flight looks like a wrong key, and is a refusal from a
     * peer whose key never worked; from one whose key worked before, it is a timeout to try again
     * (a peer restarting, or a newer handshake replacing this one on its side).
     */
    @Test
    void a_late_handshake_failure_with_a_key_that_worked_is_a_timeout_and_with_one_that_never_did_a_refusal() throws Exception {
        Configuration tight = quick();
        tight.set(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, 200, TimeUnit.MILLISECONDS);
        tight.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 1);
        int homePort = freePort();
        CoapServer home = answering(tight, homePort, KEY);
        Side device = device(tight, 0, homePort);
        assertThat(post(device, homePort, "ack", "first")).as("the key works").isPresent();

        home.destroy();
        answering(tight, homePort, "another-key-16b!".getBytes(StandardCharsets.US_ASCII));
        assertThat(post(device, homePort, "ack", "second")).as("over the old session, which the new home does not know").isEmpty();
        Sender.Outcome worked = device.sender().send(Code.POST, URI.create("coaps://127.0.0.1:" + homePort + "/ack"), ID,
                "third".getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.TEXT_PLAIN).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(worked.response()).as("a fresh handshake, failing at its last flight").isEmpty();
        assertThat(worked.timedOut()).as("a key that worked before: try again").isTrue();

        Side stranger = device(tight, 0, homePort);
        Sender.Outcome never = stranger.sender().send(Code.POST, URI.create("coaps://127.0.0.1:" + homePort + "/ack"), ID,
                "fourth".getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.TEXT_PLAIN).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(never.response()).isEmpty();
        assertThat(never.timedOut()).as("a key that never worked: a refusal").isFalse();
    }

    /** Five requests at once, "burst 0" to "burst 4", from {@code from} to {@code path} on {@code port}. */
    private static List<CompletableFuture<Sender.Outcome>> burst(Side from, int port, String path) {
        List<CompletableFuture<Sender.Outcome>> burst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            burst.add(from.sender().send(Code.POST, URI.create("coaps://127.0.0.1:" + port + "/" + path), ID,
                    ("burst " + i).getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.TEXT_PLAIN).toCompletableFuture());
        }
        return burst;
    }

    /** A server on {@code port} that answers {@code ack} with {@code key} for {@link #ID}. */
    private CoapServer answering(Configuration config, int port, byte[] key) {
        CoapServer server = new CoapServer(config);
        server.addEndpoint(DtlsEndpoints.secure(config, local(port), DtlsEndpoints.keyStore(new PskKey(ID, key)), "home", new Sessions()));
        server.add(recorder("ack", homeGot));
        server.start();
        running.add(server);
        return server;
    }

    private static Optional<Response> hello(Side device, int homePort) throws Exception {
        return device.sender().send(Code.GET, URI.create("coaps://127.0.0.1:" + homePort + "/ack"), ID, new byte[0],
                MediaTypeRegistry.UNDEFINED).toCompletableFuture().get(30, TimeUnit.SECONDS).response();
    }

    private static int freePort() throws Exception {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
