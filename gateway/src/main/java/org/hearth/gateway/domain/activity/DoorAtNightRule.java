package org.hearth.gateway.domain.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.hearth.protocol.AlertKind;
import org.hearth.sensors.SensorKind;
import org.hearth.time.ClockJump;
import org.hearth.time.Scheduler;

/**
 * The installer's "front door opened at night" for a resident at risk of wandering: a door
 * contact at the entry opening in the night window while the resident is home. The question is
 * asked indoors; if the resident has walked out, nobody answers and the carers are told.
 */
final class DoorAtNightRule implements ActivityRule {

    /** One opening and the next few minutes of door traffic are one event. */
    private static final Duration ONCE_PER = Duration.ofMinutes(30);

    private final ActivityParameters.DoorAtNight rule;
    private final RoomMatch room;
    private final Scheduler scheduler;
    private final CheckIns checkIns;
    private Instant lastAsked;

    DoorAtNightRule(ActivityParameters.DoorAtNight rule, ActivityParameters.Rooms rooms, Scheduler scheduler,
                    CheckIns checkIns) {
        this.rule = rule;
        this.room = RoomMatch.of(rule.room(), rooms);
        this.scheduler = scheduler;
        this.checkIns = checkIns;
    }

    @Override
    public void onActivity(Activity a, boolean wasHome) {
        if (!wasHome || !a.activation() || a.kind() != SensorKind.CONTACT || !room.covers(a.room())) {
            return;
        }
        LocalTime t = a.at().atZone(scheduler.clock().getZone()).toLocalTime();
        if (!rule.covers(t) || (lastAsked != null && a.at().isBefore(lastAsked.plus(ONCE_PER)))) {
            return;
        }
        lastAsked = a.at();
        checkIns.ask(AlertKind.INACTIVITY, a.room(), "The door at " + Wording.the(a.room()) + " opened at "
                + Wording.clock(t) + ", during the night (" + Wording.clock(rule.from()) + " to "
                + Wording.clock(rule.to()) + "), while the resident was at home.");
    }

    @Override
    public void clockJumped(ClockJump jump) {
        lastAsked = jump.rebase(lastAsked);
    }
}
