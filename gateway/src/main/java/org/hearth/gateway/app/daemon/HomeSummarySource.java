package org.hearth.gateway.app.daemon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.hearth.gateway.app.config.Version;
import org.hearth.gateway.domain.activity.ResidentStatus;
import org.hearth.protocol.HomeSummary;
import org.hearth.protocol.Protocol;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.health.SensorHealth;
import org.hearth.time.Scheduler;

/**
 * The remote check's summary, from what the gateway already knows and {@code hearth status}
 * shows: each sensor's supervision and last event (a room's last movement is its motion sensors'
 * latest), the latest temperature per room, whether the resident is up, in bed or out, the open alerts, and
 * this gateway's version and start. Nothing else: no event stream, no audio, no transcripts.
 * Call on the event loop only.
 */
final class HomeSummarySource implements Supplier<HomeSummary> {

    private final String home;
    private final Scheduler loop;
    private final Supplier<List<SensorHealth>> sensors;
    private final Supplier<ResidentStatus> resident;
    private final IntSupplier openAlerts;
    private final Instant upSince;
    private final Map<String, Double> temperatures = new HashMap<>();

    HomeSummarySource(String home, Scheduler loop, Supplier<List<SensorHealth>> sensors, Supplier<ResidentStatus> resident,
                      IntSupplier openAlerts) {
        this.home = home;
        this.loop = loop;
        this.sensors = sensors;
        this.resident = resident;
        this.openAlerts = openAlerts;
        this.upSince = loop.now();
    }

    /** A room's latest reading, rounded to a tenth of a degree so the summary changes only when it does. */
    void temperature(String room, double celsius) {
        temperatures.put(room, Math.round(celsius * 10) / 10.0);
    }

    @Override
    public HomeSummary get() {
        List<SensorHealth> health = sensors.get();
        Map<String, Instant> movement = new TreeMap<>();
        for (SensorHealth h : health) {
            if (h.room().isEmpty()) {
                continue;
            }
            movement.putIfAbsent(h.room(), null);
            if (isMovement(h.kind()) && h.lastEvent().isPresent()) {
                movement.merge(h.room(), h.lastEvent().get(), (a, b) -> a == null || b.isAfter(a) ? b : a);
            }
        }
        temperatures.keySet().forEach(room -> movement.putIfAbsent(room, null));
        List<HomeSummary.Room> rooms = new ArrayList<>();
        movement.forEach((room, last) -> rooms.add(new HomeSummary.Room(room, last, temperatures.get(room))));
        return new HomeSummary(Protocol.VERSION, home, loop.now(), rooms, resident(resident.get()),
                health.stream().map(h -> new HomeSummary.Sensor(h.sensorId(), h.room(), h.status().name(), h.reason())).toList(),
                openAlerts.getAsInt(), new HomeSummary.Gateway(Version.current(), upSince));
    }

    private static HomeSummary.Resident resident(ResidentStatus status) {
        HomeSummary.ResidentState state = switch (status.state()) {
            case UP -> HomeSummary.ResidentState.UP;
            case IN_BED -> HomeSummary.ResidentState.IN_BED;
            case OUT -> HomeSummary.ResidentState.OUT;
            case UNKNOWN -> HomeSummary.ResidentState.UNKNOWN;
        };
        return new HomeSummary.Resident(state, status.words(), status.since());
    }

    private static boolean isMovement(String kind) {
        return SensorKind.fromConfigName(kind).map(SensorKind::showsPresence).orElse(false);
    }
}
