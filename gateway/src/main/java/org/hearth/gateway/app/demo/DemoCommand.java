package org.hearth.gateway.app.demo;

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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.hearth.gateway.app.Scratch;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.app.config.Secrets;
import org.hearth.gateway.app.daemon.Daemon;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AlertState;
import org.hearth.gateway.domain.AuditEntry;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.Presence;
import org.hearth.sensors.PresenceEvent;
import org.hearth.sensors.Pull;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.SensorSpec;
import org.hearth.sensors.ble.EmulatedPendant;
import org.hearth.sensors.gpio.GpioBackend;
import org.hearth.sensors.gpio.SimulatedHome;
import org.hearth.sensors.serial.Mr24hpc1Emulator;
import org.hearth.time.RealTimeScheduler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hearth demo}: a simulated home, end to end, on this machine. A real gateway (Pi4J mock
 * sensors, SQLite in a temporary folder, Californium over DTLS) plays a scripted morning in
 * accelerated time. By default its carer is reached through a care hub (a real
 * {@code hearth-hub run} process, behind a NAT that rebinds the gateway's port), and the carer's
 * phone is the hub's web app in headless Chromium ({@link DemoHub}); with {@code --direct}, a
 * real {@code hearth-carer} process on loopback, over direct CoAP/DTLS, as on the home's own
 * network. The last line counts, from the gateway's store, what was raised, delivered and
 * acknowledged.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Play a simulated morning in a home, end to end, and show who was told.",
                "The carer is told through a care hub on this machine and answers in the hub's web app, in headless Chromium"
                        + " (Debian's chromium and chromium-driver); --direct uses hearth-carer over direct CoAP/DTLS instead."})
public final class DemoCommand implements Callable<Integer> {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final String CARER = "Priya";
    private static final String HOME = "Flat 12 (demo)";

    @Option(names = "--speed", defaultValue = "120", description = "How much faster than real time the home runs (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--keep", description = "Keep the demo's data folder and print where it is.")
    boolean keep;

    @Option(names = "--direct", description = "No hub: the carer is a hearth-carer process the gateway reaches over direct CoAP/DTLS.")
    boolean direct;

    @Option(names = "--carer-command", description = "With --direct, how to start hearth-carer (default: the launcher's, or hearth-carer on the PATH).")
    String carerCommand;

    @Option(names = "--hub-command", description = "How to start hearth-hub (default: the launcher's, or hearth-hub on the PATH).")
    String hubCommand;

    @Option(names = "--demo-command",
            description = "How to start the demo's router and carer's phone (default: the launcher's, or hearth-demo on the PATH).")
    String demoCommand;

