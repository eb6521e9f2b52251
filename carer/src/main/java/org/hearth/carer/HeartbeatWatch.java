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

    /** Call on the scheduler's thread for every heartbeat received. */
    public void heard(Heartbeat heartbeat) {
        Instant now = scheduler.now();
        if (silent) {
            silent = false;
            alarm.back(heartbeat.home(), now);
        }
        if (pending != null) {
            pending.cancel();
        }
        Duration interval = Duration.ofSeconds(heartbeat.interval());
        pending = scheduler.schedule(interval.multipliedBy(missed), () -> {
            silent = true;
            alarm.silent(heartbeat.home(), now, missed);
        });
    }
}
