package org.hearth.gateway.domain.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.hearth.protocol.AlertKind;
import org.hearth.time.ClockJump;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learned morning rule: not up by the usual time plus a margin. A collapse at night looks
 * like sleep to every other rule; this is the one that catches it. "Up" is the first movement in
 * a day room (not the bedroom, the bathroom, the hall or the entry) after the day starts, so a
 * night-time trip to the toilet is not getting up.
 *
 * <p>The check is planned only on a morning watched from its start: a daemon started (or a clock
 * set) after the day began does not know whether the resident got up before it, and does not ask.
 */
final class MorningRule implements ActivityRule {

    private static final Logger LOG = LoggerFactory.getLogger(MorningRule.class);
    private static final Set<RoomKind> NIGHT_ROOMS = EnumSet.of(RoomKind.BEDROOM, RoomKind.BATHROOM,
            RoomKind.PASSAGE, RoomKind.ENTRY);
    /** The check never moves past this, whatever the routine says: late risers still get asked. */
    private static final LocalTime LATEST = LocalTime.of(13, 0);

    private final ActivityParameters.Routine params;
    private final RoutineModel routine;
    private final Scheduler scheduler;
    private final Occupancy occupancy;
    private final CheckIns checkIns;
    private final ZoneId zone;
    private LocalDate upOn;
    private boolean homeAtDayStart;
    private Instant lastInDayRoom;
    /** When this rule began watching, in the current wall clock's terms. */
    private Instant startedAt;
    private Scheduler.Cancellable pending;

    MorningRule(ActivityParameters.Routine params, RoutineModel routine, Scheduler scheduler, Occupancy occupancy,
                CheckIns checkIns) {
        this.params = params;
        this.routine = routine;
        this.scheduler = scheduler;
        this.occupancy = occupancy;
        this.checkIns = checkIns;
        this.zone = scheduler.clock().getZone();
        this.startedAt = scheduler.now();
        DailyAt.start(scheduler, params.dayStart(), this::dayStarts);
    }

    @Override
    public void onActivity(Activity a, boolean wasHome) {
        if (!a.activation() || NIGHT_ROOMS.contains(a.roomKind())) {
            return;
        }
        lastInDayRoom = a.at();
        ZonedDateTime t = a.at().atZone(zone);
        LocalDate day = t.toLocalDate();
        if (!wasHome || t.toLocalTime().isBefore(params.dayStart()) || day.equals(upOn)) {
            return;
        }
        upOn = day;
        if (homeAtDayStart && !routine.clockBehind(a.at())) {
            routine.recordUp(t.toLocalTime());
        }
    }

    @Override
    public void clockJumped(ClockJump jump) {
        startedAt = jump.rebase(startedAt);
        lastInDayRoom = jump.rebase(lastInDayRoom);
        // Up today if the last movement in a day room, in the corrected time, was after the day began.
        ZonedDateTime now = scheduler.now().atZone(zone);
        boolean upToday = lastInDayRoom != null && !lastInDayRoom.isBefore(now.with(params.dayStart()).toInstant());
        upOn = upToday ? now.toLocalDate() : null;
        if (pending != null) {
            plan();
        }
    }

    private void dayStarts() {
        homeAtDayStart = !occupancy.isAway(scheduler.now());
        plan();
    }

    /** Plans today's check, once, from the current wall clock; at once if the clock jumped past it. */
    private void plan() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        ZonedDateTime now = scheduler.now().atZone(zone);
        if (now.toLocalTime().isBefore(params.dayStart()) || startedAt.isAfter(now.with(params.dayStart()).toInstant())) {
            return;
        }
        routine.up(now.toInstant()).ifPresent(usual -> {
            long minutes = Math.round(usual.high() + params.wakeMargin().toMinutes());
            LocalTime by = LocalTime.ofSecondOfDay(Math.min(minutes * 60, LATEST.toSecondOfDay()));
            if (by.isAfter(params.dayStart())) {
                Duration wait = Duration.between(now, now.with(by));
                pending = scheduler.schedule(wait.isNegative() ? Duration.ZERO : wait, () -> check(usual, by));
            }
        });
    }

    private void check(RoutineModel.Norm usual, LocalTime by) {
        pending = null;
        Instant now = scheduler.now();
        if (now.atZone(zone).toLocalDate().equals(upOn)) {
            return;
        }
        if (occupancy.isAway(now)) {
            LOG.info("Not up by {}, but the resident is out", Wording.clock(by));
            return;
        }
        String since = lastInDayRoom == null ? "" : " since " + Wording.at(lastInDayRoom, now, zone);
        checkIns.ask(AlertKind.INACTIVITY, "bedroom", "Not up yet: no movement outside the bedroom" + since
                + ". Usually up by " + clock(usual.median()) + " ± " + Math.round(Math.max(usual.spread(), 5))
                + " min.");
    }

    private static String clock(double minutesAfterMidnight) {
        return Wording.clock(LocalTime.ofSecondOfDay(Math.round(minutesAfterMidnight * 60) % 86_400));
    }
}
