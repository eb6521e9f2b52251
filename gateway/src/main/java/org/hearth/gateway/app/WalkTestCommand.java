package org.hearth.gateway.app;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.coap.LoopbackClient;
import org.hearth.protocol.GatewayStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hearth walk-test}: the installer triggers each sensor in turn (walk past the motion
 * sensor, open the door, sit on the mat, pull the cord) and sees, live, which have been seen and
 * which are still waiting. Ends with PASS, or FAIL naming the sensors never seen. Asks the
 * running daemon, so it tests the real wiring, pins and debounce.
 */
@Command(name = "walk-test", mixinStandardHelpOptions = true,
        description = "Check every sensor: trigger each one in turn and watch it appear.")
final class WalkTestCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Mixin
    ConfigOption config;

    @Option(names = "--timeout", defaultValue = "10m", converter = DurationConverter.class,
            description = "Give up after this long (default: ${DEFAULT-VALUE}).")
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
        WalkTest test = new WalkTest(first.at(), first.sensors());
        out.println("Walk test: trigger each sensor in turn. Walk past each motion sensor, open and close each door,");
        out.println("sit on each mat, pull each cord and press each button. Waiting for " + test.waiting().size() + " sensors:");
        test.waiting().forEach(s -> out.println("  waiting  " + s.plain()));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!test.passed() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            try {
                GatewayStatus now = LoopbackClient.status(port);
                for (WalkTest.Sensor s : test.update(now)) {
                    out.println("  seen     " + s.plain() + " at " + TIME.format(test.seen().get(s.id()).atZone(zone))
                            + (test.passed() ? "" : "; still waiting for " + test.waiting().size()));
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
            return org.hearth.gateway.app.config.Durations.parse(value).orElseThrow(() ->
                    new picocli.CommandLine.TypeConversionException("write a duration like 90s or 10m, not '" + value + "'"));
        }
    }
}
