package org.hearth.gateway.app;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.coap.LoopbackClient;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AuditEntry;
import org.hearth.gateway.store.SqliteAlertStore;
import org.hearth.gateway.store.SqliteDatabase;
import org.hearth.gateway.store.StoreException;
import org.hearth.protocol.GatewayStatus;
import org.hearth.sensors.health.HealthStatus;
import org.hearth.sensors.health.SupervisedSensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hearth status}: asks the running daemon how the home and its sensors are. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show every sensor with its status, its last event and why, and any open alerts.")
public final class StatusCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm");

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() {
        ConfigLoader.Loaded loaded = config.load();
        int port = loaded.config().coap().loopbackPort();
        if (port < 0) {
            System.err.println("hearth: coap.loopback_port is off in " + config + ", so local commands cannot ask the daemon.");
            return 1;
        }
        GatewayStatus status;
        try {
            status = LoopbackClient.status(port);
        } catch (IOException e) {
            System.err.println("hearth: " + e.getMessage());
            return 1;
        }
        print(status, loaded.config().home().zone(), fromStore(loaded.config(), status.openAlerts()));
        return 0;
    }

    /**
     * What the status the daemon answers does not say about its open alerts: which are an
     * installer's TEST alerts, and which carers' own devices received each (receipts through the
     * hub), and the next level of each one's escalation (its latest entry's). Read from the store,
     * read-only; when it cannot be read, none is shown.
     */
    record FromStore(Set<UUID> tests, Map<UUID, List<AuditEntry>> received, Map<UUID, AuditEntry.NextLevel> next) {
        static final FromStore NOTHING = new FromStore(Set.of(), Map.of());

        FromStore(Set<UUID> tests, Map<UUID, List<AuditEntry>> received) {
            this(tests, received, Map.of());
        }
    }

    private static FromStore fromStore(HearthConfig cfg, List<GatewayStatus.OpenAlert> open) {
        if (open.isEmpty()) {
            return FromStore.NOTHING;
        }
        try (SqliteDatabase db = SqliteDatabase.openReadOnly(cfg.storage().database())) {
            SqliteAlertStore store = new SqliteAlertStore(db);
            Set<UUID> tests = open.stream().map(GatewayStatus.OpenAlert::id)
                    .filter(id -> store.find(id).map(Alert::test).orElse(false)).collect(Collectors.toSet());
            Map<UUID, List<AuditEntry>> histories = open.stream().collect(Collectors.toMap(GatewayStatus.OpenAlert::id,
                    a -> store.history(a.id())));
            Map<UUID, List<AuditEntry>> received = new java.util.HashMap<>();
            Map<UUID, AuditEntry.NextLevel> next = new java.util.HashMap<>();
            histories.forEach((id, history) -> {
                received.put(id, history.stream().filter(e -> e.event() == AuditEntry.Event.RECEIVED_ON_DEVICE).toList());
                if (!history.isEmpty() && history.get(history.size() - 1).next() != null) {
                    next.put(id, history.get(history.size() - 1).next());
                }
            });
            return new FromStore(tests, received, next);
        } catch (StoreException e) {
            return FromStore.NOTHING;
        }
    }

    static void print(GatewayStatus s, ZoneId zone, FromStore known) {
        System.out.println("Hearth at " + s.home() + ", " + WHEN.format(s.at().atZone(zone)));
        System.out.println();
        System.out.println("Sensors:");
        for (GatewayStatus.SensorStatus sensor : s.sensors()) {
            String last = sensor.lastEvent() == null ? "no event yet" : "last event " + WHEN.format(sensor.lastEvent().atZone(zone));
            String status = sensor.reason().isEmpty() ? sensor.status() : sensor.status() + " (" + sensor.reason() + ")";
            System.out.printf("  %-18s %-14s %-14s %-40s %s%n", sensor.id(), sensor.room(), sensor.kind(), status, last);
            if (sensor.kind().equals(SupervisedSensor.RADAR_KIND)) {
                System.out.println("  " + " ".repeat(18) + " sees: " + radarSees(sensor, s.presence().stream()
                        .filter(p -> p.sensorId().equals(sensor.id())).findFirst().orElse(null), zone));
            }
        }
        System.out.println();
        if (s.openAlerts().isEmpty()) {
            System.out.println("Open alerts: none");
        } else {
            System.out.println("Open alerts:");
            for (GatewayStatus.OpenAlert a : s.openAlerts()) {
                System.out.printf("  %s  %s since %s, %s, level %d%n", a.id().toString().substring(0, 8),
                        what(a, known.tests().contains(a.id())), WHEN.format(a.raisedAt().atZone(zone)), a.state(), a.level());
                known.received().getOrDefault(a.id(), List.of()).forEach(r -> System.out.printf("            %s at %s%n",
                        r.detail(), WHEN.format(r.at().atZone(zone))));
                AuditEntry.NextLevel next = known.next().get(a.id());
                if (next != null) {
                    System.out.printf("            level %d (%s) will be told at %s unless someone acknowledges%n", next.level(),
                            next.who(), WHEN.format(next.at().atZone(zone)));
                }
            }
        }
        System.out.println("Messages waiting to be sent to carers: " + s.queued());
        if (s.carersUnreachableSince() != null) {
            System.out.println("CARERS UNREACHABLE since " + WHEN.format(s.carersUnreachableSince().atZone(zone))
                    + ": no carer's device answers. Messages are kept and sent as soon as one does.");
        }
    }

    /**
     * What a presence radar sees, in words for the installer or a carer: someone moving, someone
     * keeping still (breathing is all the radar sees), nobody, or that the module has gone quiet
     * and what it last saw may be out of date.
     */
    public static String radarSees(GatewayStatus.SensorStatus radar, GatewayStatus.RadarPresence seen, ZoneId zone) {
        if (radar.status().equals(HealthStatus.OFFLINE.name())) {
            return "nothing: the radar cannot be read (see why above)";
        }
        String now = seen == null ? "nothing reported yet"
                : switch (seen.seen()) {
                    case NOBODY -> "nobody in the " + radar.room() + " since " + WHEN.format(seen.since().atZone(zone));
                    case STILL -> "someone in the " + radar.room() + ", keeping still (it sees them breathing), since "
                            + WHEN.format(seen.since().atZone(zone));
                    case MOVING -> "someone moving in the " + radar.room() + ", since " + WHEN.format(seen.since().atZone(zone));
                };
        return radar.status().equals(HealthStatus.SUSPECT.name()) ? "the radar module has gone silent, so this may be out of date: " + now : now;
    }

    /** "fall in the bedroom", "help" when no room is known, "TEST alert (no action needed)" for a test. */
    private static String what(GatewayStatus.OpenAlert a, boolean test) {
        if (test) {
            return "TEST alert (from hearth test-alert; no action needed)";
        }
        String kind = a.kind().name().toLowerCase(Locale.ROOT);
        return a.room() == null || a.room().isBlank() ? kind : kind + " in the " + a.room();
    }
}
