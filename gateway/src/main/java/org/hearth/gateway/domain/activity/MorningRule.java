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
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learned morning rule: not up by the usual time plus a margin. A collapse at night looks
 * like sleep to every other rule; this is the one that catches it. "Up" is the first movement in
 * a day room (not the bedroom, the bathroom, the hall or the entry) after the day starts, so a
 * night-time trip to the toilet is not getting up.
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

    MorningRule(ActivityParameters.Routine params, RoutineModel routine, Scheduler scheduler, Occupancy occupancy,
                CheckIns checkIns) {
        this.params = params;
        this.routine = routine;
        this.scheduler = scheduler;
        this.occupancy = occupancy;
        this.checkIns = checkIns;
        this.zone = scheduler.clock().getZone();
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
        if (homeAtDayStart) {
            routine.recordUp(t.toLocalTime());
        }
    }

    private void dayStarts() {
        Instant now = scheduler.now();
        homeAtDayStart = !occupancy.isAway(now);
        routine.up(now).ifPresent(usual -> {
            long minutes = Math.round(usual.high() + params.wakeMargin().toMinutes());
            LocalTime by = LocalTime.ofSecondOfDay(Math.min(minutes * 60, LATEST.toSecondOfDay()));
            if (by.isAfter(params.dayStart())) {
                Duration wait = Duration.between(now.atZone(zone).toLocalTime(), by);
                scheduler.schedule(wait, () -> check(usual, by));
            }
        });
    }

    private void check(RoutineModel.Norm usual, LocalTime by) {
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
