package org.hearth.gateway.app.provision;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.hearth.gateway.app.ConfigOption;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.coap.LocalToken;
import org.hearth.gateway.coap.LoopbackClient;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AlertMachine;
import org.hearth.gateway.domain.AuditEntry;
import org.hearth.gateway.store.SqliteAlertStore;
import org.hearth.gateway.store.SqliteDatabase;
import org.hearth.gateway.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hearth test-alert}: the installer's proof that every carer is really reached. The
 * running daemon sends a clearly marked TEST alert through the real path (outbox, CoAP/DTLS, the
 * carer's device) to every carer at every level at once; this command follows the alert's audit
 * trail in the store and reports, per carer, when it was delivered and when acknowledged.
 */
@Command(name = "test-alert", mixinStandardHelpOptions = true,
        description = "Send a TEST alert to every carer and report who received and acknowledged it.")
public final class TestAlertCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--wait", defaultValue = "5m", converter = WalkTestCommand.DurationConverter.class,
            description = "How long carers have to acknowledge (default: ${DEFAULT-VALUE}).")
    Duration wait;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws InterruptedException {
        ConfigLoader.Loaded loaded = config.load();
        HearthConfig cfg = loaded.config();
        List<HearthConfig.CarerEntry> carers = cfg.carers().stream()
                .filter(c -> loaded.secrets().forCarer(c.name()).isPresent()).toList();
        if (carers.isEmpty()) {
            out.println("No carer is paired yet, so there is nobody to test. Pair each carer first: sudo hearth pair --carer NAME");
            return 1;
        }
        int port = cfg.coap().loopbackPort();
        UUID id;
        try {
            id = LoopbackClient.testAlert(port, LocalToken.read(cfg.storage().dataDir()));
        } catch (IOException e) {
            if (LoopbackClient.answers(port)) {
                out.println("Hearth is running, but no test alert was sent: " + e.getMessage());
            } else {
                out.println("Hearth is not running, so no test alert was sent (" + e.getMessage() + ").");
                out.println("Start it first: sudo systemctl start hearth");
            }
            return 1;
        }
        out.println("Sent a TEST alert to " + carers.size() + (carers.size() == 1 ? " carer" : " carers")
                + ". Ask each one to acknowledge it on their device (press Enter in hearth-carer listen).");
        Progress progress = new Progress(carers);
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                for (String line : progress.update(read(cfg, id))) {
                    out.println("  " + line);
                }
            } catch (StoreException e) {
                out.println("Cannot read the alert's history yet (" + e.getMessage() + "); trying again.");
            }
            if (progress.allAcknowledged() || System.nanoTime() >= deadline) {
                break;
            }
            Thread.sleep(250);
        }
        out.println();
        progress.report().forEach(out::println);
        if (progress.allAcknowledged()) {
            out.println("PASS: every carer received the test alert and acknowledged it.");
            return 0;
        }
        out.println(failure(wait, config.file()));
        return 1;
    }

    /** What to check when a carer did not acknowledge: there is no app, only hearth-carer on their device. */
    static String failure(Duration wait, Path configFile) {
        return "FAIL: not every carer acknowledged within "
                + (wait.toSeconds() % 60 == 0 ? wait.toMinutes() + " min" : wait.toSeconds() + " s") + ". For each one"
                + " above who did not, check that their device is on and on the network, that it is running"
                + " `hearth-carer listen` (enrolled from their pairing QR code), and that their endpoint in " + configFile
                + " (carers: endpoint) is that device's address and port; then run the test again.";
    }

    private static Optional<History> read(HearthConfig cfg, UUID id) {
        try (SqliteDatabase db = SqliteDatabase.openReadOnly(cfg.storage().database())) {
            SqliteAlertStore store = new SqliteAlertStore(db);
            return store.find(id).map(alert -> new History(alert, store.history(id)));
        }
    }

    record History(Alert alert, List<AuditEntry> entries) {
    }

    /** What each carer has done with the test alert so far, from its audit trail. */
    static final class Progress {
        private final Map<String, HearthConfig.CarerEntry> carers = new LinkedHashMap<>();
        private final Map<String, Duration> delivered = new LinkedHashMap<>();
        private final Map<String, Duration> acknowledged = new LinkedHashMap<>();

        Progress(List<HearthConfig.CarerEntry> carers) {
            carers.forEach(c -> this.carers.put(c.name(), c));
        }

        /** Takes the latest history; returns a line for each carer's new step. */
        List<String> update(Optional<History> history) {
            List<String> news = new ArrayList<>();
            if (history.isEmpty()) {
                return news;
            }
            Instant sent = history.get().alert().createdAt();
            for (AuditEntry e : history.get().entries()) {
                for (String name : carers.keySet()) {
                    if (e.is(AuditEntry.Event.DELIVERED, name) && !delivered.containsKey(name)) {
                        delivered.put(name, Duration.between(sent, e.at()));
                        news.add(who(name) + ": delivered after " + seconds(delivered.get(name)));
                    } else if ((e.is(AuditEntry.Event.ACKNOWLEDGED, name) || e.is(AuditEntry.Event.ACKNOWLEDGED_AGAIN, name))
                            && !acknowledged.containsKey(name)) {
                        acknowledged.put(name, Duration.between(sent, e.at()));
                        news.add(who(name) + ": acknowledged after " + seconds(acknowledged.get(name)));
                    }
                }
            }
            return news;
        }

        boolean allAcknowledged() {
            return acknowledged.keySet().containsAll(carers.keySet());
        }

        /** One line per carer: delivered and acknowledged, with the round-trip times. */
        List<String> report() {
            List<String> lines = new ArrayList<>();
            for (String name : carers.keySet()) {
                String d = delivered.containsKey(name) ? "delivered in " + seconds(delivered.get(name)) : "NOT delivered";
                String a = acknowledged.containsKey(name) ? "acknowledged in " + seconds(acknowledged.get(name))
                        : "NOT acknowledged";
                lines.add(who(name) + ": " + d + ", " + a);
            }
            return lines;
        }

        private String who(String name) {
            return name + " (level " + carers.get(name).level() + ")";
        }

        private static String seconds(Duration d) {
            return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
    }
}
