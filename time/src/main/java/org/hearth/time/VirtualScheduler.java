package org.hearth.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Virtual time: nothing happens until someone calls {@link #advanceBy} or {@link #advanceTo},
 * which run every task that falls due, in time order, on the caller's thread, moving the clock to
 * each task's due time first. Tasks with the same due time run in the order they were scheduled.
 *
 * <p>Used by tests, and by the {@code eval} replays that push a week of a real home's events
 * through the detectors in seconds. It is not thread-safe: one thread owns it, as one thread owns
 * the daemon's event loop.
 *
 * <p>{@link #jumpWallClock} sets the wall clock as NTP does on a Pi: {@link #now()} jumps, tasks
 * already scheduled keep their delays, and {@link #onClockJump} listeners are told at once.
 * {@link #advanceTo} takes a wall-clock instant; tasks fall due in monotonic time.
 */
public final class VirtualScheduler implements Scheduler {

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final VirtualClock clock;
    private final List<Consumer<ClockJump>> jumpListeners = new ArrayList<>();
    /** Monotonic time, which orders the tasks; the wall clock reads it plus {@link #wallOffset}. */
    private Instant now;
    private Duration wallOffset = Duration.ZERO;
    private long sequence;

    public VirtualScheduler(Instant start, ZoneId zone) {
        this.now = start;
        this.clock = new VirtualClock(zone);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        if (delay.isNegative()) {
            delay = Duration.ZERO;
        }
        Task t = new Task(now.plus(delay), sequence++, task);
        queue.add(t);
        return () -> t.cancelled = true;
    }

    @Override
    public void onClockJump(Consumer<ClockJump> listener) {
        jumpListeners.add(listener);
    }

    /**
     * Sets the wall clock {@code by} forwards (or backwards, if negative) without time passing:
     * tasks keep their delays, and every listener hears of the jump before anything else runs.
     */
    public void jumpWallClock(Duration by) {
        Instant before = clock.instant();
        wallOffset = wallOffset.plus(by);
        ClockJump jump = new ClockJump(before, clock.instant());
        jumpListeners.forEach(l -> l.accept(jump));
    }

    /** Runs everything due within {@code duration} from now; the clock ends exactly {@code duration} later. */
    public void advanceBy(Duration duration) {
        advanceMonotonicTo(now.plus(duration));
    }

    /**
     * Runs everything due up to and including the moment the wall clock reads {@code target}; the
     * clock ends at {@code target}.
     */
    public void advanceTo(Instant target) {
        advanceMonotonicTo(target.minus(wallOffset));
    }

    private void advanceMonotonicTo(Instant target) {
        if (target.isBefore(now)) {
            throw new IllegalArgumentException("virtual time cannot go back from " + now.plus(wallOffset) + " to "
                    + target.plus(wallOffset));
        }
        Task next;
        while ((next = queue.peek()) != null && !next.due.isAfter(target)) {
            queue.poll();
            if (!next.cancelled) {
                now = next.due;
                next.task.run();
            }
        }
        now = target;
    }

    /** Runs tasks that are due now, including ones they schedule with no delay. */
    public void runDue() {
        advanceMonotonicTo(now);
    }

    /** How many tasks wait, cancelled ones excluded. */
    public long pending() {
        return queue.stream().filter(t -> !t.cancelled).count();
    }

    private static final class Task implements Comparable<Task> {
        final Instant due;
        final long seq;
        final Runnable task;
        boolean cancelled;

        Task(Instant due, long seq, Runnable task) {
            this.due = due;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Task other) {
            int byTime = due.compareTo(other.due);
            return byTime != 0 ? byTime : Long.compare(seq, other.seq);
        }
    }

    /** Reads the scheduler's current virtual instant, in any zone. */
    private final class VirtualClock extends Clock {
        private final ZoneId zone;

        VirtualClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new VirtualClock(newZone);
        }

        @Override
        public Instant instant() {
            return now.plus(wallOffset);
        }
    }
}
