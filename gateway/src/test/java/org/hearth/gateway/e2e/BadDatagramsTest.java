package org.hearth.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.hearth.carer.CarerEndpoint;
import org.hearth.gateway.testkit.JavaProcess;
import org.hearth.gateway.testkit.TestHome;
import org.hearth.protocol.WireCodec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 malformed, truncated and random datagrams at the daemon's DTLS and plain CoAP ports,
 * from 64 source ports: it stays up, its memory stays bounded, and a real alert still reaches the
 * carer afterwards.
 */
@Tag("large")
class BadDatagramsTest {

    private static final int DATAGRAMS = 100_000;
    /** The JVM runs with -Xmx128m; heap, metaspace, threads and code cache fit well inside this. */
    private static final long RSS_LIMIT_KB = 400 * 1024;

    @TempDir
    Path dir;

    @Test
    void a_flood_of_bad_datagrams_leaves_the_daemon_up_bounded_and_still_delivering() throws Exception {
        TestHome home = new TestHome(dir);
        try (CarerEndpoint carer = home.startCarer(); JavaProcess daemon = home.startDaemon()) {
            daemon.awaitLine(l -> l.contains("Hearth is ready"), Duration.ofSeconds(60));
            press(home, "cord-bathroom");
            awaitShown(home, 1);
            long rssBefore = daemon.rssKb();
            int linesBefore = daemon.lines().size();

            Random random = new Random(100_000);
            List<DatagramSocket> senders = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                senders.add(new DatagramSocket(0, InetAddress.getLoopbackAddress()));
            }
            InetSocketAddress dtls = new InetSocketAddress("127.0.0.1", home.gatewayPort);
            InetSocketAddress plain = new InetSocketAddress("127.0.0.1", home.plainPort);
            long peakRss = rssBefore;
            try {
                for (int i = 0; i < DATAGRAMS; i++) {
                    byte[] bad = badDatagram(random, i);
                    senders.get(i % senders.size()).send(new DatagramPacket(bad, bad.length, i % 2 == 0 ? dtls : plain));
                    if (i % 500 == 499) {
                        Thread.sleep(2); // a flood, but one the kernel does not simply drop unread
                    }
                    if (i % 10_000 == 9_999) {
                        assertThat(daemon.isAlive()).as("daemon alive after %d datagrams", i + 1).isTrue();
                        peakRss = Math.max(peakRss, daemon.rssKb());
                    }
                }
            } finally {
                senders.forEach(DatagramSocket::close);
            }
            forgeLogLines(home);
            Thread.sleep(2000);
            List<String> during = daemon.lines().subList(linesBefore, daemon.lines().size());
            System.out.printf("bad datagrams: the daemon logged %d lines during the flood%n", during.size());
            assertThat(during).as("no stack traces, and a handful of lines at most").hasSizeLessThanOrEqualTo(10)
                    .noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception"));
            assertThat(daemon.output()).as("text from packets is escaped").doesNotContain("\u001b").doesNotContain("\nFORGED");
            long rssAfter = daemon.rssKb();
            peakRss = Math.max(peakRss, rssAfter);
            System.out.printf("bad datagrams: sent=%d rss_before_kb=%d rss_peak_kb=%d rss_after_kb=%d%n", DATAGRAMS, rssBefore,
                    peakRss, rssAfter);

            assertThat(daemon.isAlive()).isTrue();
            assertThat(peakRss).as("resident memory stays bounded").isLessThan(RSS_LIMIT_KB);
            CoapClient status = TestHome.localClient(home.plainPort, "status").setTimeout(10_000L);
            try {
                CoapResponse r = status.get();
                assertThat(r).as("status still answers").isNotNull();
                assertThat(WireCodec.decodeStatus(r.getPayload()).home()).isEqualTo("Flat 7");
            } finally {
                status.shutdown();
            }
            press(home, "cord-kitchen");
            awaitShown(home, 2);
            assertThat(home.shown.get(1).room()).isEqualTo("kitchen");
            assertThat(daemon.output()).doesNotContain("OutOfMemoryError").doesNotContain(TestHome.KEY);
        }
    }

    /** Local requests whose path holds a newline and an escape sequence, as a forger would send them. */
    private static void forgeLogLines(TestHome home) throws Exception {
        for (String path : List.of("local/sim/cord\nFORGED INFO Daemon: Hearth is ready", "local/sim/\u001b[2Jcord",
                "status/\nFORGED", "alerts/\u001b[31m/ack")) {
            org.eclipse.californium.core.coap.Request r = org.eclipse.californium.core.coap.Request.newPost();
            r.setURI("coap://127.0.0.1:" + home.plainPort);
            r.getOptions().setUriPath(path);
            r.setPayload(home.localToken());
            CoapClient client = TestHome.localClient(home.plainPort, "").setTimeout(5_000L);
            try {
                client.advanced(r);
            } finally {
                client.shutdown();
            }
        }
    }

    /** Random bytes, truncated CoAP, CoAP with nonsense options, and DTLS records of every type with garbage inside. */
    static byte[] badDatagram(Random random, int i) {
        byte[] coap = {0x40, 0x01, (byte) (i >> 8), (byte) i, (byte) 0xb6, 's', 't', 'a', 't', 'u', 's'};
        switch (i % 6) {
            case 0 -> {
                byte[] b = new byte[random.nextInt(1500)];
                random.nextBytes(b);
                return b;
            }
            case 1 -> {
                return java.util.Arrays.copyOf(coap, random.nextInt(coap.length));
            }
            case 2 -> {
                byte[] b = java.util.Arrays.copyOf(coap, coap.length + 1 + random.nextInt(64));
                for (int k = 4; k < b.length; k++) {
                    b[k] = (byte) random.nextInt(256);
                }
                return b;
            }
            default -> {
                // DTLS 1.2 record header: type, version fefd, epoch, sequence, length, then garbage.
                int body = random.nextInt(300);
                byte[] b = new byte[13 + body];
                b[0] = (byte) (new int[] {20, 21, 22, 23, 25, random.nextInt(256)})[random.nextInt(6)];
                b[1] = (byte) 0xfe;
                b[2] = (byte) 0xfd;
                b[4] = (byte) random.nextInt(2);
                for (int k = 5; k < 11; k++) {
                    b[k] = (byte) random.nextInt(256);
                }
                int claimed = random.nextBoolean() ? body : random.nextInt(65536);
                b[11] = (byte) (claimed >> 8);
                b[12] = (byte) claimed;
                for (int k = 13; k < b.length; k++) {
                    b[k] = (byte) random.nextInt(256);
                }
                if (body > 12 && b[0] == 22) {
                    b[13] = 1; // a ClientHello that is not one
                }
                return random.nextInt(4) == 0 ? java.util.Arrays.copyOf(b, random.nextInt(b.length)) : b;
            }
        }
    }

    private static void press(TestHome home, String cord) throws Exception {
        CoapClient client = TestHome.localClient(home.plainPort, "local/sim/" + cord).setTimeout(10_000L);
        try {
            CoapResponse r = client.post(home.localToken(), 0);
            assertThat(r).as("the simulated cord answers").isNotNull();
            assertThat(r.isSuccess()).isTrue();
        } finally {
            client.shutdown();
        }
    }

    private static void awaitShown(TestHome home, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (home.shown.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(home.shown).as("alerts shown at the carer").hasSize(n);
    }
}
