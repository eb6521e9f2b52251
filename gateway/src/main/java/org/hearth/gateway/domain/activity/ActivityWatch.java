package org.hearth.gateway.domain.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.gateway.domain.AlertSink;
import org.hearth.gateway.domain.Detector;
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
 * resident is home. Its limit ({@link StillnessLimits}) depends on where that movement was:
 * short after the kitchen or bathroom, longer after a sitting place, the night's length in bed at
 * night. Once the learning period is over, the learned routine for that room and hour of the week
 * sets the limit instead.
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
 * {@link RoutineStore}, kept by a {@link RoutineKeeper}: restored when the watch is made, the
 * routine saved once a day when the day starts, the whereabouts at every settled change. Nothing
 * is written per sensor event. A store that cannot be read means learning afresh (a WARN says so);
 * one that cannot be written is logged and the watch goes on from memory: no alert waits on the store.
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
    private final StillnessLimits limits;
    private final RoutineKeeper keeper;
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
        this.occupancy = new Occupancy(params.away());
        this.routine = new RoutineModel(params.routine(), zone);
        this.limits = new StillnessLimits(params, routine, zone);
        this.keeper = new RoutineKeeper(store, routine, params.routine().learningPeriod(), zone);
        wasAway = keeper.restore(occupancy, scheduler.now());
        occupancy.onChange(keeper::saveWhereabouts);
        DailyAt.start(scheduler, params.routine().dayStart(), keeper::saveRoutine);
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
            keeper.saveRoutine(); // the learning period starts now, and a restart must not move its start
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

    private void checkStillness() {
        Instant now = scheduler.now();
        if (last == null || asked) {
            return;
        }
        if (away(now)) {
            last = null;
            return;
        }
        StillnessLimits.Limit limit = limit();
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
        if (roomActivations <= 1 && beforeRoom != null
                && limits.fixed(beforeRoom, bedPressed).compareTo(limits.fixed(last, bedPressed)) > 0) {
            return beforeRoom;
        }
        return last;
    }

    /** The limit for the current quiet spell. */
    private StillnessLimits.Limit limit() {
        return limits.of(place(), answers, bedPressed, seatPressed, scheduler.now());
    }

    private String explain(StillnessLimits.Limit limit) {
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

    private static Duration minutes(double m) {
        return Duration.ofSeconds(Math.round(m * 60));
    }
}
