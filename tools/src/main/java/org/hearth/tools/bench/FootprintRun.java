package org.hearth.tools.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.hearth.gateway.app.Scratch;
import org.hearth.gateway.coap.CarerStandIn;
import org.hearth.gateway.coap.LocalToken;
import org.hearth.transport.PskKey;
import org.hearth.gateway.coap.SimulatedPresses;
import org.hearth.gateway.store.SqliteEventStore;
import org.hearth.voice.models.SpeechModels;

/**
 * One measured run of the real daemon: {@code hearth run} in a child JVM with a generated
 * config in a fresh folder, a simulated home (Pi4J mock lines, an emulated ADXL345 streaming at
 * 100 Hz and a BME280), and one paired carer, {@link CarerStandIn}, answering alerts and
 * heartbeats over DTLS on loopback in this JVM. Sensor events are pressed in through the
 * daemon's loopback {@code /local/sim/{sensor}} hook (as {@code hearth walk-test} rehearses),
 * so the daemon itself carries no benchmark code. Everything is measured from outside the child.
 */
final class FootprintRun {

    /** The realistic rate: one sensor activation (an active and an idle edge) every 20 s. */
    static final Duration REALISTIC_PRESS_EVERY = Duration.ofSeconds(20);
    /** GPIO lines a home can use: BCM 4 to 27, since 2 and 3 are the I2C bus the accelerometer needs. */
    static final int FIRST_PIN = 4;
    static final int MAX_GPIO_SENSORS = 24;
    private static final Duration READY_LIMIT = Duration.ofSeconds(120);
    private static final Duration SETTLE = Duration.ofSeconds(3);

    record Settings(boolean voice, Path modelsDir, Duration load, Duration idle, int gpioSensors, double rateMultiplier,
                    List<String> jvmOptions, Duration progressEvery, Path workRoot, boolean keep, boolean warmUp) {
    }

    /**
     * @param readyMs      process start to READY=1 on the notify socket
     * @param peakRssKb    VmHWM at the end: the peak over start-up, load and idle
     * @param loadCpuPct   % of one core during the load phase
     * @param idleCpuPct   % of one core with no events, or NaN when there was no idle phase
     * @param writeBytes   write_bytes from the start of the load phase to the end of the idle phase
     * @param dbGrowth     growth of hearth.db and its WAL over the same time
     */
    record Result(long readyMs, long peakRssKb, long rssStartKb, long rssEndKb, double loadCpuPct, double idleCpuPct,
                  long writeBytes, long dbGrowth, double loadSeconds, int presses) {

        double writesMbPerDay() {
            return writeBytes / loadSeconds * 86_400 / 1e6;
        }
    }

    private final Settings settings;
    private final PrintStream progress;

    FootprintRun(Settings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    Result run() throws IOException, InterruptedException {
        return run(true);
    }

    /** Only start the daemon, time READY=1 and stop it: for comparing start-up options over many starts. */
    long startOnly() throws IOException, InterruptedException {
        return run(false).readyMs();
    }

    private Result run(boolean measure) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(settings.workRoot(), "hearth-footprint-");
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        PskKey psk = new PskKey("footprint-carer", key);
        try (CarerStandIn carer = CarerStandIn.start(new InetSocketAddress("127.0.0.1", 0), psk);
             NotifySocket notify = NotifySocket.open()) {
            int loopbackPort = Scratch.freeUdpPort();
            Path config = writeConfig(dir, key, carer.address().getPort(), Scratch.freeUdpPort(), loopbackPort);
            Path log = dir.resolve("daemon.log");
            ProcessBuilder pb = new ProcessBuilder(command(config)).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("NOTIFY_SOCKET", notify.address());
            pb.environment().remove("WATCHDOG_USEC");
            pb.environment().remove("WATCHDOG_PID");
            long started = System.nanoTime();
            Process daemon = pb.start();
            // A bench stopped with Ctrl-C or SIGTERM must not leave a daemon running behind it.
            Thread reaper = new Thread(daemon::destroyForcibly, "footprint-stop-daemon");
            Runtime.getRuntime().addShutdownHook(reaper);
            try {
                long readyMs = awaitReady(notify, daemon, started, log);
                if (!measure) {
                    return new Result(readyMs, 0, 0, 0, 0, Double.NaN, 0, 0, 0, 0);
                }
                return measure(daemon, readyMs, dir.resolve("data"), loopbackPort, log);
            } finally {
                stop(daemon);
                Runtime.getRuntime().removeShutdownHook(reaper);
            }
        } finally {
            if (settings.keep()) {
                progress.println("footprint: kept " + dir);
            } else {
                Scratch.deleteTree(dir);
            }
        }
    }

