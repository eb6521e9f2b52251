package org.hearth.sensors.health;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.Presence;
import org.hearth.sensors.PresenceEvent;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorListener;
import org.hearth.time.Scheduler;

/**
 * "Pendant not worn": a worn pendant that has not moved at all for its {@link PendantSpec#notWornAfter()}
 * while the home showed activity is SUSPECT ({@link SensorWarning#NOT_WORN}) until it moves again.
 * A tap on the sensor stream: it reads the pendants' samples and the home's movement, on the scheduler
 * (the event loop) its calls arrive on, and reports to supervision.
 *
 * <p>What keeps false warnings low (docs/sensors.md, "Not worn"):
 * <ul>
 *   <li>"no movement at all" is every sample within {@link #STILL_BAND_G} of the spell's first on each
 *       axis: a tilt of about 3 degrees. A pendant on a table stays inside it (sensor noise is a few
 *       mg); a worn one leaves it whenever the resident shifts in a chair or turns over in bed;</li>
 *   <li>only daytime stillness counts: the resident's night ({@code detection.night_start} to
 *       {@code night_end}) is not, so a pendant taken off for the night is not "not worn" at 7:05, and
 *       no warning is raised at night, when no carer could act on it;</li>
 *   <li>the home must show movement (a PIR, a door, a mat, a radar seeing motion) after the stillness
 *       began and within the last {@link #ACTIVE_WITHIN}: a resident asleep or dozing with the pendant
 *       on moves nothing else either, while one up and about without it does;</li>
 *   <li>a pendant that sends nothing (out of range, off) is not judged: it is OFFLINE already.</li>
 * </ul>
 */
public final class NotWornWatch implements SensorListener, AutoCloseable {

    /** How far from the spell's first sample, in g on any axis, still counts as not moving. */
    static final double STILL_BAND_G = 0.05;
    /** The home's last movement must be this recent: someone is up and about now. */
    static final Duration ACTIVE_WITHIN = Duration.ofMinutes(30);
    static final Duration CHECK_EVERY = Duration.ofMinutes(1);
    /** Samples this far apart are two spells: the pendant was away or off in between. */
    static final Duration GAP = Duration.ofMinutes(1);

    private final Scheduler scheduler;
    private final HealthReporter health;
    private final LocalTime nightStart;
    private final LocalTime nightEnd;
    private final Map<String, Worn> pendants = new LinkedHashMap<>();
    private Instant lastHomeMovement;
    private Scheduler.Cancellable nextCheck;
    private boolean closed;

    public NotWornWatch(Scheduler scheduler, HealthReporter health, List<PendantSpec> specs, LocalTime nightStart,
                        LocalTime nightEnd) {
        this.scheduler = scheduler;
        this.health = health;
        this.nightStart = nightStart;
        this.nightEnd = nightEnd;
        specs.forEach(s -> pendants.put(s.id(), new Worn(s.id(), s.notWornAfter())));
    }

    /** Starts the checks, once a minute on the scheduler. */
    public void start() {
        execute(() -> {
            if (nextCheck == null && !closed) {
                nextCheck = scheduler.schedule(CHECK_EVERY, this::check);
            }
        });
    }

    @Override
    public void close() {
        execute(() -> {
            closed = true;
            if (nextCheck != null) {
                nextCheck.cancel();
            }
        });
    }

    @Override
    public void onEvent(SensorEvent event) {
        if (event.active() && event.kind().showsPresence() && !pendants.containsKey(event.sensorId())) {
            homeMoved(event.at());
        }
    }

    @Override
    public void onPresence(PresenceEvent event) {
        if (event.presence() == Presence.MOVING) {
            homeMoved(event.at());
        }
    }

    @Override
    public void onAccel(String sensorId, List<AccelSample> batch) {
        Worn pendant = pendants.get(sensorId);
        if (pendant != null) {
            Instant now = scheduler.now();
            batch.forEach(s -> pendant.sample(s, now));
        }
    }

    private void homeMoved(Instant at) {
        if (lastHomeMovement == null || at.isAfter(lastHomeMovement)) {
            lastHomeMovement = at;
        }
    }

    private void execute(Runnable step) {
        scheduler.execute(step);
    }

    private void check() {
        if (closed) {
            return;
        }
        Instant now = scheduler.now();
        pendants.values().forEach(p -> p.check(now));
        nextCheck = scheduler.schedule(CHECK_EVERY, this::check);
    }

    private ZoneId zone() {
        return scheduler.clock().getZone();
    }

    boolean isNight(Instant t) {
        LocalTime time = t.atZone(zone()).toLocalTime();
        if (nightStart.equals(nightEnd)) {
            return false;
        }
        return nightStart.isBefore(nightEnd) ? !time.isBefore(nightStart) && time.isBefore(nightEnd)
                : !time.isBefore(nightStart) || time.isBefore(nightEnd);
    }

    /** How much of {@code from}..{@code to} is outside the resident's night. */
    Duration daytime(Instant from, Instant to) {
        Duration total = Duration.between(from, to);
        if (nightStart.equals(nightEnd)) {
            return total;
        }
        LocalDate first = from.atZone(zone()).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone()).toLocalDate();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            ZonedDateTime start = d.atTime(nightStart).atZone(zone());
            ZonedDateTime end = (nightStart.isBefore(nightEnd) ? d : d.plusDays(1)).atTime(nightEnd).atZone(zone());
            Instant a = max(from, start.toInstant());
            Instant b = min(to, end.toInstant());
            if (a.isBefore(b)) {
                total = total.minus(Duration.between(a, b));
            }
        }
        return total;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** One pendant's current still spell; the scheduler's state. */
    private final class Worn {
        final String id;
        final Duration after;
        AccelSample reference;
        Instant stillSince;
        Instant lastSample;
        boolean warned;

        Worn(String id, Duration after) {
            this.id = id;
            this.after = after;
        }

        void sample(AccelSample s, Instant now) {
            boolean gap = lastSample == null || Duration.between(lastSample, now).compareTo(GAP) > 0;
            boolean moved = reference != null && moved(s);
            lastSample = now;
            if (moved && warned) {
                warned = false;
                health.reportWarning(id, SensorWarning.NOT_WORN, null);
            }
            if (gap || moved) {
                reference = s;
                stillSince = now;
            }
        }

        private boolean moved(AccelSample s) {
            return Math.abs(s.x() - reference.x()) > STILL_BAND_G || Math.abs(s.y() - reference.y()) > STILL_BAND_G
                    || Math.abs(s.z() - reference.z()) > STILL_BAND_G;
        }

        void check(Instant now) {
            if (warned || stillSince == null || Duration.between(lastSample, now).compareTo(GAP) > 0 || isNight(now)
                    || lastHomeMovement == null || !lastHomeMovement.isAfter(stillSince)
                    || Duration.between(lastHomeMovement, now).compareTo(ACTIVE_WITHIN) > 0
                    || daytime(stillSince, now).compareTo(after) < 0) {
                return;
            }
            warned = true;
            health.reportWarning(id, SensorWarning.NOT_WORN, "not worn: it has not moved for "
                    + DurationWords.of(Duration.between(stillSince, now)) + " while the home was active; is the resident wearing it?");
        }
    }
}
