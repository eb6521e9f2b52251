package org.hearth.gateway.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.app.config.Secrets;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AlertState;
import org.hearth.gateway.domain.AuditEntry;
import org.hearth.sensors.Pull;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorSpec;
import org.hearth.sensors.gpio.GpioBackend;
import org.hearth.sensors.gpio.SimulatedHome;
import org.hearth.time.RealTimeScheduler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hearth demo}: a simulated home, end to end, on this machine. A real gateway (Pi4J mock
 * sensors, SQLite in a temporary folder, Californium over DTLS with a fresh key) and a real
 * {@code hearth-carer} process on loopback play a scripted morning in accelerated time.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Play a simulated morning in a home, end to end, and show who was told.")
final class DemoCommand implements Callable<Integer> {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final String CARER = "Priya";

    @Option(names = "--speed", defaultValue = "120", description = "How much faster than real time the home runs (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--keep", description = "Keep the demo's data folder and print where it is.")
    boolean keep;

    @Option(names = "--carer-command", description = "How to start hearth-carer (default: the launcher's, or hearth-carer on the PATH).")
    String carerCommand;

    private final PrintStream out = System.out;
    private RealTimeScheduler loop;

    /** One step of the scripted morning. */
    private record Step(LocalTime at, String sensor, boolean active) {
    }

    private static final List<Step> SCRIPT = List.of(
            new Step(LocalTime.of(8, 0), "pir-kitchen", true),
            new Step(LocalTime.of(8, 1), "pir-kitchen", false),
            // The resident pulls the bathroom cord: help at once, no questions asked.
            new Step(LocalTime.of(8, 5), "cord-bathroom", true),
            new Step(LocalTime.of(8, 5, 5), "cord-bathroom", false),
            // The bedroom radar thinks she fell; she presses the hub's cancel button within the pre-alarm.
            new Step(LocalTime.of(8, 15), "radar-bedroom", true),
            new Step(LocalTime.of(8, 15, 2), "radar-bedroom", false),
            new Step(LocalTime.of(8, 15, 12), "cancel-hub", true),
            new Step(LocalTime.of(8, 15, 13), "cancel-hub", false),
            // Later she presses her help button in the living room.
            new Step(LocalTime.of(8, 25), "help-living", true),
            new Step(LocalTime.of(8, 25, 1), "help-living", false),
            // The hall radar detects a fall and nobody answers the pre-alarm.
            new Step(LocalTime.of(8, 35), "radar-hall", true),
            new Step(LocalTime.of(8, 35, 2), "radar-hall", false));

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("hearth-demo-");
        Instant start = LocalDate.now(ZONE).atTime(7, 55).atZone(ZONE).toInstant();
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        String identity = "priya-" + HexFormat.of().formatHex(key, 0, 2);
        Path keyFile = dir.resolve("priya.key");
        Files.writeString(keyFile, HexFormat.of().formatHex(key), StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        int gatewayPort = Scratch.freeUdpPort();
        int carerPort = Scratch.freeUdpPort();

        out.println("Hearth demo: a simulated home with six sensors, and one carer, " + CARER
                + ", whose phone is a real hearth-carer process on this machine.");
        out.println("Home time runs " + (int) speed + " times faster than real time. Data folder: "
                + (keep ? dir : "a temporary folder, deleted at the end") + ".");
        out.println();

        loop = RealTimeScheduler.accelerated("hearth-loop", start, ZONE, speed);
        Process carer = startCarer(identity, keyFile, gatewayPort, carerPort);
        int exit;
        try {
            exit = play(dir, identity, key, gatewayPort, carerPort, carer);
        } finally {
            carer.destroy();
            if (!carer.waitFor(10, TimeUnit.SECONDS)) {
                carer.destroyForcibly();
            }
            loop.close();
            if (!keep) {
                Scratch.deleteTree(dir);
            }
        }
        return exit;
    }

