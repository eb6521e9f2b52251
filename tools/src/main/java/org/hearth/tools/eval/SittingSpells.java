package org.hearth.tools.eval;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hearth.gateway.domain.activity.ActivityParameters;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;

/**
 * Adds to a log what a real afternoon often holds and a young volunteer's log seldom does: the
 * resident sitting still in one room for hours, which no PIR sees. Each day on which the log's
 * resident was home throughout {@link #FROM} to {@link #FROM} + {@link #LASTS}, the resident
 * walks into the room at {@code FROM} (the room's PIR sees it), sits, and gets up at the end (the
 * PIR again); every event of the log in between is left out, since the resident was in the chair.
 */
final class SittingSpells {

    static final LocalTime FROM = LocalTime.of(14, 0);
    static final Duration LASTS = Duration.ofMinutes(150);
    private static final Duration HOME_CHECK_EVERY = Duration.ofMinutes(5);

    /** The log with the spells, and how many were added. */
    record Added(List<SensorEvent> events, int spells) {
    }

    private SittingSpells() {
    }

    /** @throws IllegalArgumentException when the log has no PIR in {@code room} */
    static Added add(List<SensorEvent> log, String room, ActivityParameters.Rooms rooms) {
        SensorEvent pir = log.stream().filter(e -> e.room().equals(room) && e.kind() == SensorKind.PIR).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the log has no motion sensor in the " + room));
        LogPresence truth = LogPresence.of(log, rooms);
        List<SensorEvent> out = new ArrayList<>(log);
        int spells = 0;
        LocalDate first = log.get(0).at().atZone(InactivityEvaluation.ZONE).toLocalDate();
        LocalDate last = log.get(log.size() - 1).at().atZone(InactivityEvaluation.ZONE).toLocalDate();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            Instant from = d.atTime(FROM).atZone(InactivityEvaluation.ZONE).toInstant();
            Instant to = from.plus(LASTS);
            if (!homeThroughout(truth, from, to) || to.isAfter(log.get(log.size() - 1).at())) {
                continue;
            }
            out.removeIf(e -> !e.at().isBefore(from) && e.at().isBefore(to.plusSeconds(5)));
            for (Instant at : List.of(from, to)) {
                out.add(new SensorEvent(pir.sensorId(), room, SensorKind.PIR, true, at));
                out.add(new SensorEvent(pir.sensorId(), room, SensorKind.PIR, false, at.plusSeconds(5)));
            }
            spells++;
        }
        out.sort(Comparator.comparing(SensorEvent::at));
        return new Added(List.copyOf(out), spells);
    }

    private static boolean homeThroughout(LogPresence truth, Instant from, Instant to) {
        for (Instant t = from; !t.isAfter(to); t = t.plus(HOME_CHECK_EVERY)) {
            if (!truth.home(t)) {
                return false;
            }
        }
        return true;
    }
}
