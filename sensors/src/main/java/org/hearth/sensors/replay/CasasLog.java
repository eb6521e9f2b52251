package org.hearth.sensors.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hearth.sensors.SensorEvent;

/**
 * A CASAS event log, read: its events in time order, and an account of every line not replayed.
 *
 * @param events    the sensor events, oldest first (stable-sorted, so equal times keep file order)
 * @param problems  lines that could not be read, in file order
 * @param ignored   lines that were readable but are not on/off events (temperature, light and
 *                  other readings; blank lines)
 * @param reordered events that were earlier than the line before them (CASAS logs have a few)
 */
public record CasasLog(List<SensorEvent> events, List<CasasLogProblem> problems, int ignored, int reordered) {

    public CasasLog {
        events = List.copyOf(events);
        problems = List.copyOf(problems);
    }

    public Instant first() {
        return events.get(0).at();
    }

    public Instant last() {
        return events.get(events.size() - 1).at();
    }

    public Duration span() {
        return Duration.between(first(), last());
    }

    /** "3 lines not read: line 5: unknown state 'HALF' (...); line 9: ..." listing at most {@code max}. */
    public String problemSummary(int max) {
        StringBuilder s = new StringBuilder().append(problems.size()).append(problems.size() == 1 ? " line" : " lines")
                .append(" not read");
        for (int i = 0; i < Math.min(max, problems.size()); i++) {
            s.append(i == 0 ? ": " : "; ").append(problems.get(i));
        }
        if (problems.size() > max) {
            s.append("; and ").append(problems.size() - max).append(" more");
        }
        return s.toString();
    }
}
