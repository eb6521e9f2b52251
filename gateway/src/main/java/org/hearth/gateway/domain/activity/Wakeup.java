package org.hearth.gateway.domain.activity;

import java.time.Duration;
import java.time.Instant;
import org.hearth.time.ClockJump;
import org.hearth.time.Scheduler;

/**
 * One lazily re-armed timer. Moving the wake-up later keeps the earlier timer, whose task then
 * finds it is early and re-arms: a busy home posts an event every few seconds, and cancelling and
 * rescheduling on each would fill the scheduler's queue with dead tasks.
 */
final class Wakeup {

    private final Scheduler scheduler;
    private final Runnable task;
    private Instant due;
    private Scheduler.Cancellable handle;

    Wakeup(Scheduler scheduler, Runnable task) {
        this.scheduler = scheduler;
        this.task = task;
    }

    /** Makes sure the task runs at {@code when} or earlier. */
    void atOrBefore(Instant when) {
        if (handle != null && !due.isAfter(when)) {
            return;
        }
        cancel();
        due = when;
        handle = scheduler.schedule(Duration.between(scheduler.now(), when), () -> {
            handle = null;
            due = null;
            task.run();
        });
    }

    /** The timer keeps its monotonic delay; only the wall-clock instant it stands for moves. */
    void clockJumped(ClockJump jump) {
        due = jump.rebase(due);
    }

    void cancel() {
        if (handle != null) {
            handle.cancel();
            handle = null;
            due = null;
        }
    }
}
