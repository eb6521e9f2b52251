package org.hearth.gateway.app;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.GatewayStatus;
import org.hearth.sensors.health.HealthStatus;
import org.hearth.sensors.health.SupervisedSensor;

/**
 * The installer's walk test, as state: which sensors have reported since the test began, and
 * when. A digital sensor counts as seen when it has an event after the start; an I2C sensor
 * when it is reporting again after the start. A presence radar answers its heartbeat all the
 * time, so it counts as seen only when it sees someone moving (the installer walking past) while
 * it works. Fed with successive {@code /status} snapshots, which also show a real alert for help
 * raised during the test.
 */
final class WalkTest {

    /** A sensor the test waits for. */
    record Sensor(String id, String room, String kind) {
        String plain() {
            return (radar() ? "presence radar" : kind.replace('_', ' ')) + " in the " + room + " (" + id + ")";
        }

        /** What the screen says when it is seen: "the living-room radar sees you (radar-living)". */
        String seenWords() {
            return radar() ? "the " + room.replace(' ', '-') + " radar sees you (" + id + ")" : plain();
        }

        boolean radar() {
            return kind.equals(SupervisedSensor.RADAR_KIND);
        }
    }

    private final Instant start;
    /** Alerts already open when the test began, and real ones already shown. */
    private final java.util.Set<java.util.UUID> known = new java.util.HashSet<>();
    private final Map<String, Sensor> waiting = new LinkedHashMap<>();
    private final Map<String, Instant> seen = new LinkedHashMap<>();
    private final Map<String, Sensor> all = new LinkedHashMap<>();

    WalkTest(GatewayStatus first) {
        this(first.at(), first.sensors());
        first.openAlerts().forEach(a -> known.add(a.id()));
    }

    WalkTest(Instant start, List<GatewayStatus.SensorStatus> sensors) {
        this.start = start;
        for (GatewayStatus.SensorStatus s : sensors) {
            Sensor sensor = new Sensor(s.id(), s.room(), s.kind());
            waiting.put(s.id(), sensor);
            all.put(s.id(), sensor);
        }
    }

    /** Takes a new snapshot; returns the sensors seen for the first time in it. */
    List<Sensor> update(GatewayStatus status) {
        List<Sensor> fresh = new java.util.ArrayList<>();
        for (GatewayStatus.SensorStatus s : status.sensors()) {
            Sensor sensor = waiting.get(s.id());
            if (sensor == null) {
                continue;
            }
            Instant at = sensor.radar() ? seesSomeoneMoving(s, status) : reportedSinceStart(s);
            if (at != null) {
                fresh.add(waiting.remove(s.id()));
                seen.put(s.id(), at);
            }
        }
        return fresh;
    }

    private Instant reportedSinceStart(GatewayStatus.SensorStatus s) {
        return s.lastEvent() != null && !s.lastEvent().isBefore(start) ? s.lastEvent() : null;
    }

    /** When the working radar saw someone moving, as of this snapshot; null if it sees no one moving. */
    private static Instant seesSomeoneMoving(GatewayStatus.SensorStatus s, GatewayStatus status) {
        if (!s.status().equals(HealthStatus.ONLINE.name())) {
            return null;
        }
        return status.presence().stream()
                .filter(p -> p.sensorId().equals(s.id()) && p.seen() == GatewayStatus.Seen.MOVING)
                .map(p -> status.at()).findFirst().orElse(null);
    }

    /**
     * Alerts for help opened since the test began, each returned once: during walk-test mode
     * only a cord or help button held down raises one, so it is a real call for help.
     */
    List<GatewayStatus.OpenAlert> realAlerts(GatewayStatus status) {
        return status.openAlerts().stream()
                .filter(a -> a.kind() == AlertKind.HELP || a.kind() == AlertKind.FALL)
                .filter(a -> known.add(a.id()))
                .toList();
    }

    boolean passed() {
        return waiting.isEmpty();
    }

    List<Sensor> waiting() {
        return List.copyOf(waiting.values());
    }

    Map<String, Instant> seen() {
        return Map.copyOf(seen);
    }

    Sensor sensor(String id) {
        return all.get(id);
    }
}
