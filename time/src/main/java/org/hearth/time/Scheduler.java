package org.hearth.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Runs tasks later, on one thread, in the order they fall due. Tasks scheduled on the same
 * scheduler never run concurrently with each other, so the event loop's state needs no locks.
 */
public interface Scheduler {

    /** The time every task on this scheduler must read. */
    Clock clock();

    /** Runs {@code task} once, after {@code delay}. A zero delay means "next, after what is queued". */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs {@code task} as soon as possible on the scheduler's thread. */
    default void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    default Instant now() {
        return clock().instant();
    }

    /**
     * Tells {@code listener}, on this scheduler's thread and before any later task runs, whenever
     * the wall clock is set: {@link #clock()} then jumps while timers keep their monotonic delays.
     * Instants kept from before the jump must be moved by {@link ClockJump#by()}, or a quiet spell
     * that began before NTP set the clock looks days long (or negative). The default is for a
     * clock that is never set.
     */
    default void onClockJump(Consumer<ClockJump> listener) {
    }

    /** A handle to stop a task that has not run yet. */
    interface Cancellable {
        /** Stops the task if it has not started; harmless if it already ran or was cancelled. */
        void cancel();
    }
}
