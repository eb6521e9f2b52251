package org.hearth.gateway.domain.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.hearth.time.ClockJump;
import org.hearth.time.Scheduler;

/**
 * Runs a task every day at a wall-clock time in the scheduler's zone, from the next one on.
 *
 * <p>The timer waits a monotonic delay, so when the wall clock is set it is planned again from
 * the new time. An occurrence the jump skipped runs at once, but only if it fell after the last
 * run (or the start), in the corrected time: the daemon was watching then. A clock set from 1970
 * to this afternoon does not run this morning's task for a morning nobody watched.
 */
final class DailyAt {

    private final Scheduler scheduler;
    private final LocalTime time;
    private final Runnable task;
    private Scheduler.Cancellable pending;
    /** When the task last ran, or when this started; moved with every jump. */
    private Instant lastRun;

    private DailyAt(Scheduler scheduler, LocalTime time, Runnable task) {
        this.scheduler = scheduler;
        this.time = time;
        this.task = task;
        this.lastRun = scheduler.now();
    }

    static void start(Scheduler scheduler, LocalTime time, Runnable task) {
        DailyAt daily = new DailyAt(scheduler, time, task);
        scheduler.onClockJump(daily::clockJumped);
        daily.armNext();
    }

    private void armNext() {
        ZonedDateTime now = scheduler.now().atZone(scheduler.clock().getZone());
        ZonedDateTime next = now.with(time);
        if (!next.isAfter(now)) {
            next = now.plusDays(1).with(time);
        }
        pending = scheduler.schedule(Duration.between(now, next), this::run);
    }

    private void run() {
        lastRun = scheduler.now();
        armNext();
        task.run();
    }

    private void clockJumped(ClockJump jump) {
        pending.cancel();
        lastRun = jump.rebase(lastRun);
        ZonedDateTime now = scheduler.now().atZone(scheduler.clock().getZone());
        ZonedDateTime previous = now.with(time);
        if (previous.isAfter(now)) {
            previous = now.minusDays(1).with(time);
        }
        if (previous.toInstant().isAfter(lastRun)) {
            // After every listener has moved its own instants, not in the middle of that.
            pending = scheduler.schedule(Duration.ZERO, this::run);
        } else {
            armNext();
        }
    }
}
