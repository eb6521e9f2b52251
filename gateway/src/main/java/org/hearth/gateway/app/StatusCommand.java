package org.hearth.gateway.app;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.coap.LoopbackClient;
import org.hearth.protocol.GatewayStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hearth status}: asks the running daemon how the home and its sensors are. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show every sensor with its status, its last event and why, and any open alerts.")
final class StatusCommand implements Callable<Integer> {

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
        print(status, loaded.config().home().zone());
        return 0;
    }

    static void print(GatewayStatus s, ZoneId zone) {
        System.out.println("Hearth at " + s.home() + ", " + WHEN.format(s.at().atZone(zone)));
        System.out.println();
        System.out.println("Sensors:");
        for (GatewayStatus.SensorStatus sensor : s.sensors()) {
            String last = sensor.lastEvent() == null ? "no event yet" : "last event " + WHEN.format(sensor.lastEvent().atZone(zone));
            String status = sensor.reason().isEmpty() ? sensor.status() : sensor.status() + " (" + sensor.reason() + ")";
            System.out.printf("  %-18s %-14s %-14s %-40s %s%n", sensor.id(), sensor.room(), sensor.kind(), status, last);
        }
        System.out.println();
        if (s.openAlerts().isEmpty()) {
            System.out.println("Open alerts: none");
        } else {
            System.out.println("Open alerts:");
            s.openAlerts().forEach(a -> System.out.printf("  %s  %s in the %s since %s, %s, level %d%n",
                    a.id().toString().substring(0, 8), a.kind().name().toLowerCase(java.util.Locale.ROOT), a.room(),
                    WHEN.format(a.raisedAt().atZone(zone)), a.state(), a.level()));
        }
        System.out.println("Messages waiting to be sent to carers: " + s.queued());
        if (s.carersUnreachableSince() != null) {
            System.out.println("CARERS UNREACHABLE since " + WHEN.format(s.carersUnreachableSince().atZone(zone))
                    + ": no carer's device answers. Messages are kept and sent as soon as one does.");
        }
    }
}
