package org.hearth.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.transport.PskKey;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The gateway's CoAP server, sized for a 1 GB Pi serving one home, not for a cloud server. */
@Tag("medium")
class GatewayThreadsTest {

    @Test
    void a_running_gateway_server_adds_a_handful_of_threads() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (CoapGatewayServer server = CoapGatewayServer.start(new InetSocketAddress("127.0.0.1", 0), 0,
                Map.of(new InetSocketAddress("127.0.0.1", 9), new PskKey("a", new byte[16])), new CoapDtlsTest.NoHandlers())) {
            Set<String> added = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                    .map(Thread::getName).collect(Collectors.toSet());
            System.out.println("Californium threads: " + added.size() + " " + added);
            assertThat(added).as("threads Californium started: %s", added).hasSizeLessThanOrEqualTo(MAX_THREADS);
        }
    }

    /** Measured: see the test output; the cloud defaults start several per core and per stage. */
    private static final int MAX_THREADS = 12;
}
