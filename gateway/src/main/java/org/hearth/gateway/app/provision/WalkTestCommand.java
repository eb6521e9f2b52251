package org.hearth.gateway.app.provision;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hearth.gateway.app.ConfigOption;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.coap.LocalToken;
import org.hearth.gateway.coap.LoopbackClient;
import org.hearth.gateway.domain.WalkTestMode;
import org.hearth.protocol.GatewayStatus;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.ble.PendantProfile;
import org.hearth.time.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hearth walk-test}: the installer triggers each sensor in turn (walk past the motion
 * sensor, open the door, sit on the mat, pull the cord) and sees, live, which have been seen and
 * which are still waiting. Ends with PASS, or FAIL naming the sensors never seen. Asks the
 * running daemon, so it tests the real wiring, pins and debounce. For its duration (at most
 * {@link WalkTestMode#LONGEST}) the home is in walk-test mode, so trying a cord calls nobody; a
 * real alert raised meanwhile (a cord held down) is shown.
 */
@Command(name = "walk-test", mixinStandardHelpOptions = true,
        description = "Check every sensor: trigger each one in turn and watch it appear.")
public final class WalkTestCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Mixin
    ConfigOption config;

    @Option(names = "--timeout", defaultValue = "10m", converter = DurationConverter.class,
            description = "Give up after this long, at most 30m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws InterruptedException {
        ConfigLoader.Loaded loaded = config.load();
        ZoneId zone = loaded.config().home().zone();
        int port = loaded.config().coap().loopbackPort();
        GatewayStatus first;
        try {
            first = LoopbackClient.status(port);
        } catch (IOException e) {
            out.println("Hearth is not running, so the sensors cannot be tested. Start it first: sudo systemctl start hearth");
            return 1;
        }
        WalkTest test = new WalkTest(first, pendantTrials(loaded.config()));
        if (timeout.compareTo(WalkTestMode.LONGEST) > 0) {
            out.println("A walk test lasts at most " + WalkTestMode.LONGEST.toMinutes() + " min, so the cords are never off for longer.");
            timeout = WalkTestMode.LONGEST;
        }
        Optional<LocalToken> mode = startMode(port, loaded.config().storage().dataDir(), zone);
        Thread endMode = new Thread(() -> mode.ifPresent(token -> endMode(port, token)), "walk-test-end");
        mode.ifPresent(token -> Runtime.getRuntime().addShutdownHook(endMode)); // Ctrl-C ends the mode too
        try {
            return walk(test, port, zone, mode);
        } finally {
            if (mode.isPresent()) {
                Runtime.getRuntime().removeShutdownHook(endMode);
                endMode(port, mode.get());
                out.println("Test mode is off: cords and buttons call for help again.");
            }
        }
    }

    /** Puts the home in walk-test mode; with no token (not root or hearth) the test runs without it, and says so. */
    private Optional<LocalToken> startMode(int port, java.nio.file.Path dataDir, ZoneId zone) {
        try {
            LocalToken token = LocalToken.read(dataDir);
            Instant until = LoopbackClient.startWalkTest(port, token);
            out.println("Test mode is on until " + TIME.format(until.atZone(zone)) + ": cords and buttons call nobody, and Hearth says"
                    + " which work. Held down for " + WalkTestMode.HELD_FOR_REAL.toSeconds() + " s, a cord or the help button"
                    + " still calls for help for real.");
            return Optional.of(token);
        } catch (IOException e) {
            out.println("Test mode is NOT on (" + e.getMessage() + ").");
            out.println("Every cord and button you try will send a real alert to the carers. Press Ctrl-C and run with sudo,"
                    + " or tell the carers first.");
            return Optional.empty();
        }
    }

    private void endMode(int port, LocalToken token) {
        try {
            LoopbackClient.finishWalkTest(port, token);
        } catch (IOException e) {
            out.println("Could not end test mode (" + e.getMessage() + "); it ends by itself within "
                    + WalkTestMode.LONGEST.toMinutes() + " min.");
        }
    }

    /** What each pendant must be seen to do: press its button, if its family has one, and move, if it streams. */
    static Map<String, Set<WalkTestMode.Trial>> pendantTrials(HearthConfig config) {
        Map<String, Set<WalkTestMode.Trial>> trials = new LinkedHashMap<>();
        for (PendantSpec p : config.pendants()) {
            PendantProfile profile = PendantProfile.named(p.profile());
            Set<WalkTestMode.Trial> wanted = EnumSet.noneOf(WalkTestMode.Trial.class);
            profile.button().ifPresent(b -> wanted.add(WalkTestMode.Trial.PRESSED));
            profile.accelerometer().ifPresent(a -> wanted.add(WalkTestMode.Trial.MOVED));
            trials.put(p.id(), wanted);
        }
        return trials;
    }

    private int walk(WalkTest test, int port, ZoneId zone, Optional<LocalToken> mode) throws InterruptedException {
        out.println("Walk test: trigger each sensor in turn. Walk past each motion sensor, open and close each door,");
        out.println("sit on each mat, pull each cord, press each button, walk past each radar, and press each pendant's"
                + " button and shake it. Waiting for "
                + test.waiting().size() + " sensors:");
        test.waiting().forEach(s -> out.println("  waiting  " + s.plain()));
        if (mode.isEmpty() && !test.pendantsAwaiting().isEmpty()) {
            out.println("Without test mode a pendant cannot be checked: its button would call the carers, and only the mode"
                    + " tells its button from its movement.");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!test.passed() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            try {
                GatewayStatus now = LoopbackClient.status(port);
                List<WalkTestMode.Heard> heard = mode.isPresent() && !test.pendantsAwaiting().isEmpty()
                        ? LoopbackClient.walkTestReport(port, mode.get()).heard() : List.of();
                for (WalkTest.Seen s : test.update(now, heard)) {
                    out.println("  seen     " + s.words() + " at " + TIME.format(s.at().atZone(zone))
                            + (test.passed() ? "" : "; still waiting for " + test.waiting().size()));
                }
                for (GatewayStatus.OpenAlert a : test.realAlerts(now)) {
                    out.println("  REAL ALERT  " + a.kind().name().toLowerCase(java.util.Locale.ROOT)
                            + (a.room().isEmpty() ? "" : " in the " + a.room()) + " at " + TIME.format(a.raisedAt().atZone(zone))
                            + ": this is not part of the test. The carers are being told; check on the resident.");
                }
            } catch (IOException e) {
                out.println("Lost contact with Hearth: " + e.getMessage() + ". Trying again.");
            }
        }
        if (test.passed()) {
            out.println("PASS: all " + test.seen().size() + " sensors were seen.");
            return 0;
        }
        out.println("FAIL: these sensors were never seen: " + test.waiting().stream().map(WalkTest.Sensor::plain)
                .collect(Collectors.joining(", ")) + ".");
        out.println("Check each one's wiring, pin and battery, then run the walk test again.");
        return 1;
    }

    /** Durations for options: 90s, 10m. */
    static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Durations.parse(value).orElseThrow(() ->
                    new picocli.CommandLine.TypeConversionException("write a duration like 90s or 10m, not '" + value + "'"));
        }
    }
}
