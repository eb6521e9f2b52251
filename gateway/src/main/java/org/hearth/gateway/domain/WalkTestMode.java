package org.hearth.gateway.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.protocol.AlertKind;
import org.hearth.sensors.AccelSample;
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
 *
 * <p>A worn accelerometer (a BLE pendant, an ADXL345) streams all the time, so streaming proves
 * nothing: it is reported as {@link Trial#MOVED} when it is shaken or dropped ({@link #MOVED_G} off
 * 1 g), said aloud with the fall sensor's words. What the mode heard is kept, typed, for the
 * walk-test screen ({@link #heard()}): a pendant's button ({@link Trial#PRESSED}) and its movement are
 * told apart there. A fall the worn detector finds meanwhile is held back like a fall output's
 * ({@link #guarding}): the installer shaking the pendant calls nobody. The real emergency during the
 * test is the pendant's button held down, like any help button.
 */
public final class WalkTestMode {

    private static final Logger LOG = LoggerFactory.getLogger(WalkTestMode.class);
    /** The longest a walk test keeps cords and buttons from calling anyone. */
    public static final Duration LONGEST = Duration.ofMinutes(30);
    /** A cord or help button held this long during a walk test is a real call for help. */
    public static final Duration HELD_FOR_REAL = Duration.ofSeconds(5);

    /**
     * A worn sensor whose |a| is this far from 1 g was shaken or dropped: a hand's shake or a tap on
     * the table passes 1.5 g (where the fall detector starts measuring an impact), a drop reads
     * under 0.5 g; a pendant lying or worn by someone sitting stays well inside.
     */
    static final double MOVED_G = 0.5;
    /** A shake goes on for a while; one report and one spoken line per sensor in this long is enough. */
    static final Duration MOVED_QUIET = Duration.ofSeconds(5);

    /** What the walk test heard a sensor do, for code. */
    public enum Trial {
        /** A cord, button (a pendant's too) or fall output went active. */
        PRESSED,
        /** A worn accelerometer was shaken or dropped. */
        MOVED
    }

    /** One thing heard during the test: {@code sensorId} did {@code trial} at {@code at}. */
    public record Heard(String sensorId, Trial trial, Instant at) {
    }

    private final Scheduler scheduler;
    private final Announcer announcer;
    private final Map<String, Scheduler.Cancellable> held = new HashMap<>();
    private final List<Heard> heard = new ArrayList<>();
    private final Map<String, Instant> lastMoved = new HashMap<>();
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
            heard.clear();
            lastMoved.clear();
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
        heard.add(new Heard(event.sensorId(), Trial.PRESSED, event.at()));
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

    /**
     * A worn accelerometer's samples: while the mode is on, a shake or a drop is reported, at most
     * once per {@link #MOVED_QUIET}, and said as "the {sensor} fall sensor works".
     */
    void moved(String sensorId, List<AccelSample> batch) {
        if (end == null) {
            return;
        }
        Instant last = lastMoved.get(sensorId);
        Instant now = scheduler.now();
        if (last != null && now.isBefore(last.plus(MOVED_QUIET))) {
            return;
        }
        for (AccelSample s : batch) {
            double g = Math.sqrt(s.x() * s.x() + s.y() * s.y() + s.z() * s.z());
            if (Math.abs(g - 1) >= MOVED_G) {
                lastMoved.put(sensorId, now);
                heard.add(new Heard(sensorId, Trial.MOVED, now));
                LOG.info("Walk test: worn sensor {} felt the movement ({} g)", sensorId, Math.round(g * 10) / 10.0);
                announcer.say(Phrase.of(Phrase.WALK_TEST_WORKS.get(SensorKind.FALL_OUTPUT), "room", sensorId));
                return;
            }
        }
    }

    /** What the mode has heard since the test began, oldest first; empty when no test has run. */
    public List<Heard> heard() {
        return List.copyOf(heard);
    }

    /**
     * The worn fall detector's way to the alerts: while the mode is on a fall is not raised (it is
     * the installer shaking the pendant, reported by {@link #moved}); otherwise, and for everything
     * else, it goes to {@code alerts}.
     */
    public AlertSink guarding(AlertSink alerts) {
        return new AlertSink() {
            @Override
            public void raise(AlertRequest request) {
                if (end != null && request.kind() == AlertKind.FALL) {
                    LOG.info("Walk test: a worn sensor's fall is not raised during the test: {}", request.message());
                    return;
                }
                alerts.raise(request);
            }

            @Override
            public boolean cancelPreAlarm(String how) {
                return alerts.cancelPreAlarm(how);
            }
        };
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
