package org.hearth.gateway.domain.activity;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.hearth.time.ClockJump;

/**
 * Whether the resident is home or out, inferred causally from presence activity.
 * <ul>
 *   <li>Activity at the entry, then no more than {@code blipsAllowed} activations elsewhere for
 *       {@code departAfter}: the resident went out, at the time of that entry activity.</li>
 *   <li>While out, a return takes {@code returnSensors} distinct sensors within
 *       {@code returnWithin}. Motion sensors in an empty home blip, one at a time, hours apart;
 *       a person coming home trips the entry, the hall and a room within a minute.</li>
 *   <li>The resident answering a check-in is proof they are home.</li>
 * </ul>
 * While a presence radar sees someone, the resident has not gone out, whatever the entry did.
 * The home starts out as occupied: the detectors would rather ask than assume someone left.
 *
 * <p>With more than one resident ({@link ActivityParameters.Away#shared}) "out" means everyone
 * out, and shared sensors cannot count people, so the evidence must say nobody is left:
 * <ul>
 *   <li>the silence is counted from the last movement anywhere, not from the door: a movement
 *       inside after the door may be the one who stayed as well as a blip, so the quarter-hour of
 *       silence starts again after it (a real empty home's blip 14 min after the door must not
 *       keep it "occupied" for days, so the blip does not call the departure off); and nobody is on
 *       a bed or seat mat;</li>
 *   <li>while out, someone moving about one room ({@code returnSensors} activations within
 *       {@code returnWithin}, of any sensors) ends the absence, as several rooms do: it is as likely
 *       the one who stayed, stirring in a chair, as a fault.</li>
 * </ul>
 */
final class Occupancy {

    private final ActivityParameters.Away params;
    private boolean away;
    private Instant awaySince;
    /** Read from the store, so in the previous run's clock, not this one's: a jump does not move it. */
    private boolean awaySinceRestored;
    private Instant entryAt;
    /** The last movement elsewhere since the entry activity, if any. */
    private Instant lastAfterEntry;
    private int activationsSinceEntry;
    private final Deque<Activity> whileAway = new ArrayDeque<>();
    /** A radar sees someone, still or moving. */
    private boolean radarSeesSomeone;
    /** A bed or seat mat is pressed. */
    private boolean someoneOnMat;
    private Consumer<Whereabouts> changed = w -> { };

    Occupancy(ActivityParameters.Away params) {
        this.params = params;
    }

    /** Told of every settled change between in and out, whoever asked the question that settled it. */
    void onChange(Consumer<Whereabouts> listener) {
        this.changed = listener;
    }

    /** Takes up where a previous run left off: only a settled "out" is restored; home is the default. */
    void restore(Whereabouts w) {
        if (w.away()) {
            away = true;
            awaySince = w.since();
            awaySinceRestored = true;
            entryAt = null;
            whileAway.clear();
        }
    }

    /** True when the resident is out as of {@code now}, settling a pending departure first. */
    boolean isAway(Instant now) {
        if (!away && entryAt != null && !radarSeesSomeone && !(params.shared() && someoneOnMat)
                && activationsSinceEntry <= params.blipsAllowed() && !now.isBefore(silentSince().plus(params.departAfter()))) {
            away = true;
            awaySince = entryAt;
            awaySinceRestored = false;
            entryAt = null;
            whileAway.clear();
            changed.accept(new Whereabouts(true, awaySince));
        }
        return away;
    }

    /**
     * Whether any presence radar sees someone now. It holds a departure back, never ends an
     * absence: a return still takes several sensors, since a radar alone can be fooled (a pet, a fan).
     */
    void radarSeesSomeone(boolean someone) {
        radarSeesSomeone = someone;
    }

    /**
     * Whether a bed or seat mat is pressed now. In a home of two it holds a departure back: the
     * one at the door is not the one in bed. In a home of one it is not evidence (a mat can stay
     * pressed under a heavy blanket, and the one resident was just seen at the door).
     */
    void someoneOnMat(boolean pressed) {
        someoneOnMat = pressed;
    }

    /** When the silence that settles a departure began: the door, or in a home of two the last movement after it. */
    private Instant silentSince() {
        return params.shared() && lastAfterEntry != null ? lastAfterEntry : entryAt;
    }

    /** Moves what was seen before the wall clock was set, so departures and returns keep their true timing. */
    void clockJumped(ClockJump jump) {
        if (!awaySinceRestored) {
            awaySince = jump.rebase(awaySince);
        }
        entryAt = jump.rebase(entryAt);
        lastAfterEntry = jump.rebase(lastAfterEntry);
        for (int i = whileAway.size(); i > 0; i--) {
            whileAway.addLast(whileAway.removeFirst().rebased(jump));
        }
    }

    /** When the resident went out; meaningful only while {@link #isAway}. */
    Instant awaySince() {
        return awaySince;
    }

    /** True while the last activity was at the entry and nothing much has happened since. */
    boolean departing() {
        return !away && entryAt != null;
    }

    /**
     * Takes one activity into account.
     *
     * @return true if this activity completed a return home
     */
    boolean onActivity(Activity a) {
        if (isAway(a.at())) {
            return onActivityWhileAway(a);
        }
        if (a.roomKind() == RoomKind.ENTRY) {
            entryAt = a.at();
            lastAfterEntry = null;
            activationsSinceEntry = 0;
        } else if (entryAt != null && a.activation() && ++activationsSinceEntry > params.blipsAllowed()) {
            entryAt = null;
        } else if (entryAt != null && a.activation()) {
            lastAfterEntry = a.at();
        }
        return false;
    }

    private boolean onActivityWhileAway(Activity a) {
        if (!a.activation()) {
            return false;
        }
        whileAway.addLast(a);
        while (whileAway.getFirst().at().plus(params.returnWithin()).isBefore(a.at())) {
            whileAway.removeFirst();
        }
        Set<String> sensors = new HashSet<>();
        whileAway.forEach(x -> sensors.add(x.sensorId()));
        boolean movingAbout = params.shared() && whileAway.size() >= params.returnSensors();
        if (sensors.size() >= params.returnSensors() || movingAbout) {
            away = false;
            entryAt = null;
            whileAway.clear();
            changed.accept(new Whereabouts(false, a.at()));
            return true;
        }
        return false;
    }

    /** The resident spoke or pressed the button: they are home, whatever the sensors suggested. */
    void residentAnswered(Instant now) {
        boolean wasAway = away;
        away = false;
        entryAt = null;
        whileAway.clear();
        if (wasAway) {
            changed.accept(new Whereabouts(false, now));
        }
    }
}
