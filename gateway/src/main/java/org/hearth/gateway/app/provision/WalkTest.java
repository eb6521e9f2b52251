package org.hearth.gateway.app.provision;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.gateway.domain.WalkTestMode.Trial;
import org.hearth.gateway.domain.WalkTestMode;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.GatewayStatus;
import org.hearth.sensors.health.HealthStatus;
import org.hearth.sensors.health.SupervisedSensor;

/**
 * The installer's walk test, as state: which sensors have reported since the test began, and
 * when. A digital sensor counts as seen when it has an event after the start; an I2C sensor
 * when it is reporting again after the start. A presence radar answers its heartbeat all the
 * time, so it counts as seen only when it sees someone moving (the installer walking past) while
 * it works. A pendant streams all the time too, so it counts as seen only once walk-test mode has
 * heard each thing it can do ({@link WalkTestMode.Heard}, from {@code /local/walk-test/report}): its
 * button pressed and it being shaken, each shown as it comes. Fed with successive {@code /status}
 * snapshots, which also show a real alert for help raised during the test.
 */
final class WalkTest {

    /** The kind a pendant is listed under here, whatever its device family. */
    static final String PENDANT = "pendant";

    /** A sensor the test waits for. */
    record Sensor(String id, String room, String kind) {
        String plain() {
            if (kind.equals(PENDANT)) {
                return "pendant (" + id + "): press its button and shake it";
            }
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

    /** Something seen: {@code sensor} proved {@code words} at {@code at}; {@code done} when nothing more of it is awaited. */
    record Seen(Sensor sensor, String words, Instant at, boolean done) {
    }

    private final Instant start;
    /** Alerts already open when the test began, and real ones already shown. */
    private final java.util.Set<java.util.UUID> known = new java.util.HashSet<>();
    private final Map<String, Sensor> waiting = new LinkedHashMap<>();
    private final Map<String, Instant> seen = new LinkedHashMap<>();
    private final Map<String, Sensor> all = new LinkedHashMap<>();
    /** Each pendant's trials still awaited, by id. */
    private final Map<String, Set<Trial>> pendants = new LinkedHashMap<>();

    WalkTest(GatewayStatus first) {
        this(first, Map.of());
    }

    /** @param pendants each pendant's id and what it must be seen to do: its button, its movement, or both */
    WalkTest(GatewayStatus first, Map<String, Set<Trial>> pendants) {
        this(first.at(), first.sensors(), pendants);
        first.openAlerts().forEach(a -> known.add(a.id()));
    }

    WalkTest(Instant start, List<GatewayStatus.SensorStatus> sensors) {
        this(start, sensors, Map.of());
    }

    private WalkTest(Instant start, List<GatewayStatus.SensorStatus> sensors, Map<String, Set<Trial>> pendants) {
        this.start = start;
        pendants.forEach((id, trials) -> this.pendants.put(id, trials.isEmpty() ? EnumSet.noneOf(Trial.class) : EnumSet.copyOf(trials)));
        for (GatewayStatus.SensorStatus s : sensors) {
            Sensor sensor = new Sensor(s.id(), s.room(), pendants.containsKey(s.id()) ? PENDANT : s.kind());
            waiting.put(s.id(), sensor);
            all.put(s.id(), sensor);
        }
    }

    /** Takes a new snapshot; returns the sensors seen for the first time in it. */
    List<Sensor> update(GatewayStatus status) {
        return update(status, List.of()).stream().filter(Seen::done).map(Seen::sensor).toList();
    }

    /**
     * Takes a new snapshot and what walk-test mode has heard so far; returns what was seen for the
     * first time: whole sensors, and each pendant's button and movement as they come.
     */
    List<Seen> update(GatewayStatus status, List<WalkTestMode.Heard> heard) {
        List<Seen> fresh = new java.util.ArrayList<>();
        for (WalkTestMode.Heard h : heard) {
            Set<Trial> awaited = pendants.get(h.sensorId());
            Sensor sensor = waiting.get(h.sensorId());
            if (awaited != null && sensor != null && awaited.remove(h.trial())) {
                boolean done = awaited.isEmpty();
                if (done) {
                    waiting.remove(h.sensorId());
                    seen.put(h.sensorId(), h.at());
                }
                fresh.add(new Seen(sensor, (h.trial() == Trial.PRESSED ? "the pendant's button works"
                        : "the pendant felt the movement") + " (" + h.sensorId() + ")", h.at(), done));
            }
        }
        for (GatewayStatus.SensorStatus s : status.sensors()) {
            Sensor sensor = waiting.get(s.id());
            if (sensor == null || pendants.containsKey(s.id())) {
                continue;
            }
            Instant at = sensor.radar() ? seesSomeoneMoving(s, status) : reportedSinceStart(s);
            if (at != null) {
                fresh.add(new Seen(waiting.remove(s.id()), sensor.seenWords(), at, true));
                seen.put(s.id(), at);
            }
        }
        return fresh;
    }

    /** What each pendant still has to be seen to do. */
    Map<String, Set<Trial>> pendantsAwaiting() {
        Map<String, Set<Trial>> left = new LinkedHashMap<>();
        pendants.forEach((id, trials) -> {
            if (!trials.isEmpty()) {
                left.put(id, Set.copyOf(trials));
            }
        });
        return left;
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