    private int play(Path dir, String identity, byte[] key, int gatewayPort, int carerPort, Process carer) throws Exception {
        HearthConfig config = new HearthConfig(
                new HearthConfig.Home("Flat 12 (demo)", "en", ZONE),
                new HearthConfig.Storage(dir, 30),
                GpioBackend.MOCK,
                List.of(sensor("pir-kitchen", "kitchen", SensorKind.PIR, 4),
                        sensor("cord-bathroom", "bathroom", SensorKind.PULL_CORD, 17),
                        sensor("radar-bedroom", "bedroom", SensorKind.FALL_OUTPUT, 22),
                        sensor("radar-hall", "hall", SensorKind.FALL_OUTPUT, 23),
                        sensor("help-living", "living room", SensorKind.HELP_BUTTON, 27),
                        sensor("cancel-hub", "living room", SensorKind.CANCEL_BUTTON, 24)),
                new HearthConfig.Alerts(Duration.ofSeconds(30), Duration.ofMinutes(5)),
                List.of(new HearthConfig.CarerEntry(CARER, 1, URI.create("coaps://127.0.0.1:" + carerPort))),
                new HearthConfig.Coap("127.0.0.1", gatewayPort, -1),
                Duration.ofSeconds(60),
                dir.resolve("secrets.yaml"));
        Secrets secrets = new Secrets(Map.of(CARER, new Secrets.CarerKey(identity, key)));

        CountDownLatch done = new CountDownLatch(1);
        try (Daemon daemon = Daemon.start(config, secrets, loop,
                (text, language) -> line("speaker", "\"" + text + "\""),
                List.of(this::onTransition),
                (SensorEvent e) -> line("sensor", describe(e)))) {
            line("gateway", "ready: sensors, SQLite store and CoAP/DTLS on port " + daemon.coapsAddress().getPort());
            SimulatedHome home = daemon.simulatedHome();
            LocalDate today = LocalDate.ofInstant(loop.now(), ZONE);
            for (Step step : SCRIPT) {
                Instant at = today.atTime(step.at()).atZone(ZONE).toInstant();
                loop.schedule(Duration.between(loop.now(), at), () -> home.set(step.sensor(), step.active()));
            }
            Instant end = today.atTime(SCRIPT.get(SCRIPT.size() - 1).at()).atZone(ZONE).toInstant().plus(Duration.ofMinutes(1));
            loop.schedule(Duration.between(loop.now(), end), done::countDown);
            done.await();
            waitForAcknowledgements(daemon, Duration.ofSeconds(30));
            Summary s = daemon.onLoop(() -> summarise(daemon));
            line("gateway", "stopping");
            daemon.close();
            out.println();
            out.println("demo: raised=" + s.raised + " delivered=" + s.delivered + " acknowledged=" + s.acknowledged
                    + " lost=" + s.lost);
            return s.lost == 0 && s.raised > 0 ? 0 : 1;
        }
    }

    private void waitForAcknowledgements(Daemon daemon, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Summary s = daemon.onLoop(() -> summarise(daemon));
            if (s.raised > 0 && s.acknowledged == s.raised) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private record Summary(int raised, int delivered, int acknowledged, int lost) {
    }

    private static Summary summarise(Daemon daemon) {
        int raised = 0;
        int delivered = 0;
        int acknowledged = 0;
        for (Alert a : daemon.alerts().recent(1000)) {
            List<AuditEntry> history = daemon.alerts().history(a.id());
            if (history.stream().noneMatch(h -> h.state() == AlertState.RAISED)) {
                continue;
            }
            raised++;
            boolean got = history.stream().anyMatch(h -> h.event() == AuditEntry.Event.DELIVERED);
            delivered += got ? 1 : 0;
            acknowledged += history.stream().anyMatch(h -> h.state() == AlertState.ACKNOWLEDGED) ? 1 : 0;
        }
        int lost = raised - delivered;
        return new Summary(raised, delivered, acknowledged, lost);
    }

    private void onTransition(Alert alert, AuditEntry entry) {
        line("alert", entry.state() + " " + alert.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (alert.room().isEmpty() ? "" : " (" + alert.room() + ")") + ": " + entry.detail());
    }

    private static String describe(SensorEvent e) {
        String where = " in the " + e.room();
        return switch (e.kind()) {
            case PIR -> (e.active() ? "movement" : "no more movement") + where;
            case PULL_CORD -> e.active() ? "pull cord pulled" + where : "pull cord released" + where;
            case FALL_OUTPUT -> e.active() ? "fall radar triggered" + where : "fall radar clear" + where;
            case HELP_BUTTON -> e.active() ? "help button pressed" + where : "help button released" + where;
            case CANCEL_BUTTON -> e.active() ? "\"I'm fine\" button pressed" + where : "\"I'm fine\" button released" + where;
            default -> e.sensorId() + (e.active() ? " active" : " idle");
        };
    }

    private static SensorSpec sensor(String id, String room, SensorKind kind, int pin) {
        return new SensorSpec(id, room, kind, pin, Pull.UP, true, Duration.ofMillis(20), Duration.ofDays(2));
    }

    private synchronized void line(String who, String what) {
        String time = loop == null ? "--:--:--" : CLOCK.format(loop.now().atZone(ZONE));
        out.printf("%s  %-8s %s%n", time, who, what);
        out.flush();
    }

    private Process startCarer(String identity, Path keyFile, int gatewayPort, int carerPort) throws IOException, InterruptedException {
        String command = carerCommand != null ? carerCommand : System.getProperty("hearth.carer.command", "hearth-carer");
        List<String> cmd = new ArrayList<>(List.of(command.split(" ")));
        cmd.addAll(List.of("listen", "--name", CARER, "--identity", identity, "--key-file", keyFile.toString(),
                "--gateway", "coaps://127.0.0.1:" + gatewayPort, "--bind", "127.0.0.1", "--port", Integer.toString(carerPort),
                "--auto-ack", "1s"));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot start the carer process (" + command + "): " + e.getMessage()
                    + "; run the demo through the ./hearth launcher, or pass --carer-command", e);
        }
        CountDownLatch listening = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String s;
                while ((s = r.readLine()) != null) {
                    if (s.startsWith("LISTENING")) {
                        listening.countDown();
                    }
                    line("carer", CARER + "'s phone: " + s);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "demo-carer-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!listening.await(100, TimeUnit.MILLISECONDS)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException("the carer process did not start listening"
                        + (p.isAlive() ? " within 30 s" : "; it exited with code " + p.exitValue()));
            }
        }
        return p;
    }

}
