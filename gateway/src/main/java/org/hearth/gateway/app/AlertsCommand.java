package org.hearth.gateway.app;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AuditEntry;
import org.hearth.gateway.store.SqliteAlertStore;
import org.hearth.gateway.store.SqliteDatabase;
import org.hearth.gateway.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hearth alerts}: open and recent alerts, each with its full audit trail, read from the store. */
@Command(name = "alerts", mixinStandardHelpOptions = true, description = "List open and recent alerts with their history.")
final class AlertsCommand implements Callable<Integer> {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Mixin
    ConfigOption config;

    @Option(names = {"-n", "--last"}, defaultValue = "20", description = "How many recent alerts to show (default: ${DEFAULT-VALUE}).")
    int last;

    @Override
    public Integer call() {
        ConfigLoader.Loaded loaded = config.load();
        ZoneId zone = loaded.config().home().zone();
        try (SqliteDatabase db = SqliteDatabase.openReadOnly(loaded.config().storage().database())) {
            SqliteAlertStore store = new SqliteAlertStore(db);
            List<Alert> recent = store.recent(last);
            if (recent.isEmpty()) {
                System.out.println("No alerts yet.");
                return 0;
            }
            for (Alert a : recent) {
                System.out.printf("%s  %s%s%s, %s, %s%n", a.id(), a.test() ? "TEST " : "",
                        a.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        a.room().isEmpty() ? "" : " in the " + a.room(), DAY.format(a.createdAt().atZone(zone)), a.state());
                System.out.println("    " + a.message());
                for (AuditEntry e : store.history(a.id())) {
                    System.out.printf("    %s  %-12s %s%n", TIME.format(e.at().atZone(zone)), e.state(), e.detail());
                }
            }
            return 0;
        } catch (StoreException e) {
            System.err.println("hearth: " + e.getMessage());
            return 1;
        }
    }
}
