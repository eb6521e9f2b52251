package org.hearth.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.hearth.gateway.testkit.JavaProcess;
import org.hearth.gateway.testkit.LossyUdpProxy;
import org.hearth.gateway.testkit.TestHome;
import org.hearth.protocol.WireCodec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway ({@code hearth run}) and a carer's device ({@code hearth-carer listen --auto-ack})
 * as two real processes, with 10 % of datagrams lost each way. Round after round, a cord is
 * pulled, and at a random moment one side is stopped, with SIGTERM or SIGKILL, and started again.
 * After each restart the test measures how long until every alert raised so far is acknowledged;
 * at the end it counts, per alert, what the device's journal received and what the gateway's
 * store says, and prints
 * {@code restarts: rounds=N lost=0 duplicated=0 unacknowledged=0 max_recovery_s=…}.
 */
@Tag("large")
class RestartMatrixTest {

    /** Each side restarted with each signal three times, in a seeded random order. */
    private static final int ROUNDS = 12;
    private static final double LOSS = 0.10;
    /**
     * The default heartbeat interval, the bound on recovery. At the 10 s minimum the bound does
     * not hold under 10 % loss: a lost handshake flight or CoAP message costs 1 to 8 s of
     * retransmission timers each (measured, docs/architecture.md).
     */
    private static final Duration HEARTBEAT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private enum Side { GATEWAY, CARER }

    private enum Signal { TERM, KILL }

