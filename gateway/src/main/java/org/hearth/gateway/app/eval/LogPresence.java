package org.hearth.gateway.app.eval;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hearth.gateway.domain.activity.ActivityParameters;
import org.hearth.gateway.domain.activity.RoomKind;
import org.hearth.sensors.SensorEvent;

/**
 * The evaluation's ground truth of whether the resident was home, read from the whole log with
 * hindsight (the detectors never see the future; this does, and is deliberately simpler).
 *
 * <p>A burst is {@value #BURST_SENSORS} or more distinct sensors activating within
 * {@link #BURST_WITHIN}: a person moving about. The resident was home at time t unless the next
 * burst after t is led by the entry (an entry activation within {@link #LEAD} before it or just
 * after its start): then they were out and that burst is them coming back. After the last burst
 * of the log, the resident counts as home.
 */
final class LogPresence {

    static final int BURST_SENSORS = 3;
    static final Duration BURST_WITHIN = Duration.ofMinutes(10);
    static final Duration LEAD = Duration.ofMinutes(2);
    static final Duration LEAD_AFTER = Duration.ofSeconds(30);

    private final long[] activations;
    private final long[] bursts;
    private final boolean[] entryLed;

    private LogPresence(long[] activations, long[] bursts, boolean[] entryLed) {
        this.activations = activations;
        this.bursts = bursts;
        this.entryLed = entryLed;
    }

    static LogPresence of(List<SensorEvent> events, ActivityParameters.Rooms rooms) {
        List<SensorEvent> on = events.stream().filter(e -> e.active() && e.kind().showsPresence()).toList();
        long[] times = on.stream().mapToLong(e -> e.at().toEpochMilli()).toArray();
        List<Long> entries = new ArrayList<>();
        for (SensorEvent e : on) {
            if (rooms.kindOf(e.room()) == RoomKind.ENTRY) {
                entries.add(e.at().toEpochMilli());
            }
        }
        long[] entryTimes = entries.stream().mapToLong(Long::longValue).toArray();
        List<Long> burstList = new ArrayList<>();
        List<Boolean> ledList = new ArrayList<>();
        Map<String, Integer> inWindow = new HashMap<>();
        int end = 0;
        for (int start = 0; start < on.size(); start++) {
            while (end < on.size() && times[end] - times[start] <= BURST_WITHIN.toMillis()) {
                inWindow.merge(on.get(end).sensorId(), 1, Integer::sum);
                end++;
            }
            if (inWindow.size() >= BURST_SENSORS) {
                burstList.add(times[start]);
                ledList.add(any(entryTimes, times[start] - LEAD.toMillis(), times[start] + LEAD_AFTER.toMillis()));
            }
            inWindow.computeIfPresent(on.get(start).sensorId(), (k, n) -> n == 1 ? null : n - 1);
        }
        boolean[] led = new boolean[ledList.size()];
        for (int i = 0; i < led.length; i++) {
            led[i] = ledList.get(i);
        }
        return new LogPresence(times, burstList.stream().mapToLong(Long::longValue).toArray(), led);
    }

    /** Whether the resident was home at {@code t}, by hindsight. */
    boolean home(Instant t) {
        int i = firstAfter(bursts, t.toEpochMilli());
        return i >= bursts.length || !entryLed[i];
    }

    /** How long before {@code t} the last activation was; a very long duration when there was none. */
    Duration sinceLastActivation(Instant t) {
        int i = firstAfter(activations, t.toEpochMilli()) - 1;
        return i < 0 ? Duration.ofDays(365) : Duration.ofMillis(t.toEpochMilli() - activations[i]);
    }

    /** The first index whose value is after {@code t}. */
    private static int firstAfter(long[] sorted, long t) {
        int i = Arrays.binarySearch(sorted, t);
        if (i < 0) {
            return -i - 1;
        }
        while (i < sorted.length && sorted[i] <= t) {
            i++;
        }
        return i;
    }

    private static boolean any(long[] sorted, long from, long to) {
        int i = firstAfter(sorted, from - 1);
        return i < sorted.length && sorted[i] <= to;
    }
}
