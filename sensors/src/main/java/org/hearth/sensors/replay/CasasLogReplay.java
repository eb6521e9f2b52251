package org.hearth.sensors.replay;

import java.time.Instant;
import java.util.List;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorListener;
import org.hearth.time.VirtualScheduler;

/**
 * Plays recorded events into a listener in virtual time: before each event the scheduler is
 * moved to the event's time, so every timer due in between (an inactivity window, a daily rule)
 * runs first, exactly as it would have in the home.
 */
public final class CasasLogReplay {

    private final VirtualScheduler scheduler;
    private final SensorListener listener;

    public CasasLogReplay(VirtualScheduler scheduler, SensorListener listener) {
        this.scheduler = scheduler;
        this.listener = listener;
    }

    /**
     * Plays every event before {@code cut} (all of them when {@code cut} is after the last), then
     * lets time run on to {@code until}.
     *
     * @param events oldest first, none before the scheduler's current time
     */
    public void play(List<SensorEvent> events, Instant cut, Instant until) {
        for (SensorEvent e : events) {
            if (!e.at().isBefore(cut)) {
                break;
            }
            scheduler.advanceTo(e.at());
            listener.onEvent(e);
        }
        if (until.isAfter(scheduler.now())) {
            scheduler.advanceTo(until);
        }
    }

    /** Plays every event, then lets time run on to {@code until}. */
    public void play(List<SensorEvent> events, Instant until) {
        play(events, Instant.MAX, until);
    }
}
