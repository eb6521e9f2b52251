package org.hearth.tools.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.hearth.gateway.app.Scratch;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.app.config.Secrets;
import org.hearth.gateway.app.daemon.Daemon;
import org.hearth.gateway.coap.CarerStandIn;
import org.hearth.gateway.coap.CoapAlertChannel;
import org.hearth.gateway.coap.CoapGatewayServer;
import org.hearth.gateway.coap.GatewayHandlers;
import org.hearth.gateway.coap.LocalControl;
import org.hearth.gateway.domain.AckResult;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AlertState;
import org.hearth.gateway.domain.AlertStore;
import org.hearth.gateway.domain.AuditEntry;
import org.hearth.gateway.domain.Carer;
import org.hearth.gateway.store.SqliteAlertStore;
import org.hearth.gateway.store.SqliteDatabase;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.GatewayStatus;
import org.hearth.protocol.OpenAlerts;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.Severity;
import org.hearth.sensors.Pull;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorSpec;
import org.hearth.sensors.gpio.GpioBackend;
import org.hearth.sensors.gpio.SimulatedHome;
import org.hearth.time.RealTimeScheduler;
import org.hearth.transport.KeyRing;
import org.hearth.transport.PskKey;
import org.hearth.transport.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hearth bench alerts}: how long from a pull cord's edge (Pi4J's mock provider) to the
 * carer's device having the alert, over DTLS on loopback, with the alert durably committed
 * (synchronous=FULL) before it is sent, as in a home. In the same run it measures the floor,
 * one durable commit plus one DTLS round trip, and the burst rate: alerts per second with none lost.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Measure alert latency from the sensor edge to the carer's receipt, and the burst rate.",
            "Prints: alerts: n=N lost=L p50_ms=A p99_ms=B floor_ms=F"})
public final class BenchAlertsCommand implements Callable<Integer> {

    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final int CORDS = 8;
    private double floorP99;
    private static final Duration RECEIPT_LIMIT = Duration.ofSeconds(30);

