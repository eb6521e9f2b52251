package org.hearth.hub.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Response;
import org.hearth.hub.http.Invites;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.JdbcHubStore;
import org.hearth.protocol.Alert;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.Severity;
import org.hearth.protocol.WireCodec;
import org.hearth.time.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hearth-hub bench}: N simulated gateways and one carer's device per home against a real hub
 * process, then the same alert path through Mosquitto, and one line of figures (docs/performance.md).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the hub with simulated gateways and carers' devices, beside Mosquitto on the same alert path.",
            "Prints: hub: gateways=N alerts=A lost=L p50_ms=… p99_ms=… floor_ms=… peer_p99_ms=… rss_mb=… cpu_pct=…"})
public final class BenchCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Exit code for invalid options. */
    private static final int EXIT_INVALID = 2;
    /** How long connecting the gateways, and then opening the carers' streams, may each take: 5 min, or 120 ms a gateway. */
    private Duration setupLimit() {
        return Duration.ofMillis(Math.max(Duration.ofMinutes(5).toMillis(), gateways * 120L));
    }
    private static final Duration DRAIN = Duration.ofSeconds(30);
    private static final Duration FLOOR_EVERY = Duration.ofMillis(50);
    /** Enough for the floor's own 99th percentile to be more than its slowest sample (docs/performance.md). */
    private static final int FLOOR_SAMPLES = 200;
    private static final int DISK_FILES = 8;
    private static final int COMMITTERS = 8;

    @Option(names = "--gateways", defaultValue = "1000", description = "Simulated gateways, one home each (default: ${DEFAULT-VALUE}).")
    int gateways;

    @Option(names = "--alerts-per-second", defaultValue = "10",
            description = "Alerts raised per second across all gateways, round robin (default: ${DEFAULT-VALUE}).")
    double alertsPerSecond;

    @Option(names = "--duration", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long alerts are raised, on each path (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--heartbeat", defaultValue = "30s", converter = DurationConverter.class,
            description = "Each gateway's heartbeat interval, also the hub's expected one (default: ${DEFAULT-VALUE}).")
    Duration heartbeat;

    @Option(names = "--store", defaultValue = "postgresql", description = "The hub's store: postgresql (default) or sqlite.")
    String store;

    @Option(names = "--work-dir", description = "Where the run's folder goes (default: the system temp folder); not a tmpfs.")
    Path workDir;

    @Option(names = "--hub-jvm-opts", defaultValue = HubChild.LAUNCHER_JVM_OPTIONS,
            description = "The hub process's JVM options (default: the launcher's, ${DEFAULT-VALUE}).")
    String hubJvmOptions;

    @Override
    public Integer call() throws Exception {
        Optional<String> invalid = invalid();
        if (invalid.isPresent()) {
            spec.commandLine().getErr().println("hearth-hub bench: " + invalid.get());
            return EXIT_INVALID;
        }
        Path dir = workDir == null ? Files.createTempDirectory("hearth-hub-bench-") : Files.createTempDirectory(workDir, "hearth-hub-bench-");
        try {
            return run(dir);
        } finally {
            deleteTree(dir);
        }
    }

    private Optional<String> invalid() {
        if (gateways < 1 || gateways > 10_000) {
            return Optional.of("--gateways must be from 1 to 10000 (the hub serves at most 10,000 at once)");
        }
        if (!(alertsPerSecond > 0 && alertsPerSecond <= 10_000)) {
            return Optional.of("--alerts-per-second must be above 0 and at most 10000");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofHours(1)) > 0) {
            return Optional.of("--duration must be above 0 and at most 1h");
        }
        if (heartbeat.compareTo(Duration.ofSeconds(10)) < 0 || heartbeat.compareTo(Duration.ofMinutes(15)) > 0) {
            return Optional.of("--heartbeat must be from 10s to 15m, as the hub accepts");
        }
        if (!store.equals("postgresql") && !store.equals("sqlite")) {
            return Optional.of("--store must be postgresql or sqlite, was " + store);
        }
        return Optional.empty();
    }

    /** What one path measured. */
    private record PathResult(int alerts, int lost, double p50, double p99) {
    }

    private int run(Path dir) throws Exception {
        Optional<LocalPostgres> pg = store.equals("postgresql") ? Optional.of(LocalPostgres.start(true)) : Optional.empty();
        try {
            Optional<HubChild.Postgres> pgConfig = Optional.empty();
            if (pg.isPresent()) {
                pgConfig = Optional.of(new HubChild.Postgres(pg.get().createDatabase(), LocalPostgres.USER, pg.get().password()));
            }
            int uplinkPort = HubChild.freeUdpPort();
            int httpPort = HubChild.freeTcpPort();
            Path config = HubChild.writeConfig(dir, uplinkPort, httpPort, pgConfig, (int) heartbeat.toSeconds());
            Provisioned homes = provision(dir, pgConfig);
            progress("%d homes and their carers' devices provisioned in the %s store", gateways, store);
            Result hub;
            try (HubChild child = HubChild.start(dir, config, uplinkPort, httpPort, hubJvmOptions)) {
                progress("the hub started");
                hub = measureHub(child, homes);
            }
            progress("the hub stopped");
            progress("hub: %d alerts, %d lost, p50 %.1f ms, p99 %.1f ms, floor %.1f ms", hub.path.alerts, hub.path.lost, hub.path.p50,
                    hub.path.p99, hub.floorMs);
            PathResult peer = measurePeer(dir.resolve("mosquitto"), homes);
            progress("Mosquitto: %d alerts, %d lost, p50 %.1f ms, p99 %.1f ms", peer.alerts, peer.lost, peer.p50, peer.p99);
            progress("hub process: peak RSS %.0f MB, CPU %.1f %% of one core over the alert phase and its drain", hub.rssMb, hub.cpuPct);
            spec.commandLine().getOut().printf(Locale.ROOT, "hub: gateways=%d alerts=%d lost=%d p50_ms=%.1f p99_ms=%.1f floor_ms=%.1f peer_p99_ms=%.1f"
                            + " rss_mb=%.0f cpu_pct=%.1f%n", gateways, hub.path.alerts, hub.path.lost, hub.path.p50, hub.path.p99, hub.floorMs,
                    peer.p99, hub.rssMb, hub.cpuPct);
            spec.commandLine().getOut().flush();
            if (peer.lost > 0) {
                System.err.printf(Locale.ROOT, "hearth-hub bench: Mosquitto lost %d of %d alerts%n", peer.lost, peer.alerts);
            }
            return hub.path.lost == 0 ? 0 : 1;
        } finally {
            if (pg.isPresent()) {
                pg.get().close();
            }
        }
    }

    /** The homes (the last one is the floor's gateway's, with no carer) and each carer's device credential. */
    private record Provisioned(List<Home> homes, List<String> credentials, long lastStreamId) {
    }

    /** Homes and carers' devices, written with the store's own methods before the hub starts. */
    private Provisioned provision(Path dir, Optional<HubChild.Postgres> pg) {
        SecureRandom random = new SecureRandom();
        Instant now = Instant.now();
        try (HubStore s = pg.map(p -> JdbcHubStore.postgresql(p.url(), p.user(), p.password()))
                .orElseGet(() -> JdbcHubStore.sqlite(dir.resolve("data").resolve("hub.db")))) {
            List<Home> homes = new ArrayList<>();
            List<String> credentials = new ArrayList<>();
            for (int i = 0; i <= gateways; i++) {
                byte[] key = new byte[16];
                random.nextBytes(key);
                Home home = s.addHome(i == gateways ? "bench floor" : "bench " + i, key, now);
                homes.add(home);
                if (i < gateways) {
                    String code = Invites.issue(s, home.id(), "Carer " + i, 1, now);
                    byte[] secret = new byte[32];
                    random.nextBytes(secret);
                    String credential = HexFormat.of().formatHex(secret);
                    s.enrol(Invites.hash(code), "bench device " + i, Invites.hash(credential), now);
                    credentials.add(credential);
                }
            }
            return new Provisioned(homes, credentials, s.lastStreamId());
        }
    }

    private record Result(PathResult path, double floorMs, double rssMb, double cpuPct) {
    }

    private Result measureHub(HubChild hub, Provisioned provisioned) throws Exception {
        Receipts receipts = new Receipts();
        try (CarerStreams carers = new CarerStreams(hub.httpPort(), hub.dataDir(), receipts);
             Fleet fleet = Fleet.connect(new InetSocketAddress("127.0.0.1", hub.uplinkPort()), provisioned.homes,
                     (int) heartbeat.toSeconds(), setupLimit());
             GatewayDisks disks = new GatewayDisks(Files.createDirectories(hubDirSibling(hub, "gateways")), DISK_FILES)) {
            progress("%d gateways connected over DTLS", fleet.size());
            carers.openAll(provisioned.credentials, provisioned.lastStreamId, setupLimit());
            progress("%d carers' live streams open; raising %.0f alerts a second for %d s", provisioned.credentials.size(),
                    alertsPerSecond, duration.toSeconds());
            ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(Fleet.daemon("bench-retries"));
            Floor floor = sampleFloor(fleet, disks, fleet.size() - 1);
            progress("floor: %d samples, p50 %.1f ms, p99 %.1f ms; of it, the commit p50 %.1f ms, p99 %.1f ms, the round trip"
                    + " p50 %.1f ms, p99 %.1f ms", floor.whole.size(), floor.ms(floor.whole, 50), floor.ms(floor.whole, 99),
                    floor.ms(floor.commits, 50), floor.ms(floor.commits, 99), floor.ms(floor.roundTrips, 50), floor.ms(floor.roundTrips, 99));
            double cpuBefore = hub.cpuSeconds();
            long start = System.nanoTime();
            long until = start + duration.plus(DRAIN).toNanos();
            Receipts answered = new Receipts();
            raise(disks, receipts, gateways, fleet::home, (g, id, json) -> {
                answered.committed(id, System.nanoTime());
                deliver(fleet, g, id, json, answered, retries, until);
            });
            receipts.awaitAll(DRAIN);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (hub.cpuSeconds() - cpuBefore) / seconds * 100;
            retries.shutdownNow();
            progress("hub: the gateway's send to the hub's durable answer (2.04): p50 %.1f ms, p99 %.1f ms; commit to the carer's"
                    + " receipt: p90 %.1f ms, p95 %.1f ms, max %.1f ms", answered.percentileMs(50), answered.percentileMs(99),
                    receipts.percentileMs(90), receipts.percentileMs(95), receipts.percentileMs(100));
            if (carers.ended() > 0) {
                progress("%d carers' live streams ended during the run", carers.ended());
            }
            if (!hub.alive()) {
                throw new IOException("the hub stopped during the run; its log:\n" + hub.log());
            }
            return new Result(new PathResult(receipts.committedCount(), receipts.lost(), receipts.percentileMs(50), receipts.percentileMs(99)),
                    floor.ms(floor.whole, 50), hub.peakRssMb(), cpu);
        }
    }

    private static Path hubDirSibling(HubChild hub, String name) {
        return hub.dataDir().resolveSibling(name);
    }

    /**
     * Sends one alert from gateway {@code g}, as the gateway's outbox does: again after 1 s while
     * unanswered or refused. The hub's 2.04 (its durable receipt) is noted in {@code answered}.
     */
    private static void deliver(Fleet fleet, int g, UUID id, byte[] json, Receipts answered, ScheduledExecutorService retries, long until) {
        fleet.send(g, fleet.request(CoAP.Code.POST, CoAP.Type.CON, "alerts", json)).thenAccept(r -> {
            if (r != null && r.getCode() == CoAP.ResponseCode.CHANGED) {
                answered.received(id, System.nanoTime());
            } else if (System.nanoTime() < until) {
                retries.schedule(() -> deliver(fleet, g, id, json, answered, retries, until), 1, TimeUnit.SECONDS);
            }
        });
    }

    /**
     * The floor, sampled in the run once every gateway and carer is connected and before alerts
     * flow, on a gateway of its own: one durable commit as the gateways' alerts get, then one DTLS
     * round trip to the hub (a request for a path it does not have, answered 4.04 by Californium
     * without touching the store). A sample left unanswered for 30 s is not counted.
     */
    private static Floor sampleFloor(Fleet fleet, GatewayDisks disks, int gateway) throws Exception {
        Floor floor = new Floor(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < FLOOR_SAMPLES; i++) {
            long t0 = System.nanoTime();
            disks.commit(gateway, fleet.home(gateway).id(), UUID.randomUUID(), "{}");
            long t1 = System.nanoTime();
            Response r = fleet.send(gateway, fleet.request(CoAP.Code.GET, CoAP.Type.CON, "bench-floor", null)).get(30, TimeUnit.SECONDS);
            if (r != null) {
                long t2 = System.nanoTime();
                floor.whole.add(t2 - t0);
                floor.commits.add(t1 - t0);
                floor.roundTrips.add(t2 - t1);
            }
            Thread.sleep(FLOOR_EVERY.toMillis());
        }
        return floor;
    }

    /** The floor's samples, whole and in their two parts, in ns: where its own tail comes from. */
    private record Floor(List<Long> whole, List<Long> commits, List<Long> roundTrips) {
        double ms(List<Long> samples, double percentile) {
            return Receipts.percentile(samples, percentile) / 1e6;
        }
    }

    /** How one path sends an alert its gateway has committed. */
    private interface AlertPath {
        void send(int gateway, UUID id, byte[] json) throws Exception;
    }

    /**
     * Raises alerts at the steady rate for the duration, gateway after gateway: each is committed on
     * its gateway's disk, its commit time noted, then sent by {@code path}. Commits run on a few
     * threads, as gateways would in parallel.
     */
    private void raise(GatewayDisks disks, Receipts receipts, int count, java.util.function.IntFunction<Home> home, AlertPath path)
            throws InterruptedException {
        ExecutorService committers = Executors.newFixedThreadPool(COMMITTERS, Fleet.daemon("bench-gateway-commit"));
        long period = (long) (1e9 / alertsPerSecond);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (long k = 0; start + k * period < end; k++) {
            long due = start + k * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int g = (int) (k % count);
            committers.execute(() -> {
                try {
                    Home h = home.apply(g);
                    UUID id = UUID.randomUUID();
                    byte[] json = WireCodec.encode(new Alert(Protocol.VERSION, id, AlertKind.HELP, Severity.URGENT, h.label(), "hall",
                            Instant.now(), 1, "Help was asked for in the hall.", false));
                    disks.commit(g, h.id(), id, new String(json, java.nio.charset.StandardCharsets.UTF_8));
                    receipts.committed(id, System.nanoTime());
                    path.send(g, id, json);
                } catch (Exception e) {
                    progress("gateway %d could not raise an alert: %s", g, e);
                }
            });
        }
        committers.shutdown();
        committers.awaitTermination(1, TimeUnit.MINUTES);
    }

    private PathResult measurePeer(Path dir, Provisioned provisioned) throws Exception {
        List<Home> homes = provisioned.homes.subList(0, gateways);
        Receipts receipts = new Receipts();
        try (MosquittoPeer peer = MosquittoPeer.start(dir, homes);
             GatewayDisks disks = new GatewayDisks(dir, DISK_FILES)) {
            peer.connect(homes, receipts);
            progress("Mosquitto: %d gateways and %d carers connected over TLS-PSK; raising the same alerts", homes.size(), homes.size());
            ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(Fleet.daemon("bench-mqtt-retries"));
            long until = System.nanoTime() + duration.plus(DRAIN).toNanos();
            raise(disks, receipts, homes.size(), homes::get, (g, id, json) -> peer.publish(g, json, retries, until));
            receipts.awaitAll(DRAIN);
            retries.shutdownNow();
            return new PathResult(receipts.committedCount(), receipts.lost(), receipts.percentileMs(50), receipts.percentileMs(99));
        }
    }

    private static final long STARTED = System.nanoTime();

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "hearth-hub bench: %5.1f s: " + format + "%n",
                java.util.stream.Stream.concat(Stream.of((System.nanoTime() - STARTED) / 1e9), Stream.of(args)).toArray());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Durations like 30s, 5m or 1h, as the configs write them ({@link Durations}). */
    static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Durations.parse(value.strip().toLowerCase(Locale.ROOT)).orElseThrow(() ->
                    new picocli.CommandLine.TypeConversionException("must be a duration like 30s, 5m or 1h, was " + value));
        }
    }
}
