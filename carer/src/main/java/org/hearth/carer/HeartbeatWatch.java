package org.hearth.carer;

import java.time.Duration;
import java.time.Instant;
import org.hearth.protocol.Heartbeat;
import org.hearth.time.Scheduler;

/**
 * Raises the carer's own alarm when the gateway falls silent: after {@code missed} heartbeat
 * intervals without one, whether from a power cut, an unplugged device or broken broadband.
 * Silence is an alarm too, because a dead gateway protects nobody.
 */
public final class HeartbeatWatch {

    /** Told when the gateway falls silent and when it is heard again. */
    public interface Alarm {
        void silent(String home, Instant lastHeard, int missed);

        void back(String home, Instant at);
    }

    private final Scheduler scheduler;
    private final int missed;
    private final Alarm alarm;
    private Scheduler.Cancellable pending;
    private boolean silent;

    public HeartbeatWatch(Scheduler scheduler, int missed, Alarm alarm) {
        if (missed < 1) {
            throw new IllegalArgumentException("missed must be at least 1");
        }
        this.scheduler = scheduler;
        this.missed = missed;
        this.alarm = alarm;
    }

    /**
     * Arms the watch before any heartbeat is heard, as if one had come now: a device that starts
     * (or restarts) while the gateway is down says so, instead of waiting for a first heartbeat
     * that never comes. Call on the scheduler's thread, once, at start.
     *
     * @param home     what to call the gateway until its first heartbeat names it
     * @param interval the heartbeat interval to expect until the first heartbeat gives the real one
     */
    public void expect(String home, Duration interval) {
        arm(home, interval);
    }

    /** Call on the scheduler's thread for every heartbeat received. */
    public void heard(Heartbeat heartbeat) {
        if (silent) {
            silent = false;
            alarm.back(heartbeat.home(), scheduler.now());
        }
        arm(heartbeat.home(), Duration.ofSeconds(heartbeat.interval()));
    }

    private void arm(String home, Duration interval) {
        Instant now = scheduler.now();
        if (pending != null) {
            pending.cancel();
        }
        pending = scheduler.schedule(interval.multipliedBy(missed), () -> {
            silent = true;
            alarm.silent(home, now, missed);
        });
    }
}