    private List<String> command(Path config) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(settings.jvmOptions());
        // From a checkout, the daemon finds the model the build unpacked, as this process does.
        SpeechModels.fromSystem().jvmFlag().ifPresent(cmd::add);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.hearth.gateway.app.Hearth",
                "run", "--config", config.toString()));
        return cmd;
    }

    private Result measure(Process daemon, long readyMs, Path data, int loopbackPort, Path log)
            throws IOException, InterruptedException {
        long pid = daemon.pid();
        List<String> sensors = sensorIds();
        long pressEveryNanos = (long) (REALISTIC_PRESS_EVERY.toNanos() / settings.rateMultiplier());
        if (settings.warmUp()) {
            warmUp(daemon, loopbackPort, data, sensors.get(0), log);
        }
        ProcStats before = ProcStats.read(pid);
        long dbBefore = dbBytes(data);
        long loadStart = System.nanoTime();
        long loadEnd = loadStart + settings.load().toNanos();
        long nextPress = loadStart;
        long nextReport = settings.progressEvery().isZero() ? Long.MAX_VALUE : loadStart + settings.progressEvery().toNanos();
        int presses = 0;
        try (SimulatedPresses press = SimulatedPresses.open(loopbackPort, LocalToken.read(data))) {
            while (System.nanoTime() < loadEnd) {
                long now = System.nanoTime();
                if (now >= nextPress) {
                    alive(daemon, log);
                    press.press(sensors.get(presses % sensors.size()));
                    presses++;
                    nextPress += pressEveryNanos;
                }
                if (now >= nextReport) {
                    report(pid, loadStart, presses);
                    nextReport += settings.progressEvery().toNanos();
                }
                long wait = Math.min(Math.min(nextPress, nextReport), loadEnd) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        ProcStats afterLoad = ProcStats.read(pid);
        if (!settings.progressEvery().isZero()) {
            report(pid, loadStart, presses);
        }

        double idleCpu = Double.NaN;
        ProcStats end = afterLoad;
        if (!settings.idle().isZero()) {
            Thread.sleep(SETTLE.toMillis()); // the last presses' debounce and delivery finish first
            ProcStats idleStart = ProcStats.read(pid);
            long t0 = System.nanoTime();
            Thread.sleep(settings.idle().toMillis());
            end = ProcStats.read(pid);
            idleCpu = end.cpuPercentSince(idleStart, (System.nanoTime() - t0) / 1e9);
        }
        alive(daemon, log);
        // Writes are counted to the end of the idle phase: the last events of the load phase are committed up to
        // SqliteEventStore.DEFAULT_WINDOW later. All of it is charged to the load phase's time, which overstates
        // the figure by whatever the daemon writes on its own while idle (nothing is logged then).
        return new Result(readyMs, end.peakRssKb(), before.rssKb(), end.rssKb(), afterLoad.cpuPercentSince(before, loadSeconds),
                idleCpu, end.writeBytes() - before.writeBytes(), dbBytes(data) - dbBefore, loadSeconds, presses);
    }

    /**
     * Makes the fresh home one that has run before anything is counted. A new home's first sensor
     * activity starts its learned routine's learning period, which the daemon writes durably once
     * in the home's life (ActivityWatch), flushing the waiting events first: two commits that a
     * 2-minute window scaled to a day would count 720 times. So one press, then one batching
     * window and a settle, so that its events are committed too, before the count starts.
     */
    private void warmUp(Process daemon, int loopbackPort, Path data, String sensor, Path log)
            throws IOException, InterruptedException {
        try (SimulatedPresses press = SimulatedPresses.open(loopbackPort, LocalToken.read(data))) {
            press.press(sensor);
        }
        Thread.sleep(SqliteEventStore.DEFAULT_WINDOW.plus(SETTLE).toMillis());
        alive(daemon, log);
    }

    private void report(long pid, long loadStart, int presses) throws IOException {
        ProcStats now = ProcStats.read(pid);
        progress.printf(Locale.ROOT, "footprint: voice=%s t=%ds presses=%d rss_mb=%.1f peak_rss_mb=%.1f written_mb=%.2f%n",
                settings.voice() ? "on" : "off", (System.nanoTime() - loadStart) / 1_000_000_000L, presses,
                ProcStats.mb(now.rssKb()), ProcStats.mb(now.peakRssKb()), now.writeBytes() / 1e6);
        progress.flush();
    }

    private static long awaitReady(NotifySocket notify, Process daemon, long started, Path log)
            throws IOException, InterruptedException {
        long deadline = started + READY_LIMIT.toNanos();
        while (true) {
            String message = notify.poll();
            if (message != null && message.lines().anyMatch("READY=1"::equals)) {
                return (System.nanoTime() - started) / 1_000_000;
            }
            if (message == null) {
                alive(daemon, log);
                if (System.nanoTime() > deadline) {
                    throw new IOException("the daemon did not report READY=1 within " + READY_LIMIT.toSeconds() + " s; its log:\n"
                            + tail(log));
                }
                Thread.sleep(1);
            }
        }
    }

    private static void alive(Process daemon, Path log) throws IOException {
        if (!daemon.isAlive()) {
            throw new IOException("the daemon exited with code " + daemon.exitValue() + "; its log:\n" + tail(log));
        }
    }

    private static void stop(Process daemon) throws InterruptedException {
        daemon.destroy(); // SIGTERM, as systemd stops it
        if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
            daemon.destroyForcibly();
            daemon.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** GPIO sensors: motion detectors and door contacts, alternately, in rooms of a flat. */
    private List<String> sensorIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < settings.gpioSensors(); i++) {
            ids.add((i % 2 == 0 ? "pir-" : "door-") + i);
        }
        return ids;
    }

    private static final List<String> ROOMS = List.of("kitchen", "hall", "living room", "bedroom", "bathroom");

    private Path writeConfig(Path dir, byte[] key, int carerPort, int gatewayPort, int loopbackPort) throws IOException {
        Path secrets = dir.resolve("secrets.yaml");
        Files.createFile(secrets, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(secrets, "carers:\n  Bench: {identity: footprint-carer, key: " + HexFormat.of().formatHex(key) + "}\n",
                StandardCharsets.UTF_8);
        StringBuilder yaml = new StringBuilder();
        yaml.append("home: {label: Footprint bench, language: en, timezone: Europe/London}\n");
        yaml.append("storage: {data_dir: data}\n");
        yaml.append("gpio: {backend: mock}\n");
        yaml.append("sensors:\n");
        List<String> ids = sensorIds();
        for (int i = 0; i < ids.size(); i++) {
            yaml.append(String.format(Locale.ROOT, "  - {id: %s, room: %s, kind: %s, pin: %d}%n", ids.get(i),
                    ROOMS.get(i % ROOMS.size()), i % 2 == 0 ? "pir" : "contact", FIRST_PIN + i));
        }
        yaml.append("i2c:\n");
        yaml.append("  accelerometers: [{id: accel-worn, room: living room, address: 0x53, rate_hz: 100}]\n");
        yaml.append("  climate: [{id: climate-living, room: living room, chip: bme280}]\n");
        yaml.append("carers:\n");
        yaml.append("  - {name: Bench, level: 1, endpoint: \"coaps://127.0.0.1:").append(carerPort).append("\"}\n");
        yaml.append(String.format(Locale.ROOT, "coap: {bind: 127.0.0.1, port: %d, loopback_port: %d}%n", gatewayPort, loopbackPort));
        yaml.append("secrets_file: secrets.yaml\n");
        if (settings.voice()) {
            yaml.append("voice: {enabled: true, models_dir: \"").append(settings.modelsDir().toAbsolutePath()).append("\"}\n");
        } else {
            yaml.append("voice: {enabled: false}\n");
        }
        Path config = dir.resolve("hearth.yaml");
        Files.writeString(config, yaml, StandardCharsets.UTF_8);
        return config;
    }

    private static long dbBytes(Path data) throws IOException {
        long total = 0;
        for (String name : List.of("hearth.db", "hearth.db-wal")) {
            Path f = data.resolve(name);
            if (Files.exists(f)) {
                total += Files.size(f);
            }
        }
        return total;
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no output)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

}