    private final PrintStream out = System.out;
    private volatile RealTimeScheduler loop;
    private volatile boolean ended;

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
            new Step(LocalTime.of(8, 25, 1), "help-living", false));

    /** The resident, who wears the pendant. */
    private static final String RESIDENT = "Margaret";

    /**
     * Her fall pendant: an emulated Nordic Thingy:52 whose notifications the real readings path and
     * fall detector read. Worn, so in no room; the config names it as the wizard does.
     */
    private static final PendantSpec PENDANT = PendantSpec.thingy52("pendant", "worn pendant", "C0:FF:EE:00:00:01");

    /** She falls in the hall, the pendant feels it, and nobody answers the pre-alarm. */
    private static final LocalTime PENDANT_FALL = LocalTime.of(8, 35);

    /** The living room's presence radar: a frame emulator behind the serial provider, read by the real driver. */
    private static final RadarSpec RADAR = RadarSpec.standard("radar-living", "living room", "/dev/ttyDEMO0");

    /** What the living-room radar sees: she comes in and sits still in her chair, which no PIR would see. */
    private static final List<Map.Entry<LocalTime, Presence>> RADAR_SCRIPT = List.of(
            Map.entry(LocalTime.of(8, 20), Presence.MOVING),
            Map.entry(LocalTime.of(8, 21), Presence.STILL),
            Map.entry(LocalTime.of(8, 24, 50), Presence.MOVING));

    /**
     * When the home's router gives the gateway a new outside port, in the hub demo: between the
     * alerts, once the gateway's session with the hub is long established, so that every run shows
     * alerts and acknowledgements crossing a NAT rebinding (a timer in wall time would fall
     * anywhere, even into the first handshake of a slow start).
     */
    private static final List<LocalTime> REBINDINGS = List.of(LocalTime.of(8, 10), LocalTime.of(8, 20), LocalTime.of(8, 30));

    @Override
    public Integer call() throws Exception {
        List<String> demoParts = DemoProcess.command(demoCommand, "hearth.demo.command", "hearth-demo");
        if (!direct) {
            String missing = DemoHub.missing(demoParts);
            if (missing != null) {
                System.err.println("hearth: the demo cannot run: " + missing
                        + ". In a source checkout, scripts/setup demo installs them; or run ./hearth demo --direct, without a hub.");
                return 1;
            }
        }
        Path dir = Files.createTempDirectory("hearth-demo-");
        try {
            out.println(direct
                    ? "Hearth demo: a simulated home with five sensors, a presence radar and a fall pendant, and one carer, " + CARER
                            + ", whose phone is a real hearth-carer process on this machine, reached over direct CoAP/DTLS."
                    : "Hearth demo: a simulated home with five sensors, a presence radar and a fall pendant, and one carer, " + CARER + ", reached through a care hub:"
                            + " the gateway, behind a home router, dials a hearth-hub process, and " + CARER
                            + "'s phone is the hub's web app in headless Chromium, all on this machine.");
            out.println("Home time runs " + (int) speed + " times faster than real time. Data folder: "
                    + (keep ? dir : "a temporary folder, deleted at the end") + ".");
            out.println();
            return direct ? direct(dir) : throughHub(dir, demoParts);
        } finally {
            if (loop != null) {
                loop.close();
            }
            if (!keep) {
                Scratch.deleteTree(dir);
            }
        }
    }

    private int throughHub(Path dir, List<String> demoParts) throws Exception {
        Summary s;
        try (DemoHub hub = DemoHub.start(dir, CARER, HOME, DemoProcess.command(hubCommand, "hearth.hub.command", "hearth-hub"),
                demoParts, this::line)) {
            HearthConfig config = hub.configure(home(dir, List.of(new HearthConfig.CarerEntry(CARER, 1, null, true)),
                    Scratch.freeUdpPort()));
            s = play(config, hub.secrets(config.secretsFile()), hub::rebind);
            hub.awaitPhoneAnswered(s.acknowledged, Duration.ofSeconds(15));
            line("hub", "the router gave the gateway " + hub.rebinds() + " new outside port" + (hub.rebinds() == 1 ? "" : "s")
                    + " during the demo; every alert and acknowledgement went through the hub");
            if (!hub.phoneAlive()) {
                line("carer", DemoHub.PHONE + " stopped before the end (see its last lines above)");
            }
            ended = true; // what the hub, router and phone print while they stop is not part of the morning
        }
        return finish(s, " via=hub");
    }

    private int direct(Path dir) throws Exception {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        String identity = "priya-" + HexFormat.of().formatHex(key, 0, 2);
        Path keyFile = dir.resolve("priya.key");
        Files.writeString(keyFile, HexFormat.of().formatHex(key), StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        int gatewayPort = Scratch.freeUdpPort();
        int carerPort = Scratch.freeUdpPort();
        List<String> cmd = DemoProcess.command(carerCommand, "hearth.carer.command", "hearth-carer");
        cmd.addAll(List.of("listen", "--name", CARER, "--identity", identity, "--key-file", keyFile.toString(),
                "--gateway", "coaps://127.0.0.1:" + gatewayPort, "--bind", "127.0.0.1", "--port", Integer.toString(carerPort),
                "--auto-ack", "1s"));
        Summary s;
        try (DemoProcess carer = DemoProcess.start("the carer process (hearth-carer)", cmd,
                line -> line("carer", CARER + "'s phone: " + line))) {
            carer.awaitLine("LISTENING", Duration.ofSeconds(30));
            HearthConfig config = home(dir, List.of(new HearthConfig.CarerEntry(CARER, 1, URI.create("coaps://127.0.0.1:" + carerPort))),
                    gatewayPort);
            s = play(config, new Secrets(Map.of(CARER, new Secrets.CarerKey(identity, key))), null);
            ended = true;
        }
        return finish(s, "");
    }

    private int finish(Summary s, String via) {
        out.println();
        out.println("demo: raised=" + s.raised + " delivered=" + s.delivered + " acknowledged=" + s.acknowledged
                + " lost=" + s.lost + via);
        return s.lost == 0 && s.raised > 0 && s.acknowledged == s.raised ? 0 : 1;
    }

    private static HearthConfig home(Path dir, List<HearthConfig.CarerEntry> carers, int gatewayPort) {
        HearthConfig.Home home = new HearthConfig.Home(HOME, "en", ZONE)
                .withHousehold(new HearthConfig.Household(1, List.of(RESIDENT), Map.of(PENDANT.id(), RESIDENT)));
        return HearthConfig.builder(home, dir)
                .sensors(List.of(sensor("pir-kitchen", "kitchen", SensorKind.PIR, 4),
                        sensor("cord-bathroom", "bathroom", SensorKind.PULL_CORD, 17),
                        sensor("radar-bedroom", "bedroom", SensorKind.FALL_OUTPUT, 22),
                        sensor("help-living", "living room", SensorKind.HELP_BUTTON, 27),
                        sensor("cancel-hub", "living room", SensorKind.CANCEL_BUTTON, 24)))
                .carers(carers)
                .coap("127.0.0.1", gatewayPort, -1)
                .radars(List.of(RADAR))
                .pendants(List.of(PENDANT))
                .build();
    }

    /**
     * Plays the morning on a gateway started now, in home time from 07:55, and counts from its
     * store; {@code rebind}, if any, runs at each of the {@link #REBINDINGS}.
     */
    private Summary play(HearthConfig config, Secrets secrets, Runnable rebind) throws Exception {
        Instant start = LocalDate.now(ZONE).atTime(7, 55).atZone(ZONE).toInstant();
        loop = RealTimeScheduler.accelerated("hearth-loop", start, ZONE, speed);
        CountDownLatch done = new CountDownLatch(1);
        try (Daemon daemon = Daemon.start(config, secrets, loop,
                (text, language) -> line("speaker", "\"" + text + "\""),
                List.of(this::onTransition), new SensorListener() {
                    @Override
                    public void onEvent(SensorEvent e) {
                        line("sensor", describe(e));
                    }

                    @Override
                    public void onPresence(PresenceEvent e) {
                        line("sensor", describe(e));
                    }
                })) {
            line("gateway", "ready: sensors, SQLite store and CoAP/DTLS on port " + daemon.coapsAddress().getPort()
                    + config.hubUplink().map(h -> "; dialling the hub at " + h.uri() + " as " + h.identity()).orElse(""));
            SimulatedHome home = daemon.simulatedHome();
            LocalDate today = LocalDate.ofInstant(loop.now(), ZONE);
            for (Step step : SCRIPT) {
                Instant at = today.atTime(step.at()).atZone(ZONE).toInstant();
                loop.schedule(Duration.between(loop.now(), at), () -> home.set(step.sensor(), step.active()));
            }
            Mr24hpc1Emulator radar = daemon.simulatedRadar(RADAR.id()).orElseThrow();
            for (Map.Entry<LocalTime, Presence> seen : RADAR_SCRIPT) {
                Instant at = today.atTime(seen.getKey()).atZone(ZONE).toInstant();
                loop.schedule(Duration.between(loop.now(), at), () -> radar.sees(seen.getValue()));
            }
            EmulatedPendant pendant = daemon.simulatedPendant(PENDANT.id()).orElseThrow();
            Instant fall = today.atTime(PENDANT_FALL).atZone(ZONE).toInstant();
            loop.schedule(Duration.between(loop.now(), fall), () -> {
                line("sensor", RESIDENT + " falls in the hall: her pendant (" + PENDANT.id() + ") streams it at 50 Hz");
                pendant.fall();
            });
            for (LocalTime at : rebind == null ? List.<LocalTime>of() : REBINDINGS) {
                loop.schedule(Duration.between(loop.now(), today.atTime(at).atZone(ZONE).toInstant()), rebind);
            }
            Instant end = fall.plus(Duration.ofMinutes(1));
            loop.schedule(Duration.between(loop.now(), end), done::countDown);
            done.await();
            waitForAcknowledgements(daemon, Duration.ofSeconds(30));
            Summary s = daemon.onLoop(() -> summarise(daemon));
            line("gateway", "stopping");
            return s;
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
            // The carer's own acknowledgement (through the hub, in the hub demo: Priya has no key of her own there).
            acknowledged += history.stream().anyMatch(h -> h.is(AuditEntry.Event.ACKNOWLEDGED, CARER)) ? 1 : 0;
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

    private static String describe(PresenceEvent e) {
        return switch (e.presence()) {
            case MOVING -> "radar: someone moving in the " + e.room();
            case STILL -> "radar: someone keeping still in the " + e.room() + " (it sees her breathing)";
            case NOBODY -> "radar: nobody in the " + e.room();
        };
    }

    private static SensorSpec sensor(String id, String room, SensorKind kind, int pin) {
        return new SensorSpec(id, room, kind, pin, Pull.UP, true, Duration.ofMillis(20), Duration.ofDays(2));
    }

    private synchronized void line(String who, String what) {
        if (ended) {
            return;
        }
        String time = loop == null ? "--:--:--" : CLOCK.format(loop.now().atZone(ZONE));
        out.printf("%s  %-8s %s%n", time, who, what);
        out.flush();
    }
}
