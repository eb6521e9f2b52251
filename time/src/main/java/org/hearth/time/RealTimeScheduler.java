package org.hearth.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scheduler on one named daemon thread, reading wall-clock time, optionally sped up.
 *
 * <p>With a speed-up of 60, one real second is one minute of home time: the clock runs 60 times
 * faster from its start instant, and a five-minute escalation timer fires after five real
 * seconds. The demo uses this so a morning in a home plays in a few seconds while the network and
 * the carer process still run in real time. The daemon uses a speed-up of 1.
 *
 * <p>Timers run on monotonic delays, but {@link #now()} is the wall clock, which NTP may set at
 * any moment (on a Pi without a clock battery, by days, minutes after boot). Before each task the
 * loop compares how far the wall clock moved with how far the monotonic clock moved since the
 * last task; a difference of more than {@link #JUMP_THRESHOLD} is a {@link ClockJump}, told to
 * every {@link #onClockJump} listener before the task runs.
 */
public final class RealTimeScheduler implements Scheduler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RealTimeScheduler.class);

    /**
     * Less than this is NTP slewing, or two readings a moment apart; more is the clock being set.
     * Slewing is at most 500 ppm, under two seconds in an hour an idle loop may wait between tasks.
     */
    static final Duration JUMP_THRESHOLD = Duration.ofSeconds(2);

    private final ScheduledThreadPoolExecutor executor;
    private final Clock clock;
    private final double speedUp;
    private final LongSupplier nanoTime;
    private final List<Consumer<ClockJump>> jumpListeners = new CopyOnWriteArrayList<>();
    private volatile Thread thread;
    /** The wall and monotonic readings at the last task; touched only on the loop's thread. */
    private Instant lastWall;
    private long lastNanos;

    private RealTimeScheduler(String threadName, Clock clock, double speedUp) {
        this(threadName, clock, speedUp, System::nanoTime);
    }

    /** With the monotonic clock given, so a test can set the wall clock under a running loop. */
    RealTimeScheduler(String threadName, Clock clock, double speedUp, LongSupplier nanoTime) {
        this.clock = clock;
        this.speedUp = speedUp;
        this.nanoTime = nanoTime;
        this.lastWall = clock.instant();
        this.lastNanos = nanoTime.getAsLong();
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, threadName);
            t.setDaemon(true);
            thread = t;
            return t;
        });
        // Cancelled timers (every acknowledged alert cancels one) must not pile up until due,
        // and after close() nothing delayed may run against resources that are gone.
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Wall-clock time, real speed. */
    public static RealTimeScheduler create(String threadName, ZoneId zone) {
        return new RealTimeScheduler(threadName, Clock.system(zone), 1.0);
    }

    /** Time that starts at {@code start} and runs {@code speedUp} times faster than real time. */
    public static RealTimeScheduler accelerated(String threadName, Instant start, ZoneId zone, double speedUp) {
        if (!(speedUp >= 1.0)) {
            throw new IllegalArgumentException("speed-up must be at least 1, was " + speedUp);
        }
        return new RealTimeScheduler(threadName, new ScaledClock(start, zone, speedUp, System.nanoTime()), speedUp);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void onClockJump(Consumer<ClockJump> listener) {
        jumpListeners.add(listener);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        long nanos = Math.max(0, (long) (delay.toNanos() / speedUp));
        try {
            ScheduledFuture<?> future = executor.schedule(guarded(task), nanos, TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            // Closed: late completions from the network arrive after shutdown and have nowhere to run.
            LOG.debug("Scheduler closed; dropped a task");
            return () -> { };
        }
    }

    /** True when called on this scheduler's own thread. */
    public boolean inThread() {
        return Thread.currentThread() == thread;
    }

    /** A task that throws is a bug; it is logged and the loop goes on, because the loop guards a life. */
    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                noticeJump();
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("A scheduled task failed; the event loop continues", e);
            }
        };
    }

    /** Compares the wall clock's progress with the monotonic clock's since the last task. */
    private void noticeJump() {
        Instant wall = clock.instant();
        long nanos = nanoTime.getAsLong();
        Instant expected = lastWall.plusNanos((long) ((nanos - lastNanos) * speedUp));
        lastWall = wall;
        lastNanos = nanos;
        if (Duration.between(expected, wall).abs().compareTo(JUMP_THRESHOLD) <= 0) {
            return;
        }
        ClockJump jump = new ClockJump(expected, wall);
        LOG.warn("The wall clock was set from {} to {} ({}): time kept since is moved with it, and nothing counts "
                + "the jump as time that passed", expected, wall, jump.by());
        for (Consumer<ClockJump> listener : jumpListeners) {
            try {
                listener.accept(jump);
            } catch (RuntimeException e) {
                LOG.error("A clock-jump listener failed; the event loop continues", e);
            }
        }
    }

    /** Runs what is already due, drops what is scheduled for later, then stops the thread. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static final class ScaledClock extends Clock {
        private final Instant start;
        private final ZoneId zone;
        private final double speedUp;
        private final long startNanos;

        ScaledClock(Instant start, ZoneId zone, double speedUp, long startNanos) {
            this.start = start;
            this.zone = zone;
            this.speedUp = speedUp;
            this.startNanos = startNanos;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new ScaledClock(start, newZone, speedUp, startNanos);
        }

        @Override
        public Instant instant() {
            return start.plusNanos((long) ((System.nanoTime() - startNanos) * speedUp));
        }
    }
}
