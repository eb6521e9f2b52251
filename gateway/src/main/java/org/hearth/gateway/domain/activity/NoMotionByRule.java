package org.hearth.gateway.domain.activity;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.hearth.protocol.AlertKind;
import org.hearth.time.ClockJump;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The installer's "no movement in the kitchen by 10:00" (movement counted from {@code since}). */
final class NoMotionByRule implements ActivityRule {

    private static final Logger LOG = LoggerFactory.getLogger(NoMotionByRule.class);

    private final ActivityParameters.NoMotionBy rule;
    private final RoomMatch room;
    private final Scheduler scheduler;
    private final Occupancy occupancy;
    private final CheckIns checkIns;
    private Instant lastMotion;
    private boolean roomSeen;

    NoMotionByRule(ActivityParameters.NoMotionBy rule, ActivityParameters.Rooms rooms, Scheduler scheduler,
                   Occupancy occupancy, CheckIns checkIns) {
        this.rule = rule;
        this.room = RoomMatch.of(rule.room(), rooms);
        this.scheduler = scheduler;
        this.occupancy = occupancy;
        this.checkIns = checkIns;
        DailyAt.start(scheduler, rule.by(), this::check);
    }

    @Override
    public void onActivity(Activity a, boolean wasHome) {
        if (room.covers(a.room())) {
            roomSeen = true;
            lastMotion = a.at();
        }
    }

    @Override
    public void clockJumped(ClockJump jump) {
        lastMotion = jump.rebase(lastMotion);
    }

    private void check() {
        Instant now = scheduler.now();
        ZoneId zone = scheduler.clock().getZone();
        Instant since = ZonedDateTime.ofInstant(now, zone).with(rule.since()).toInstant();
        if (!roomSeen) {
            LOG.debug("No sensor in the {} has reported yet; the {} rule waits", rule.room(), Wording.clock(rule.by()));
            return;
        }
        if (!lastMotion.isBefore(since)) {
            return;
        }
        if (occupancy.isAway(now)) {
            LOG.info("No movement in the {} by {}, but the resident is out", rule.room(), Wording.clock(rule.by()));
            return;
        }
        checkIns.ask(AlertKind.INACTIVITY, rule.room(), "No movement in " + Wording.the(rule.room()) + " since "
                + Wording.at(lastMotion, now, zone) + ", and none by " + Wording.clock(rule.by())
                + " today. The installer set a check for movement there by " + Wording.clock(rule.by()) + ".");
    }
}
