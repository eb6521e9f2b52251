package org.hearth.hub.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One path's alerts: when each was durably committed by its gateway, and how long after that the
 * carer's device had it. An alert committed and never received is lost; one received twice counts once.
 */
final class Receipts {

    private final Map<UUID, Long> committed = new ConcurrentHashMap<>();
    private final Map<UUID, Long> latencyNanos = new ConcurrentHashMap<>();

    /** The gateway's commit of {@code id} ended at {@code nanos} ({@link System#nanoTime()}). */
    void committed(UUID id, long nanos) {
        committed.put(id, nanos);
    }

    /** The carer's device has {@code id}; an id no gateway committed is ignored. */
    void received(UUID id, long nanos) {
        Long at = committed.get(id);
        if (at != null) {
            latencyNanos.putIfAbsent(id, nanos - at);
        }
    }

    int committedCount() {
        return committed.size();
    }

    int lost() {
        return committed.size() - latencyNanos.size();
    }

    /** Waits until every committed alert was received, or {@code limit} passed; true if all were. */
    boolean awaitAll(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (lost() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return lost() == 0;
    }

    /** The {@code p}th percentile of the received alerts' latencies in ms; NaN with none received. */
    double percentileMs(double p) {
        return percentile(new ArrayList<>(latencyNanos.values()), p) / 1e6;
    }

    /** Nearest-rank percentile of {@code values}; NaN when empty. */
    static double percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
