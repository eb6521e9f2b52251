package org.hearth.gateway.domain.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.gateway.domain.AlertSink;
import org.hearth.gateway.domain.Detector;
import org.hearth.protocol.AlertKind;
import org.hearth.sensors.Presence;
import org.hearth.sensors.PresenceEvent;
import org.hearth.sensors.SensorEvent;
import org.hearth.time.ClockJump;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the home's presence sensors for long lies and unusual inactivity, and checks in with
 * the resident (a pre-alarm) before any carer is told.
 *
 * <p>The core is the quiet spell: the stillness since the last movement anywhere while the
 * resident is home. Its limit depends on where that movement was: short after the kitchen or
 * bathroom, longer after a sitting place, the night's length in bed at night. Once the learning
 * period is over, the learned routine for that room and hour of the week sets the limit instead.
 * While the resident is out ({@link Occupancy}) no quiet spell runs. The installer's fixed rules
 * and the learned morning rule run alongside.
 *
 * <p>A presence radar's motion is movement, as a PIR's is. A radar that sees someone still (it sees
 * breathing) proves someone is home and in that room, and nothing more: it holds back a departure
 * and is named in the check-in's words, but it never restarts, lengthens or ends a quiet spell,
 * because a person collapsed on the floor is "present and still" too.
 *
 * <p>When the resident answers a check-in, call {@link #residentAnswered}: it proves they are home
 * and well, and the next question about the same stillness waits twice as long.
 *
 * <p>The learned routine and whether the resident is out survive a restart through a
 * {@link RoutineStore}: restored when the watch is made, the routine saved once a day when the
 * day starts, the whereabouts at every settled change. Nothing is written per sensor event. A
 * store that cannot be read means learning afresh (a WARN says so); one that cannot be written is
 * logged and the watch goes on from memory: no alert waits on the store.
 *
 * <p>When the wall clock is set (NTP arriving after boot on a Pi with no clock battery), every
 * instant kept from before is moved by the jump: the quiet spell keeps the length the monotonic
 * clock measured, and the time of day is the corrected one. A jump is never stillness.
 */
public final class ActivityWatch implements Detector {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityWatch.class);

    private final ActivityParameters params;
    private final Scheduler scheduler;
    private final ZoneId zone;
    private final Occupancy occupancy;
    private final RoutineModel routine;
    private final CheckIns checkIns;
    private final List<ActivityRule> rules = new ArrayList<>();
    private final Wakeup wakeup;

    /** The last movement while home; null while out and before any movement. */
    private Activity last;
    /** What the limit is measured from: the last movement, or the last answered check-in. */
    private Instant stillSince;
    private int answers;
    private boolean asked;
    private boolean bedPressed;
    /** When the bed mat was last pressed, and last released; null before either was seen. */
    private Instant bedSince;
    private Instant outOfBedAt;
    private boolean seatPressed;
    private boolean wasAway;
    /** The last movement in another room before the current one, and the activations in the current room. */
    private Activity beforeRoom;
    private int roomActivations;

    private final RoutineStore store;
    /** What each radar sees now, by its id. */
    private final Map<String, PresenceEvent> radars = new LinkedHashMap<>();

    /** A watch that keeps nothing across restarts, for evaluations and the demo. */
    public ActivityWatch(ActivityParameters params, AlertSink sink, Scheduler scheduler) {
        this(params, sink, scheduler, RoutineStore.NONE);
    }

    /** A watch that takes up the routine and whereabouts in {@code store}, and keeps them there. */
    public ActivityWatch(ActivityParameters params, AlertSink sink, Scheduler scheduler, RoutineStore store) {
        this.params = params;
        this.scheduler = scheduler;
        this.zone = scheduler.clock().getZone();
        this.store = store;
        this.occupancy = new Occupancy(params.away());
        this.routine = new RoutineModel(params.routine(), zone);
        restore();
        occupancy.onChange(this::saveWhereabouts);
        DailyAt.start(scheduler, params.routine().dayStart(), this::saveRoutine);
        this.checkIns = new CheckIns(sink, scheduler);
        this.wakeup = new Wakeup(scheduler, this::checkStillness);
        params.noMotionBy().forEach(r -> rules.add(new NoMotionByRule(r, params.rooms(), scheduler, occupancy, checkIns)));
        params.occupied().forEach(r -> rules.add(new OccupiedTooLongRule(r, params.rooms(), scheduler, occupancy, checkIns)));
        params.doorAtNight().forEach(r -> rules.add(new DoorAtNightRule(r, params.rooms(), scheduler, checkIns)));
        rules.add(new MorningRule(params.routine(), routine, scheduler, occupancy, checkIns));
        scheduler.onClockJump(this::clockJumped);
    }

    @Override
    public void onEvent(SensorEvent event) {
        if (Activity.isPresence(event)) {
            onActivity(Activity.of(event, params.rooms()));
        }
    }

    /**
     * Starting to move is an activation and stopping (still there) is the end of that movement,
     * as a PIR's on and off. The radar losing sight of someone is not movement: a radar that loses
     * a person lying still would otherwise make a movement out of a collapse.
     */
    @Override
    public void onPresence(PresenceEvent event) {
        PresenceEvent before = radars.put(event.sensorId(), event);
        boolean wasMoving = before != null && before.presence() == Presence.MOVING;
        occupancy.radarSeesSomeone(radars.values().stream().anyMatch(r -> r.presence() != Presence.NOBODY));
        if (event.presence() == Presence.MOVING && !wasMoving) {
            onActivity(Activity.radarMotion(event, params.rooms(), true));
        } else if (event.presence() == Presence.STILL && wasMoving) {
            onActivity(Activity.radarMotion(event, params.rooms(), false));
        } else if (event.presence() == Presence.NOBODY) {
            away(event.at()); // a departure held back while the radar saw someone may be due now
        }
    }

    private void onActivity(Activity a) {
        if (routine.watching(a.at())) {
            saveRoutine(); // the learning period starts now, and a restart must not move its start
        }
        if (a.isBedMat()) {
            if (a.activation() && !bedPressed) {
                bedSince = a.at();
            } else if (!a.activation() && bedPressed) {
                outOfBedAt = a.at();
            }
            bedPressed = a.activation();
        } else if (a.isSeatMat()) {
            seatPressed = a.activation();
        }
        occupancy.someoneOnMat(bedPressed || seatPressed);
        boolean wasHome = !away(a.at());
        if (wasHome && last != null) {
            routine.recordQuiet(last.room(), last.at(), Duration.between(last.at(), a.at()));
        }
        if (occupancy.onActivity(a)) {
            LOG.info("{} back home ({} at {})", params.away().shared() ? "Someone is" : "The resident is", a.sensorId(),
                    Wording.at(a.at(), a.at(), zone));
            wasAway = false;
        }
        boolean silenceRestarts = params.away().shared() && a.activation(); // a home of two counts from the last movement
        if ((a.roomKind() == RoomKind.ENTRY || silenceRestarts) && occupancy.departing()) {
            // Settle the departure when it is due, so it is stored then rather than at the next event.
            scheduler.schedule(params.away().departAfter(), () -> away(scheduler.now()));
        }
        if (away(a.at())) {
            last = null;
            beforeRoom = null;
            roomActivations = 0;
        } else {
            countInRoom(a);
            last = a;
            stillSince = a.at();
            answers = 0;
            asked = false;
            wakeup.atOrBefore(stillSince.plus(limit().length()));
        }
        for (ActivityRule rule : rules) {
            rule.onActivity(a, wasHome);
        }
    }

    /**
     * The resident answered a check-in ("I'm fine", or the button): they are home and well. The
     * stillness limit restarts from now, longer each time they answer without moving.
     */
    public void residentAnswered(String how) {
        LOG.info("The resident answered a check-in ({})", how);
        occupancy.residentAnswered(scheduler.now());
        wasAway = false;
        checkIns.answered();
        if (last != null) {
            if (asked) {
                answers++;
                asked = false;
            }
            stillSince = scheduler.now();
            wakeup.atOrBefore(stillSince.plus(limit().length()));
        }
    }

    /** Check-ins asked so far: the burden the device puts on the resident. */
    public long checkInsAsked() {
        return checkIns.asked();
    }

    /** Whether the resident counts as out right now. */
    public boolean residentOut() {
        return away(scheduler.now());
    }

    /** Up, in bed or out, with the watch's words, for the remote check. */
    public ResidentStatus status() {
        Instant now = scheduler.now();
        if (away(now)) {
            Instant since = occupancy.awaySince();
            return new ResidentStatus(ResidentStatus.State.OUT, since,
                    since == null ? "out" : "out since " + Wording.at(since, now, zone));
        }
        if (bedPressed) {
            return new ResidentStatus(ResidentStatus.State.IN_BED, bedSince, "in bed since " + Wording.at(bedSince, now, zone));
        }
        if (last == null) {
            return new ResidentStatus(ResidentStatus.State.UNKNOWN, null, "no movement seen yet");
        }
        String lastMoved = "last moved in " + Wording.the(last.room()) + " at " + Wording.at(last.at(), now, zone);
        if (last.roomKind() == RoomKind.BEDROOM && bedSince == null) {
            return new ResidentStatus(ResidentStatus.State.UNKNOWN, null, lastMoved);
        }
        return outOfBedAt == null
                ? new ResidentStatus(ResidentStatus.State.UP, null, "up, " + lastMoved)
                : new ResidentStatus(ResidentStatus.State.UP, outOfBedAt,
                        "up since " + Wording.at(outOfBedAt, now, zone) + ", " + lastMoved);
    }

    private boolean away(Instant now) {
        boolean away = occupancy.isAway(now);
        if (away && !wasAway) {
            LOG.info("{} went out at {}", params.away().shared() ? "Everyone" : "The resident",
                    Wording.at(occupancy.awaySince(), now, zone));
        }
        wasAway = away;
        return away;
    }

    private void clockJumped(ClockJump jump) {
        LOG.info("The clock was set {} by {}: the quiet spell and the times kept are moved with it",
                jump.by().isNegative() ? "back" : "forward", Wording.duration(jump.by().abs()));
        last = last == null ? null : last.rebased(jump);
        beforeRoom = beforeRoom == null ? null : beforeRoom.rebased(jump);
        stillSince = jump.rebase(stillSince);
        bedSince = jump.rebase(bedSince);
        outOfBedAt = jump.rebase(outOfBedAt);
        wakeup.clockJumped(jump);
        occupancy.clockJumped(jump);
        routine.clockJumped(jump);
        checkIns.clockJumped(jump);
        rules.forEach(r -> r.clockJumped(jump));
        if (last != null && !asked) {
            // The limit can change with the time of day (night in bed, the routine's hour of the week).
            wakeup.atOrBefore(stillSince.plus(limit().length()));
        }
    }

    private void restore() {
        if (store == RoutineStore.NONE) {
            return;
        }
        Instant now = scheduler.now();
        try {
            Optional<LearnedRoutine> learned = store.routine();
            if (learned.isEmpty()) {
                LOG.warn("No learned routine is stored (a new home, or its data was erased): learning starts afresh, "
                        + "and only the fixed limits apply for the first {}", learningPeriod());
            } else if (learned.get().watchedSince().isAfter(now)) {
                // A Pi without a clock battery boots at its last saved time, or 1970, until NTP sets it.
                routine.restore(learned.get());
                LOG.warn("The stored routine says the home was first watched at {}, after the clock's {}: the clock is "
                        + "not set yet. The routine is kept and used once the clock catches up; until then only the fixed "
                        + "limits apply, and nothing is learned", learned.get().watchedSince(), now);
            } else {
                routine.restore(learned.get());
                LOG.info("Restored the learned routine: watched since {}, {} quiet spells, {} getting-up times{}",
                        Wording.at(learned.get().watchedSince(), now, zone), learned.get().quietSpells(),
                        learned.get().upMinutes().size(), routine.learned(now) ? "" : " (still learning)");
            }
        } catch (RuntimeException e) {
            LOG.warn("The stored routine could not be read ({}): learning starts afresh, and only the fixed limits apply "
                    + "for the first {}", e.getMessage(), learningPeriod());
        }
        try {
            store.whereabouts().filter(Whereabouts::away).ifPresent(w -> {
                occupancy.restore(w);
                wasAway = true;
                LOG.info("The resident has been out since {}, as stored before the restart", Wording.at(w.since(), now, zone));
            });
        } catch (RuntimeException e) {
            LOG.warn("Whether the resident is out could not be read ({}): taking them to be home", e.getMessage());
        }
    }

    private String learningPeriod() {
        java.time.Duration d = params.routine().learningPeriod();
        return d.toHours() % 24 == 0 && d.toDays() > 1 ? d.toDays() + " days" : Wording.duration(d);
    }

    private void saveRoutine() {
        routine.snapshot().ifPresent(learned -> {
            try {
                store.saveRoutine(learned);
                LOG.debug("Saved the learned routine: {} quiet spells, {} getting-up times", learned.quietSpells(),
                        learned.upMinutes().size());
            } catch (RuntimeException e) {
                LOG.warn("The learned routine could not be saved ({}); it is kept in memory and saved again tomorrow",
                        e.getMessage());
            }
        });
    }

    private void saveWhereabouts(Whereabouts w) {
        try {
            store.saveWhereabouts(w);
        } catch (RuntimeException e) {
            LOG.warn("Whether the resident is out could not be saved ({}); a restart now would take them to be home",
                    e.getMessage());
        }
    }

    private void checkStillness() {
        Instant now = scheduler.now();
        if (last == null || asked) {
            return;
        }
        if (away(now)) {
            last = null;
            return;
        }
        Limit limit = limit();
        Instant due = stillSince.plus(limit.length());
        if (now.isBefore(due)) {
            wakeup.atOrBefore(due);
            return;
        }
        asked = true;
        checkIns.ask(limit.kind(), last.room(), explain(limit));
    }

    private void countInRoom(Activity a) {
        if (last == null || !last.room().equals(a.room())) {
            beforeRoom = last;
            roomActivations = 0;
        }
        if (a.activation()) {
            roomActivations++;
        }
    }

    /**
     * Where to judge the stillness from: the room of the last movement, unless that room saw a
     * single movement and the room before it allows longer stillness. Sensors blip (a kitchen
     * sensor at 05:28 while the resident sleeps); judging a blip by the previous room asks later,
     * never sooner.
     */
    private Activity place() {
        if (roomActivations <= 1 && beforeRoom != null && fixedLimit(beforeRoom).compareTo(fixedLimit(last)) > 0) {
            return beforeRoom;
        }
        return last;
    }

    private Duration fixedLimit(Activity at) {
        return inBedLimit(at).orElseGet(() -> params.longLie().after(at.roomKind()));
    }

    /**
     * The limit for the current quiet spell and what it rests on. The words are only put
     * together when a question is asked: the limit itself is worked out at every event.
     *
     * @param length the limit, stretched for answered check-ins
     * @param base   the limit before stretching
     * @param place  the movement the stillness is judged by
     * @param inBed  the limit is the one for lying in bed
     * @param usual  the learned norm behind the limit; null for a fixed limit
     */
    private record Limit(Duration length, Duration base, Activity place, boolean inBed, RoutineModel.Norm usual) {
        AlertKind kind() {
            return usual == null ? AlertKind.LONG_LIE : AlertKind.INACTIVITY;
        }
    }

    private Limit limit() {
        ActivityParameters.LongLie longLie = params.longLie();
        double repeat = Math.pow(longLie.repeatFactor(), answers);
        Activity place = place();
        Optional<Duration> bed = inBedLimit(place);
        if (bed.isPresent()) {
            return new Limit(scaled(bed.get(), repeat), bed.get(), place, true, null);
        }
        Duration fixed = seatPressed ? longLie.after(RoomKind.SITTING) : longLie.after(place.roomKind());
        Optional<RoutineModel.Norm> usual = routine.quiet(place.room(), place.at(), scheduler.now());
        if (usual.isPresent()) {
            Duration learned = clamp(usual.get().highDuration().plus(params.routine().margin()), fixed);
            return new Limit(scaled(learned, repeat), learned, place, false, usual.get());
        }
        return new Limit(scaled(fixed, repeat), fixed, place, false, null);
    }

    private String explain(Limit limit) {
        Instant now = scheduler.now();
        Activity place = limit.place();
        String since = "No movement anywhere since " + Wording.at(last.at(), now, zone) + ", last in "
                + Wording.the(last.room()) + (place == last ? "" : " (a single movement; before it, "
                + Wording.the(place.room()) + " at " + Wording.at(place.at(), now, zone) + ")");
        String answered = (answers == 0 ? "" : " The resident said they were all right at "
                + Wording.at(stillSince, now, zone) + " and has not moved since.") + radarWords();
        if (limit.inBed()) {
            return since + ", in bed. More than " + Wording.duration(limit.base()) + " without any movement in bed is unusual."
                    + answered;
        }
        RoutineModel.Norm n = limit.usual();
        if (n != null) {
            return since + ". At this time of the week, stillness after " + Wording.the(place.room()) + " usually lasts "
                    + Wording.duration(minutes(n.median())) + " ± " + Wording.duration(minutes(Math.max(n.spread(), 1)))
                    + ", and " + Math.round(params.routine().percentile() * 100) + "% of the time at most "
                    + Wording.duration(n.highDuration()) + "." + answered;
        }
        String where = seatPressed ? "a seat" : Wording.the(place.room());
        String stayed = params.away().shared() ? ", and the home was not seen to empty" : ", and nobody went out";
        return since + stayed + ". After " + where + ", more than " + Wording.duration(limit.base())
                + " without movement is unusual." + answered;
    }

    /** " The radar in the living room sees someone there, not moving." when one does: where to look first. */
    private String radarWords() {
        return radars.values().stream().filter(r -> r.presence() == Presence.STILL).map(PresenceEvent::room).distinct()
                .map(room -> " The radar in " + Wording.the(room) + " sees someone there, not moving.")
                .reduce("", String::concat);
    }

    /** The limit in bed, if the resident is in bed: the mat pressed, or the bedroom at night. */
    private Optional<Duration> inBedLimit(Activity at) {
        LocalTime start = at.at().atZone(zone).toLocalTime();
        ActivityParameters.LongLie longLie = params.longLie();
        boolean bedroom = at.roomKind() == RoomKind.BEDROOM;
        Duration dayLimit = longLie.after(RoomKind.BEDROOM);
        boolean night = params.rooms().isNight(start) || params.rooms().isNight(start.plus(dayLimit));
        if ((bedroom || bedPressed) && night) {
            return Optional.of(longLie.inBedAtNight());
        }
        return bedPressed ? Optional.of(longLie.inBedByDay()) : Optional.empty();
    }

    /** A learned limit, kept within the fixed one stretched either way, and above the floor. */
    private Duration clamp(Duration learned, Duration fixed) {
        ActivityParameters.Routine r = params.routine();
        Duration low = scaled(fixed, 1 / r.stretch());
        low = low.compareTo(r.floor()) < 0 ? r.floor() : low;
        Duration high = scaled(fixed, r.stretch());
        return learned.compareTo(low) < 0 ? low : learned.compareTo(high) > 0 ? high : learned;
    }

    private static Duration scaled(Duration d, double factor) {
        return Duration.ofSeconds(Math.round(d.toSeconds() * factor));
    }

    private static Duration minutes(double m) {
        return Duration.ofSeconds(Math.round(m * 60));
    }
}
