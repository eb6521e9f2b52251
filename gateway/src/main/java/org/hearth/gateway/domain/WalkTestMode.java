package org.hearth.gateway.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The home during {@code hearth walk-test}. While it is on, a cord or button is reported, said
 * aloud ("the bathroom cord works") and calls nobody. The one risk is a real emergency during the
 * test, so a pull cord or help button still held after {@link #HELD_FOR_REAL} raises a real alert.
 * The mode ends when the test finishes, or by itself after {@link #LONGEST}, so a test tool that
 * died never leaves the cords dead. Call on the event loop.
 */
public final class WalkTestMode {

    private static final Logger LOG = LoggerFactory.getLogger(WalkTestMode.class);
    /** The longest a walk test keeps cords and buttons from calling anyone. */
    public static final Duration LONGEST = Duration.ofMinutes(30);
    /** A cord or help button held this long during a walk test is a real call for help. */
    public static final Duration HELD_FOR_REAL = Duration.ofSeconds(5);

    private final Scheduler scheduler;
    private final Announcer announcer;
    private final Map<String, Scheduler.Cancellable> held = new HashMap<>();
    private Scheduler.Cancellable end;
    private Instant until;

    public WalkTestMode(Scheduler scheduler, Announcer announcer) {
        this.scheduler = scheduler;
        this.announcer = announcer;
    }

    /**
     * Starts the mode, or, when it is on, gives it {@link #LONGEST} again from now.
     *
     * @return when it will end by itself
     */
    public Instant start() {
        if (end != null) {
            end.cancel();
        } else {
            announcer.say(Phrase.of(Phrase.WALK_TEST_STARTED));
        }
        until = scheduler.now().plus(LONGEST);
        end = scheduler.schedule(LONGEST, () -> end("it has run " + LONGEST.toMinutes() + " min"));
        LOG.info("Walk test: cords and buttons call nobody until {} unless held {} s", until, HELD_FOR_REAL.toSeconds());
        return until;
    }

    /**
     * The test finished: cords and buttons call for help again. A cord being held goes on counting.
     *
     * @return false when no walk test was on
     */
    public boolean finish() {
        return end("the test finished");
    }

    /** When the mode ends by itself; empty when it is off. */
    public Optional<Instant> until() {
        return end == null ? Optional.empty() : Optional.of(until);
    }

    /**
     * True for the sensors the mode reports instead of alarming: cords, help buttons and fall
     * outputs. The cancel button keeps its job (it can only cancel, and a pre-alarm may be asking).
     */
    boolean takes(SensorEvent event) {
        return end != null && Phrase.WALK_TEST_WORKS.containsKey(event.kind());
    }

    /**
     * Reports a sensor the mode {@link #takes}. A pull cord or help button becoming active starts
     * the count; if it is still active after {@link #HELD_FOR_REAL}, {@code forReal} raises the alert.
     */
    void report(SensorEvent event, Runnable forReal) {
        Scheduler.Cancellable count = held.remove(event.sensorId());
        if (count != null) {
            count.cancel();
        }
        if (!event.active()) {
            return;
        }
        LOG.info("Walk test: {} {} in the {} works", event.kind().configName(), event.sensorId(), event.room());
        announcer.say(Phrase.of(Phrase.WALK_TEST_WORKS.get(event.kind()), "room", event.room()));
        if (event.kind() == SensorKind.PULL_CORD || event.kind() == SensorKind.HELP_BUTTON) {
            held.put(event.sensorId(), scheduler.schedule(HELD_FOR_REAL, () -> {
                held.remove(event.sensorId());
                LOG.warn("Walk test: {} held {} s: a real call for help", event.sensorId(), HELD_FOR_REAL.toSeconds());
                announcer.say(Phrase.of(Phrase.WALK_TEST_REAL));
                forReal.run();
            }));
        }
    }

    /** The release of a held cord is still heard once the mode has ended, so its count stops. */
    boolean counting(SensorEvent event) {
        return held.containsKey(event.sensorId());
    }

    private boolean end(String why) {
        if (end == null) {
            return false;
        }
        end.cancel();
        end = null;
        until = null;
        LOG.info("Walk test over ({}): cords and buttons call for help again", why);
        announcer.say(Phrase.of(Phrase.WALK_TEST_ENDED));
        return true;
    }
}