    @Option(names = "--count", defaultValue = "200", description = "Alerts to time one by one, and to send in the burst (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--warmup", defaultValue = "20", description = "Alerts sent first and not timed, so the JIT has compiled the path (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--floor-samples", defaultValue = "50", description = "Commit + round trip samples for the floor (default: ${DEFAULT-VALUE}).")
    int floorSamples;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || floorSamples < 1) {
            System.err.println("hearth: --count and --floor-samples must be at least 1");
            return 2;
        }
        Path dir = Files.createTempDirectory("hearth-bench-");
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        PskKey psk = new PskKey("bench-carer", key);
        try (CarerStandIn carer = CarerStandIn.start(new InetSocketAddress("127.0.0.1", 0), psk)) {
            double floor = floorMs(dir, carer, psk);
            Result sequential;
            Result burst;
            try (RealTimeScheduler loop = RealTimeScheduler.create("hearth-loop", ZONE);
                 Daemon daemon = Daemon.start(config(dir, carer), new Secrets(Map.of("Bench", new Secrets.CarerKey(psk.identity(), key))),
                         loop, (text, language) -> { }, List.of(), e -> { })) {
                SimulatedHome home = daemon.simulatedHome();
                oneByOne(daemon, home, carer, warmup);
                sequential = oneByOne(daemon, home, carer, count);
                burst = burst(home, carer);
            }
            System.out.printf(Locale.ROOT, "latency: p90_ms=%.2f p95_ms=%.2f max_ms=%.2f; floor p99_ms=%.2f%n",
                    percentile(sequential.latenciesMs, 90), percentile(sequential.latenciesMs, 95),
                    percentile(sequential.latenciesMs, 100), floorP99);
            System.out.printf(Locale.ROOT, "burst: n=%d lost=%d alerts_per_s=%.1f%n", count, burst.lost, count / burst.seconds);
            System.out.printf(Locale.ROOT, "alerts: n=%d lost=%d p50_ms=%.2f p99_ms=%.2f floor_ms=%.2f%n", count, sequential.lost,
                    percentile(sequential.latenciesMs, 50), percentile(sequential.latenciesMs, 99), floor);
            return sequential.lost == 0 && burst.lost == 0 ? 0 : 1;
        } finally {
            Scratch.deleteTree(dir);
        }
    }

    private record Result(List<Double> latenciesMs, int lost, double seconds) {
    }

    /**
     * Each alert alone, as in a home where alerts come minutes apart: wait until the gateway has
     * finished with the last one (delivered and recorded), press, wait until the carer has it.
     */
    private Result oneByOne(Daemon daemon, SimulatedHome home, CarerStandIn carer, int n) throws InterruptedException {
        List<Double> latencies = new ArrayList<>();
        int lost = 0;
        int before = carer.received();
        for (int i = 0; i < n; i++) {
            awaitIdle(daemon);
            String cord = "cord-" + (i % CORDS);
            long edge = System.nanoTime();
            home.set(cord, true);
            home.set(cord, false);
            if (awaitReceived(carer, before + i + 1 - lost, RECEIPT_LIMIT)) {
                latencies.add((carer.receipts().get(before + i - lost).nanos() - edge) / 1e6);
            } else {
                lost++;
            }
        }
        return new Result(latencies, lost, 0);
    }

    /** All at once: every press back to back, then wait for the last arrival. */
    private Result burst(SimulatedHome home, CarerStandIn carer) throws InterruptedException {
        int before = carer.received();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String cord = "cord-" + (i % CORDS);
            home.set(cord, true);
            home.set(cord, false);
        }
        boolean all = awaitReceived(carer, before + count, RECEIPT_LIMIT.multipliedBy(4));
        List<CarerStandIn.Receipt> got = carer.receipts();
        long last = got.get(got.size() - 1).nanos();
        return new Result(List.of(), all ? 0 : before + count - got.size(), (last - start) / 1e9);
    }

    private static void awaitIdle(Daemon daemon) throws InterruptedException {
        long deadline = System.nanoTime() + RECEIPT_LIMIT.toNanos();
        while (!daemon.onLoop(() -> daemon.alerts().pending().isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    private static boolean awaitReceived(CarerStandIn carer, int n, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (carer.received() < n) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    /** The least any alert can cost: one durable commit, then one DTLS round trip to the carer. */
    private double floorMs(Path dir, CarerStandIn carer, PskKey psk) throws Exception {
        Carer standIn = new Carer("Bench", 1, URI.create("coaps://127.0.0.1:" + carer.address().getPort()), psk.identity());
        KeyRing keys = KeyRing.of(Map.of(carer.address(), psk));
        Sessions sessions = new Sessions();
        InetSocketAddress serving = new InetSocketAddress("127.0.0.1", 0);
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("floor.db"));
             CoapGatewayServer coap = CoapGatewayServer.start(serving, -1, keys, sessions, new NoRequests(), LocalControl.NONE);
             CoapAlertChannel channel = CoapAlertChannel.open(serving.getAddress(), keys, sessions)) {
            SqliteAlertStore store = new SqliteAlertStore(db);
            send(channel, standIn); // the DTLS handshake, once, as the daemon has done before its first alert
            List<Double> samples = new ArrayList<>();
            for (int i = 0; i < floorSamples; i++) {
                Instant now = Instant.now();
                Alert alert = new Alert(UUID.randomUUID(), AlertKind.HELP, Severity.URGENT, "bathroom",
                        "The pull cord in the bathroom was pulled.", now, AlertState.RAISED, 1, now, false);
                long t0 = System.nanoTime();
                store.save(alert, new AuditEntry(alert.id(), now, AlertState.RAISED, AuditEntry.Event.RAISED, "bench"), List.of(new AlertStore.Outbox("Bench", 1)));
                send(channel, standIn);
                samples.add((System.nanoTime() - t0) / 1e6);
            }
            floorP99 = percentile(samples, 99);
            return percentile(samples, 50);
        }
    }

    private static void send(CoapAlertChannel channel, Carer carer) throws Exception {
        org.hearth.protocol.Alert alert = new org.hearth.protocol.Alert(Protocol.VERSION, UUID.randomUUID(), AlertKind.HELP,
                Severity.URGENT, "Bench", "bathroom", Instant.now(), 1, "The pull cord in the bathroom was pulled.", false);
        if (!channel.send(carer, alert).toCompletableFuture().get(30, TimeUnit.SECONDS)) {
            throw new IOException("the stand-in carer did not answer on loopback");
        }
    }

    private HearthConfig config(Path dir, CarerStandIn carer) throws IOException {
        List<SensorSpec> cords = new ArrayList<>();
        for (int i = 0; i < CORDS; i++) {
            // Simulated lines do not bounce: no debounce window, so back-to-back presses all count.
            cords.add(new SensorSpec("cord-" + i, "room " + i, SensorKind.PULL_CORD, 17 + i, Pull.UP, true, Duration.ZERO,
                    Duration.ofDays(30)));
        }
        return HearthConfig.builder(new HearthConfig.Home("Bench", "en", ZONE), dir).sensors(cords)
                .carers(List.of(new HearthConfig.CarerEntry("Bench", 1, URI.create("coaps://127.0.0.1:" + carer.address().getPort()))))
                .coap("127.0.0.1", Scratch.freeUdpPort(), -1).build();
    }

    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** The floor's gateway answers nothing; it only sends. */
    private static final class NoRequests implements GatewayHandlers {
        @Override
        public CompletionStage<GatewayStatus> status() {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("bench"));
        }

        @Override
        public CompletionStage<OpenAlerts> openAlerts() {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("bench"));
        }

        @Override
        public CompletionStage<AckResult> acknowledge(UUID alertId, String identity, String note) {
            return CompletableFuture.completedFuture(AckResult.NOT_ON_LADDER);
        }

        @Override
        public CompletionStage<AckResult> resolve(UUID alertId, String identity, org.hearth.protocol.Down.Outcome outcome,
                                                  String note) {
            return CompletableFuture.completedFuture(AckResult.NOT_ON_LADDER);
        }
    }
}
