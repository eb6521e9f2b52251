package org.hearth.carer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.hearth.protocol.Alert;
import org.hearth.protocol.Heartbeat;
import org.hearth.time.RealTimeScheduler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hearth-carer}: the carer's command line. */
@Command(name = "hearth-carer", mixinStandardHelpOptions = true, version = "hearth-carer 0.1.0",
        description = "Receives alerts from a Hearth gateway and lets you say you are on your way.",
        subcommands = {CarerMain.Listen.class})
public final class CarerMain implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new CarerMain()).execute(args));
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    @Command(name = "listen", mixinStandardHelpOptions = true,
            description = "Listen for alerts and heartbeats. Press Enter to acknowledge the newest alert.")
    static final class Listen implements java.util.concurrent.Callable<Integer> {

        private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

        @Option(names = "--name", required = true, description = "Your name, as the resident will hear it.")
        String name;

        @Option(names = "--identity", required = true, description = "Your PSK identity from pairing.")
        String identity;

        @Option(names = "--key-file", required = true, description = "File holding your 16-byte key in hex (mode 0600).")
        Path keyFile;

        @Option(names = "--gateway", required = true, description = "The gateway, for example coaps://192.168.1.20:5684.")
        URI gateway;

        @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
        String bind;

        @Option(names = "--port", defaultValue = "5684", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--auto-ack", converter = ShortDuration.class, description = "Acknowledge every alert by itself after this long, e.g. 2s (for demos and tests).")
        Duration autoAck;

        @Option(names = "--note", defaultValue = "on my way", description = "What the resident hears with your acknowledgement.")
        String note;

        @Option(names = "--missed-heartbeats", defaultValue = "3", description = "Alarm after this many missed heartbeats (default: ${DEFAULT-VALUE}).")
        int missedHeartbeats;

        private final PrintStream out = System.out;
        private final Deque<Alert> waiting = new ConcurrentLinkedDeque<>();

        @Override
        public Integer call() throws Exception {
            byte[] key;
            try {
                key = HexFormat.of().parseHex(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("hearth-carer: cannot read your key from " + keyFile + ": it must hold 32 hex digits");
                return 2;
            }
            if (!"coaps".equals(gateway.getScheme()) || gateway.getHost() == null) {
                System.err.println("hearth-carer: --gateway must look like coaps://HOST:PORT");
                return 2;
            }
            ZoneId zone = ZoneId.systemDefault();
            try (RealTimeScheduler loop = RealTimeScheduler.create("carer-loop", zone)) {
                HeartbeatWatch watch = new HeartbeatWatch(loop, missedHeartbeats, new HeartbeatWatch.Alarm() {
                    @Override
                    public void silent(String home, Instant lastHeard, int missed) {
                        say("GATEWAY SILENT: no heartbeat from " + home + " since " + HH_MM.format(lastHeard.atZone(zone))
                                + " (" + missed + " missed). The device may have lost power or broadband. Please check on them.");
                    }

                    @Override
                    public void back(String home, Instant at) {
                        say("GATEWAY BACK: " + home + " is talking again at " + HH_MM.format(at.atZone(zone)) + ".");
                    }
                });
                CarerEndpoint[] self = new CarerEndpoint[1];
                CarerListener listener = new CarerListener() {
                    @Override
                    public void onAlert(Alert alert) {
                        loop.execute(() -> shown(alert, zone, loop, self[0]));
                    }

                    @Override
                    public void onHeartbeat(Heartbeat heartbeat) {
                        loop.execute(() -> {
                            if (Heartbeat.STOPPING.equals(heartbeat.state())) {
                                say("Gateway " + heartbeat.home() + " is shutting down in an orderly way.");
                            }
                            watch.heard(heartbeat);
                        });
                    }
                };
                try (CarerEndpoint endpoint = CarerEndpoint.start(new InetSocketAddress(bind, port), gateway, name, identity,
                        key, loop.clock(), listener)) {
                    self[0] = endpoint;
                    say("LISTENING as " + name + " on " + endpoint.address().getAddress().getHostAddress() + ":"
                            + endpoint.address().getPort() + " for gateway " + gateway.getHost() + ":" + gateway.getPort());
                    CountDownLatch stop = new CountDownLatch(1);
                    Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "carer-stop"));
                    Thread keys = new Thread(() -> readAcknowledgements(endpoint, stop), "carer-keys");
                    keys.setDaemon(true);
                    keys.start();
                    stop.await();
                }
            }
            return 0;
        }

        private void shown(Alert alert, ZoneId zone, RealTimeScheduler loop, CarerEndpoint endpoint) {
            String when = HH_MM.format(alert.raisedAt().atZone(zone));
            String where = alert.room().isEmpty() ? "" : " in the " + alert.room();
            say((alert.test() ? "TEST ALERT (no action needed) " : "ALERT ") + alert.severity().name().toLowerCase(Locale.ROOT)
                    + ": " + describe(alert) + where + " at " + alert.home() + ", " + when + ". " + alert.message()
                    + " [id " + alert.id() + ", level " + alert.level() + "]");
            if (autoAck != null) {
                loop.schedule(autoAck, () -> ack(endpoint, alert.id()));
            } else {
                waiting.push(alert);
                say("Press Enter to tell " + alert.home() + " you are on your way.");
            }
        }

        private static String describe(Alert alert) {
            return switch (alert.kind()) {
                case FALL -> "possible fall";
                case LONG_LIE -> "not moving for a long time";
                case INACTIVITY -> "unusually quiet";
                case HELP -> "help requested";
                case ENVIRONMENT -> "home too cold or too hot";
                case SENSOR_HEALTH -> "a sensor needs attention";
                case GATEWAY_HEALTH -> "the Hearth device needs attention";
            };
        }

        private void readAcknowledgements(CarerEndpoint endpoint, CountDownLatch stop) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                while (in.readLine() != null) {
                    Alert newest = waiting.poll();
                    if (newest == null) {
                        say("Nothing is waiting for you.");
                    } else {
                        ack(endpoint, newest.id());
                    }
                }
            } catch (IOException e) {
                stop.countDown();
            }
        }

        private void ack(CarerEndpoint endpoint, UUID id) {
            endpoint.acknowledge(id, note).whenComplete((ok, error) -> say(Boolean.TRUE.equals(ok)
                    ? "ACKNOWLEDGED " + id + ": the gateway knows you are on your way."
                    : "NOT ACKNOWLEDGED " + id + ": the gateway did not answer. Try again, or phone."));
        }

        private synchronized void say(String line) {
            out.println(line);
            out.flush();
        }
    }


    /** Reads durations as people write them: 500ms, 2s, 5m. */
    static final class ShortDuration implements CommandLine.ITypeConverter<Duration> {
        private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("(\\d{1,9})(ms|s|m)");

        @Override
        public Duration convert(String value) {
            var m = FORM.matcher(value.strip());
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("write a duration like 500ms, 2s or 5m, not '" + value + "'");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMinutes(n);
            };
        }
    }
}
