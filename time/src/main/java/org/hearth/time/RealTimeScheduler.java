package org.hearth.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scheduler on one named daemon thread, reading wall-clock time, optionally sped up.
 *
 * <p>With a speed-up of 60, one real second is one minute of home time: the clock runs 60 times
 * faster from its start instant, and a five-minute escalation timer fires after five real
 * seconds. The demo uses this so a morning in a home plays in a few seconds while the network and
 * the carer process still run in real time. The daemon uses a speed-up of 1.
 */
public final class RealTimeScheduler implements Scheduler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RealTimeScheduler.class);

    private final ScheduledThreadPoolExecutor executor;
    private final Clock clock;
    private final double speedUp;
    private volatile Thread thread;

    private RealTimeScheduler(String threadName, Clock clock, double speedUp) {
        this.clock = clock;
        this.speedUp = speedUp;
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
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("A scheduled task failed; the event loop continues", e);
            }
        };
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
