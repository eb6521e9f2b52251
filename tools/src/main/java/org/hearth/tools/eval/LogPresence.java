package org.hearth.tools.eval;

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
 * {@link #BURST_WITHIN}: a person moving about. Activations outside bursts are blips. The resident
 * was out from the last burst activation before a quiet spell of at least {@link #MIN_ABSENCE}
 * (blips allowed) to the next burst activation, when both the burst that ends before the spell
 * and the one that begins after it involve the entry: they left through it and came back through
 * it. Everything else, including the stretch after the last burst, counts as home.
 */
final class LogPresence {

    static final int BURST_SENSORS = 3;
    static final Duration BURST_WITHIN = Duration.ofMinutes(10);
    static final Duration MIN_ABSENCE = Duration.ofMinutes(15);

    private final long[] activations;
    private final long[] inBursts;
    private final boolean[] entryBefore;
    private final boolean[] entryAfter;

    private LogPresence(long[] activations, long[] inBursts, boolean[] entryBefore, boolean[] entryAfter) {
        this.activations = activations;
        this.inBursts = inBursts;
        this.entryBefore = entryBefore;
        this.entryAfter = entryAfter;
    }

    static LogPresence of(List<SensorEvent> events, ActivityParameters.Rooms rooms) {
        List<SensorEvent> on = events.stream().filter(e -> e.active() && e.kind().showsPresence()).toList();
        int n = on.size();
        long[] times = on.stream().mapToLong(e -> e.at().toEpochMilli()).toArray();
        boolean[] member = new boolean[n];
        Map<String, Integer> inWindow = new HashMap<>();
        int end = 0;
        for (int start = 0; start < n; start++) {
            while (end < n && times[end] - times[start] <= BURST_WITHIN.toMillis()) {
                inWindow.merge(on.get(end).sensorId(), 1, Integer::sum);
                end++;
            }
            if (inWindow.size() >= BURST_SENSORS) {
                Arrays.fill(member, start, end, true);
            }
            inWindow.computeIfPresent(on.get(start).sensorId(), (k, c) -> c == 1 ? null : c - 1);
        }
        List<Long> burstTimes = new ArrayList<>();
        List<Boolean> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (member[i]) {
                burstTimes.add(times[i]);
                entries.add(rooms.kindOf(on.get(i).room()) == RoomKind.ENTRY);
            }
        }
        long[] a = burstTimes.stream().mapToLong(Long::longValue).toArray();
        boolean[] before = new boolean[a.length];
        boolean[] after = new boolean[a.length];
        // before[i]: the entry was active in the run of burst activity ending at i (leaving);
        // after[i]: ...in the run starting at i (coming back). Runs break at quiet spells.
        for (int i = 0; i < a.length; i++) {
            boolean sameRun = i > 0 && a[i] - a[i - 1] < MIN_ABSENCE.toMillis();
            before[i] = entries.get(i) || (sameRun && before[i - 1]);
        }
        for (int i = a.length - 1; i >= 0; i--) {
            boolean sameRun = i < a.length - 1 && a[i + 1] - a[i] < MIN_ABSENCE.toMillis();
            after[i] = entries.get(i) || (sameRun && after[i + 1]);
        }
        return new LogPresence(times, a, before, after);
    }

    /** Whether the resident was home at {@code t}, by hindsight. */
    boolean home(Instant t) {
        int next = firstAfter(inBursts, t.toEpochMilli());
        int prev = next - 1;
        if (next >= inBursts.length || prev < 0 || inBursts[next] - inBursts[prev] < MIN_ABSENCE.toMillis()) {
            return true;
        }
        return !(entryBefore[prev] && entryAfter[next]);
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

}
