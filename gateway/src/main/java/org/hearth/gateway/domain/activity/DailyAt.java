package org.hearth.gateway.domain.activity;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.hearth.time.Scheduler;

/** Runs a task every day at a wall-clock time in the scheduler's zone, from the next one on. */
final class DailyAt {

    private final Scheduler scheduler;
    private final LocalTime time;
    private final Runnable task;

    private DailyAt(Scheduler scheduler, LocalTime time, Runnable task) {
        this.scheduler = scheduler;
        this.time = time;
        this.task = task;
    }

    static void start(Scheduler scheduler, LocalTime time, Runnable task) {
        new DailyAt(scheduler, time, task).armNext();
    }

    private void armNext() {
        ZonedDateTime now = scheduler.now().atZone(scheduler.clock().getZone());
        ZonedDateTime next = now.with(time);
        if (!next.isAfter(now)) {
            next = now.plusDays(1).with(time);
        }
        scheduler.schedule(Duration.between(now, next), () -> {
            armNext();
            task.run();
        });
    }
}