    @Test
    void restarting_either_side_with_either_signal_loses_nothing_and_recovers_within_a_heartbeat() throws Exception {
        Random random = new Random(13);
        List<LossyUdpProxy> relays = new ArrayList<>();
        TestHome home = new TestHome(dir, port -> relay(relays, port, 1), HEARTBEAT);
        LossyUdpProxy toGateway = new LossyUdpProxy(new InetSocketAddress("127.0.0.1", home.gatewayPort), LOSS, 2);
        relays.add(toGateway);
        Path keyFile = dir.resolve("priya.key");
        Files.writeString(keyFile, TestHome.KEY, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        Path journal = dir.resolve("received.jsonl");
        String[] carerArgs = {"listen", "--name", "Priya", "--identity", TestHome.IDENTITY, "--key-file", keyFile.toString(),
            "--gateway", "coaps://127.0.0.1:" + toGateway.address().getPort(), "--bind", "127.0.0.1",
            "--port", Integer.toString(home.carerPort), "--auto-ack", "1s", "--journal", journal.toString(),
            "--expect-heartbeat", HEARTBEAT.toSeconds() + "s"};

        List<Plan> plan = new ArrayList<>();
        for (Side side : Side.values()) {
            for (Signal signal : Signal.values()) {
                for (int i = 0; i < ROUNDS / 4; i++) {
                    plan.add(new Plan(side, signal));
                }
            }
        }
        java.util.Collections.shuffle(plan, random);

        JavaProcess gateway = null;
        JavaProcess carer = null;
        List<String> logs = new ArrayList<>();
        double maxRecovery = 0;
        try {
            gateway = startGateway(home);
            carer = startCarer(dir, carerArgs);
            int round = 0;
            for (Plan p : plan) {
                round++;
                pull(home, TestHome.CORDS.get(round % TestHome.CORDS.size()));
                Thread.sleep(random.nextInt(1500));
                JavaProcess victim = p.side == Side.GATEWAY ? gateway : carer;
                stop(victim, p.signal == Signal.KILL);
                logs.add(victim.output());
                victim.close();
                // Closed: the finally block must not read it again if its restart fails.
                if (p.side == Side.GATEWAY) {
                    gateway = null;
                } else {
                    carer = null;
                }
                Thread.sleep(random.nextInt(2000));
                long ready;
                if (p.side == Side.GATEWAY) {
                    gateway = startGateway(home);
                } else {
                    carer = startCarer(dir, carerArgs);
                }
                ready = System.nanoTime();
                long before = raisedCount(home);
                pull(home, TestHome.CORDS.get((round + 1) % TestHome.CORDS.size()));
                awaitRaised(home, before + 1);
                awaitAllAcknowledged(home, Duration.ofMinutes(3), gateway, carer);
                double recovery = (System.nanoTime() - ready) / 1e9;
                System.out.printf("round %d: %s %s, everything acknowledged %.1f s after the restart%n",
                        round, p.side, p.signal, recovery);
                maxRecovery = Math.max(maxRecovery, recovery);
                // Half the bound: a round that passes but is slow still shows which path it took.
                if (recovery > HEARTBEAT.toSeconds() / 2.0) {
                    System.out.println("-- slow round " + round + "; the gateway said:\n" + tail(gateway.output())
                            + "\n-- the carer said:\n" + tail(carer.output()));
                }
            }

            Map<UUID, Integer> received = journalCounts(journal);
            List<UUID> raised = CrashLoopTest.query(home, "SELECT id FROM alerts WHERE test = 0").stream().map(UUID::fromString).toList();
            long lost = raised.stream().filter(id -> !received.containsKey(id)).count();
            long duplicated = received.values().stream().filter(n -> n > 1).count();
            long unacknowledged = unacknowledged(home);
            System.out.printf("restarts: rounds=%d lost=%d duplicated=%d unacknowledged=%d max_recovery_s=%.1f%n",
                    plan.size(), lost, duplicated, unacknowledged, maxRecovery);
            System.out.printf("alerts raised=%d, relays forwarded=%d dropped=%d%n", raised.size(),
                    relays.stream().mapToLong(LossyUdpProxy::forwarded).sum(), relays.stream().mapToLong(LossyUdpProxy::dropped).sum());
            assertThat(raised).as("two alerts a round").hasSizeGreaterThanOrEqualTo(2 * plan.size() - 2);
            assertThat(lost).as("alerts the device never received").isZero();
            assertThat(duplicated).as("alerts the device received twice").isZero();
            assertThat(unacknowledged).isZero();
            assertThat(maxRecovery).as("seconds from a restart until everything is acknowledged")
                    .isLessThanOrEqualTo(HEARTBEAT.toSeconds());
            assertThat(CrashLoopTest.query(home, "PRAGMA integrity_check")).containsExactly("ok");
        } finally {
            for (JavaProcess p : new JavaProcess[] {gateway, carer}) {
                if (p != null) {
                    logs.add(p.output());
                    p.close();
                }
            }
            relays.forEach(LossyUdpProxy::close);
        }
        assertThat(String.join("\n", logs)).doesNotContain(TestHome.KEY);
    }

    private static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private record Plan(Side side, Signal signal) {
    }

    private static int relay(List<LossyUdpProxy> relays, int port, long seed) {
        try {
            LossyUdpProxy relay = new LossyUdpProxy(new InetSocketAddress("127.0.0.1", port), LOSS, seed);
            relays.add(relay);
            return relay.address().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JavaProcess startGateway(TestHome home) throws Exception {
        JavaProcess p = home.startDaemon();
        p.awaitLine(l -> l.contains("Hearth is ready"), Duration.ofSeconds(60));
        return p;
    }

    private static JavaProcess startCarer(Path dir, String[] args) throws Exception {
        JavaProcess p = JavaProcess.start(dir, "org.hearth.carer.cli.CarerMain", args);
        p.awaitLine(l -> l.startsWith("LISTENING"), Duration.ofSeconds(60));
        return p;
    }

    static void stop(JavaProcess p, boolean kill) throws Exception {
        if (kill) {
            p.kill();
        } else {
            p.terminate();
            p.awaitExit(Duration.ofSeconds(30));
        }
    }

    /** Pulls a cord through the daemon's loopback port, trying until the daemon takes it. */
    static void pull(TestHome home, String cord) throws Exception {
        CoapClient client = TestHome.localClient(home.plainPort, "local/sim/" + cord).setTimeout(2000L);
        try {
            for (int i = 0; i < 50; i++) {
                CoapResponse r = client.post(home.localToken(), MediaTypeRegistry.TEXT_PLAIN);
                if (r != null && r.isSuccess()) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("the daemon never took the pull of " + cord);
        } finally {
            client.shutdown();
        }
    }

    /** Waits until the gateway's store has every alert acknowledged; {@code other} is the process acknowledging them. */
    static void awaitAllAcknowledged(TestHome home, Duration limit, JavaProcess gateway, JavaProcess other)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (unacknowledged(home) > 0) {
            if (System.nanoTime() > deadline) {
                // The threads that carry DTLS, CoAP and Hearth's own work, so a process that stopped
                // answering shows where it waits.
                throw new AssertionError("alerts still unacknowledged after " + limit + "; gateway said:\n" + gateway.output()
                        + "\nthe other side said:\n" + other.output() + "\ngateway's threads:\n" + busyThreads(gateway.threadDump())
                        + "\nthe other side's threads:\n" + busyThreads(other.threadDump()));
            }
            Thread.sleep(100);
        }
    }

    /** The blocks of a thread dump that name DTLS, CoAP or Hearth code, or wait for a lock; 20 lines each at most. */
    private static String busyThreads(String dump) {
        StringBuilder out = new StringBuilder();
        for (String block : dump.split("\n\\s*\n")) {
            if (block.contains("DTLS") || block.contains("Coap") || block.contains("org.hearth") || block.contains("BLOCKED")) {
                List<String> lines = block.lines().toList();
                out.append(String.join("\n", lines.subList(0, Math.min(20, lines.size())))).append("\n\n");
            }
        }
        return out.toString();
    }

    static long raisedCount(TestHome home) throws Exception {
        return Long.parseLong(CrashLoopTest.query(home, "SELECT count(*) FROM alerts WHERE test = 0").get(0));
    }

    /** The daemon answers a pull before its loop has raised the alert: wait until the store holds it. */
    static void awaitRaised(TestHome home, long count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (raisedCount(home) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the pull after the restart raised no alert within 30 s");
            }
            Thread.sleep(50);
        }
    }

    static long unacknowledged(TestHome home) throws Exception {
        return Long.parseLong(CrashLoopTest.query(home,
                "SELECT count(*) FROM alerts WHERE test = 0 AND state NOT IN ('ACKNOWLEDGED', 'RESOLVED')").get(0));
    }

    private static Map<UUID, Integer> journalCounts(Path journal) throws Exception {
        Map<UUID, Integer> counts = new HashMap<>();
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                counts.merge(WireCodec.decodeAlert(line.getBytes(StandardCharsets.UTF_8)).id(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
