package org.hearth.carer.cli;

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
import org.hearth.carer.CarerEndpoint;
import org.hearth.carer.CarerListener;
import org.hearth.carer.CarerSettings;
import org.hearth.carer.HeartbeatWatch;
import org.hearth.carer.Journal;
import org.hearth.carer.ResolveAnswer;
import org.hearth.carer.Waiting;
import org.hearth.protocol.Alert;
import org.hearth.protocol.Heartbeat;
import org.hearth.time.RealTimeScheduler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hearth-carer}: the carer's command line. */
@Command(name = "hearth-carer", mixinStandardHelpOptions = true, version = "hearth-carer 0.1.0",
        description = "Receives alerts from a Hearth gateway and lets you say you are on your way.",
        subcommands = {CarerMain.Listen.class, CarerMain.Enroll.class, CarerMain.Resolve.class})
public final class CarerMain implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new CarerMain()).execute(args));
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    @Command(name = "enroll", mixinStandardHelpOptions = true,
            description = {"Store the pairing from the QR code `hearth pair` showed, so `hearth-carer listen` needs no arguments.",
                "Give the code's text (from a phone's camera app) or a picture of it."})
    static final class Enroll implements java.util.concurrent.Callable<Integer> {

        @CommandLine.ArgGroup(multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--qr", paramLabel = "TEXT", description = "The QR code's text, starting hearth:pair?")
            String text;

            @Option(names = "--png", paramLabel = "FILE", description = "A picture of the QR code (PNG or JPEG).")
            Path picture;
        }

        @Option(names = "--config", paramLabel = "FILE", description = "Where to store your settings (default: ~/.config/hearth-carer/carer.properties).")
        Path config;

        @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
        String bind;

        @Option(names = "--port", defaultValue = "5684", description = "Port to listen on, as given to hearth pair --endpoint (default: ${DEFAULT-VALUE}).")
        int port;

        @Override
        public Integer call() {
            Path file = config != null ? config : CarerSettings.defaultFile();
            org.hearth.protocol.PairingCode code;
            try {
                String text = source.text != null ? source.text : QrImage.read(source.picture);
                code = org.hearth.protocol.PairingCode.parse(text);
            } catch (IOException | org.hearth.protocol.ProtocolException e) {
                System.err.println("hearth-carer: " + e.getMessage());
                return 2;
            }
            try {
                new CarerSettings(code, bind, port).write(file);
            } catch (IOException e) {
                System.err.println("hearth-carer: cannot write your settings to " + file + ": " + e.getMessage());
                return 1;
            }
            System.out.println("ENROLLED as " + code.name() + " (identity " + code.identity() + ") for the gateway at "
                    + code.gateway() + ".");
            System.out.println("Your settings and key are in " + file + " (mode 0600). Now run: hearth-carer listen");
            return 0;
        }
    }

    @Command(name = "listen", mixinStandardHelpOptions = true,
            description = {"Listen for alerts and heartbeats. Press Enter to answer the alert waiting, or type its number when several are.",
                "Once you have dealt with an alert, type resolve, its number and how it ended, e.g. resolve 1 helped_up Sat her in the chair.",
                "With no arguments it uses the settings `hearth-carer enroll` stored."})
    static final class Listen implements java.util.concurrent.Callable<Integer> {

        private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

        @Option(names = "--config", paramLabel = "FILE", description = "Settings from enroll (default: ~/.config/hearth-carer/carer.properties).")
        Path config;

        @Option(names = "--name", description = "Your name, as the resident will hear it.")
        String name;

        @Option(names = "--identity", description = "Your PSK identity from pairing.")
        String identity;

        @Option(names = "--key-file", description = "File holding your 16-byte key in hex (mode 0600).")
        Path keyFile;

        @Option(names = "--gateway", description = "The gateway, for example coaps://192.168.1.20:5684.")
        URI gateway;

        @Option(names = "--bind", description = "Address to listen on (default: from enroll, or 0.0.0.0).")
        String bind;

        @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default: from enroll, or 5684).")
        Integer port;

        @Option(names = "--auto-ack", converter = ShortDuration.class, description = "Acknowledge every alert by itself after this long, e.g. 2s (for demos and tests).")
        Duration autoAck;

        @Option(names = "--note", defaultValue = "on my way", description = "What the resident hears with your acknowledgement.")
        String note;

        @Option(names = "--missed-heartbeats", defaultValue = "3", description = "Alarm after this many missed heartbeats (default: ${DEFAULT-VALUE}).")
        int missedHeartbeats;

        @Option(names = "--expect-heartbeat", defaultValue = "60s", converter = ShortDuration.class,
                description = "The heartbeat interval to expect until the gateway's first heartbeat tells the real one (default: ${DEFAULT-VALUE}).")
        Duration expectHeartbeat;

        @Option(names = "--journal", paramLabel = "FILE",
                description = "Record every alert received in FILE, one JSON line each, and never show one twice, even after this program restarts.")
        Path journalFile;

        private final PrintStream out = System.out;
        private final Waiting waiting = new Waiting();

        @Override
        public Integer call() throws Exception {
            byte[] key;
            boolean anyGiven = name != null || identity != null || keyFile != null || gateway != null;
            boolean allGiven = name != null && identity != null && keyFile != null && gateway != null;
            if (anyGiven && !allGiven) {
                System.err.println("hearth-carer: give all of --name, --identity, --key-file and --gateway, or none of them"
                        + " to use the settings from hearth-carer enroll");
                return 2;
            }
            if (allGiven) {
                try {
                    key = HexFormat.of().parseHex(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
                } catch (IOException | IllegalArgumentException e) {
                    System.err.println("hearth-carer: cannot read your key from " + keyFile + ": it must hold 32 hex digits");
                    return 2;
                }
                bind = bind == null ? "0.0.0.0" : bind;
                port = port == null ? org.hearth.protocol.Protocol.COAPS_PORT : port;
            } else {
                CarerSettings settings;
                try {
                    settings = CarerSettings.read(config != null ? config : CarerSettings.defaultFile());
                } catch (IOException e) {
                    System.err.println("hearth-carer: " + e.getMessage());
                    return 2;
                }
                name = settings.pairing().name();
                identity = settings.pairing().identity();
                key = settings.pairing().key();
                gateway = settings.pairing().gateway();
                bind = bind == null ? settings.bind() : bind;
                port = port == null ? settings.port() : port;
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
                String gatewayName = "the gateway at " + gateway.getHost();
                loop.execute(() -> watch.expect(gatewayName, expectHeartbeat));
                Journal journal;
                try {
                    journal = journalFile == null ? Journal.NONE : Journal.open(journalFile);
                } catch (IOException e) {
                    System.err.println("hearth-carer: cannot open the journal " + journalFile + ": " + e.getMessage());
                    return 2;
                }
                CarerEndpoint[] self = new CarerEndpoint[1];
                CarerListener listener = new CarerListener() {
                    @Override
                    public void onAlert(Alert alert) {
                        journal.received(alert);
                        loop.execute(() -> shown(alert, zone, loop, self[0]));
                    }

                    @Override
                    public void onOpenAlerts(org.hearth.protocol.OpenAlerts open) {
                        loop.execute(() -> waitingSinceStart(open, zone, loop, self[0]));
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
                        key, loop.clock(), listener, journal.ids())) {
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
            waitFor(waiting.add(alert.id(), alert.kind(), alert.test(), describe(alert) + where + " at " + when, alert.home()),
                    loop, endpoint);
        }

        /** Alerts raised to carers that nobody has acknowledged, as the gateway listed them at start. */
        private void waitingSinceStart(org.hearth.protocol.OpenAlerts open, ZoneId zone, RealTimeScheduler loop,
                                       CarerEndpoint endpoint) {
            for (org.hearth.protocol.GatewayStatus.OpenAlert a : open.alerts()) {
                if (!"RAISED".equals(a.state()) && !"DELIVERED".equals(a.state())) {
                    continue;
                }
                say("STILL OPEN: " + describe(a.kind()) + (a.room().isEmpty() ? "" : " in the " + a.room()) + " at "
                        + open.home() + ", since " + HH_MM.format(a.raisedAt().atZone(zone))
                        + ". Nobody has said they are on their way. [id " + a.id() + "]");
                waitFor(waiting.add(a.id(), a.kind(), false, describe(a.kind()) + (a.room().isEmpty() ? "" : " in the " + a.room())
                        + " since " + HH_MM.format(a.raisedAt().atZone(zone)), open.home()), loop, endpoint);
            }
        }

        private void waitFor(Waiting.Entry entry, RealTimeScheduler loop, CarerEndpoint endpoint) {
            if (!waiting.awaitsAnswer(entry)) {
                return; // already acknowledged: a listing of open alerts that crossed the acknowledgement
            }
            if (autoAck != null) {
                loop.schedule(autoAck, () -> {
                    if (waiting.choose(Integer.toString(entry.number())) instanceof Waiting.Choice.Answer a) {
                        ack(endpoint, a.entry());
                    }
                });
            } else {
                say(entry.prompt());
            }
        }

        private static String describe(Alert alert) {
            return describe(alert.kind());
        }

        private static String describe(org.hearth.protocol.AlertKind kind) {
            return switch (kind) {
                case FALL -> "possible fall";
                case LONG_LIE -> "not moving for a long time";
                case INACTIVITY -> "unusually quiet";
                case HELP -> "help requested";
                case ENVIRONMENT -> "home too cold or too hot";
                case SENSOR_HEALTH -> "a sensor needs attention";
                case GATEWAY_HEALTH -> "the Hearth device needs attention";
                case CALL_REQUEST -> "please phone them";
                case REMINDER_MISSED -> "a daily reminder was not marked done";
            };
        }

        private void readAcknowledgements(CarerEndpoint endpoint, CountDownLatch stop) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    var typed = ResolveCommand.parse(line);
                    if (typed.isPresent()) {
                        resolve(endpoint, typed.get());
                        continue;
                    }
                    Waiting.Choice choice = waiting.choose(line);
                    if (choice instanceof Waiting.Choice.Answer a) {
                        ack(endpoint, a.entry());
                    } else if (choice instanceof Waiting.Choice.Which w) {
                        say("Several alerts are waiting. Type the number of the one you are answering, then Enter:");
                        w.entries().forEach(e -> say("  " + e.number() + ": " + e.summary() + " at " + e.home()));
                    } else if (choice instanceof Waiting.Choice.Unknown u) {
                        say("No alert is waiting under '" + u.typed() + "'.");
                    } else {
                        say("Nothing is waiting for you.");
                    }
                }
            } catch (IOException e) {
                stop.countDown();
            }
        }

        private void ack(CarerEndpoint endpoint, Waiting.Entry entry) {
            endpoint.acknowledge(entry.id(), entry.note(note)).whenComplete((ok, error) -> {
                if (Boolean.TRUE.equals(ok)) {
                    say("ACKNOWLEDGED " + entry.id() + ": " + entry.told());
                    if (!entry.test()) {
                        say(ResolveCommand.prompt(entry.number()));
                    }
                } else {
                    waiting.restore(entry);
                    say("NOT ACKNOWLEDGED " + entry.id() + ": the gateway did not take it. " + entry.prompt()
                            + " Or phone " + entry.home() + ".");
                }
            });
        }

        /** The carer typed {@code resolve N OUTCOME [note]}. */
        private void resolve(CarerEndpoint endpoint, ResolveCommand.Typed typed) {
            if (typed instanceof ResolveCommand.Typed.Mistake m) {
                say(m.words());
                return;
            }
            var command = (ResolveCommand.Typed.Resolve) typed;
            var chosen = waiting.byNumber(command.number());
            if (chosen.isEmpty()) {
                say("No alert is open under " + command.number() + ". Use the number shown in [brackets].");
                return;
            }
            Waiting.Entry entry = chosen.get();
            endpoint.resolve(entry.id(), command.outcome(), command.note()).whenComplete((answer, error) -> {
                if (answer == ResolveAnswer.CLOSED) {
                    waiting.closed(entry);
                    say("CLOSED " + entry.id() + " (" + command.outcome().words() + "): " + answer.words());
                } else {
                    say("NOT CLOSED " + entry.id() + ": " + (answer == null ? ResolveAnswer.NO_ANSWER : answer).words()
                            + " Type it again to retry, or phone " + entry.home() + ".");
                }
            });
        }

        private synchronized void say(String line) {
            out.println(line);
            out.flush();
        }
    }


    @Command(name = "resolve", mixinStandardHelpOptions = true,
            description = {"Close an alert you have dealt with, saying how it ended; the outcome goes into the home's record.",
                "Uses the settings `hearth-carer enroll` stored. Outcomes: resident_fine, helped_up, ambulance_called, false_alarm, other."})
    static final class Resolve implements java.util.concurrent.Callable<Integer> {

        @Option(names = "--id", required = true, paramLabel = "ID", description = "The alert's id, as shown in [id …].")
        UUID id;

        @Option(names = "--outcome", required = true, converter = OutcomeConverter.class, paramLabel = "OUTCOME",
                description = "How it ended: resident_fine, helped_up, ambulance_called, false_alarm or other.")
        org.hearth.protocol.Down.Outcome outcome;

        @Option(names = "--note", defaultValue = "", description = "A few words for the record, e.g. \"Sat her in the chair\".")
        String note;

        @Option(names = "--config", paramLabel = "FILE", description = "Settings from enroll (default: ~/.config/hearth-carer/carer.properties).")
        Path config;

        @Override
        public Integer call() throws Exception {
            CarerSettings settings;
            try {
                settings = CarerSettings.read(config != null ? config : CarerSettings.defaultFile());
            } catch (IOException e) {
                System.err.println("hearth-carer: " + e.getMessage());
                return 2;
            }
            var pairing = settings.pairing();
            // A port of its own, so a `listen` running on this device keeps its port.
            try (CarerEndpoint endpoint = CarerEndpoint.start(new InetSocketAddress(settings.bind(), 0), pairing.gateway(),
                    pairing.name(), pairing.identity(), pairing.key(), java.time.Clock.systemUTC(), CarerListener.NONE)) {
                ResolveAnswer answer = endpoint.resolve(id, outcome, note).toCompletableFuture().get();
                if (answer == ResolveAnswer.CLOSED) {
                    System.out.println("CLOSED " + id + " (" + outcome.words() + "): " + answer.words());
                    return 0;
                }
                System.out.println("NOT CLOSED " + id + ": " + answer.words());
                return 1;
            }
        }
    }

    /** Reads an outcome as people type it, naming the five when it is none of them. */
    static final class OutcomeConverter implements CommandLine.ITypeConverter<org.hearth.protocol.Down.Outcome> {
        @Override
        public org.hearth.protocol.Down.Outcome convert(String value) {
            return ResolveCommand.outcome(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not an outcome. " + ResolveCommand.choices()));
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
