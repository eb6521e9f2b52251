package org.hearth.gateway.domain;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hearth.time.Scheduler;

/**
 * The one timer each open alert may have (its pre-alarm window, its next escalation, or a test's
 * end): arming replaces the alert's timer, so an alert never escalates twice for one wait.
 * Used on the event loop only.
 */
final class AlertTimers {

    private final Scheduler scheduler;
    private final Map<UUID, Scheduler.Cancellable> timers = new HashMap<>();

    AlertTimers(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Runs {@code task} after {@code delay}, in place of any timer {@code id} had. */
    void arm(UUID id, Duration delay, Runnable task) {
        disarm(id);
        timers.put(id, scheduler.schedule(delay, () -> {
            timers.remove(id);
            task.run();
        }));
    }

    /** Cancels {@code id}'s timer, if it has one. */
    void disarm(UUID id) {
        Scheduler.Cancellable timer = timers.remove(id);
        if (timer != null) {
            timer.cancel();
        }
    }
}
