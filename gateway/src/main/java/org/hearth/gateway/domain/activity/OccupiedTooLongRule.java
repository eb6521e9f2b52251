package org.hearth.gateway.domain.activity;

import java.time.Instant;
import org.hearth.protocol.AlertKind;
import org.hearth.time.ClockJump;
import org.hearth.time.Scheduler;

/**
 * The installer's "bathroom occupied more than 45 min": movement in the room and nowhere else
 * since the resident went in. Stillness in the room is the long-lie rule's; this one catches
 * someone moving but unable to leave, for example stuck on the toilet.
 */
final class OccupiedTooLongRule implements ActivityRule {

    private final ActivityParameters.OccupiedTooLong rule;
    private final RoomMatch room;
    private final Scheduler scheduler;
    private final Occupancy occupancy;
    private final CheckIns checkIns;
    private final Wakeup wakeup;
    private Instant enteredAt;
    private Instant askedFor;

    OccupiedTooLongRule(ActivityParameters.OccupiedTooLong rule, ActivityParameters.Rooms rooms, Scheduler scheduler,
                        Occupancy occupancy, CheckIns checkIns) {
        this.rule = rule;
        this.room = RoomMatch.of(rule.room(), rooms);
        this.scheduler = scheduler;
        this.occupancy = occupancy;
        this.checkIns = checkIns;
        this.wakeup = new Wakeup(scheduler, this::check);
    }

    @Override
    public void onActivity(Activity a, boolean wasHome) {
        if (!wasHome) {
            enteredAt = null;
        } else if (room.covers(a.room())) {
            if (enteredAt == null) {
                enteredAt = a.at();
                wakeup.atOrBefore(enteredAt.plus(rule.limit()));
            }
        } else if (a.activation()) {
            enteredAt = null;
        }
    }

    @Override
    public void clockJumped(ClockJump jump) {
        enteredAt = jump.rebase(enteredAt);
        askedFor = jump.rebase(askedFor);
        wakeup.clockJumped(jump);
    }

    private void check() {
        Instant now = scheduler.now();
        if (enteredAt == null || enteredAt.equals(askedFor) || occupancy.isAway(now)) {
            return;
        }
        Instant due = enteredAt.plus(rule.limit());
        if (now.isBefore(due)) {
            wakeup.atOrBefore(due);
            return;
        }
        askedFor = enteredAt;
        checkIns.ask(AlertKind.INACTIVITY, rule.room(), capitalised(Wording.the(rule.room()))
                + " has been the only place with movement since " + Wording.at(enteredAt, now, scheduler.clock().getZone())
                + " (" + Wording.duration(java.time.Duration.between(enteredAt, now)) + "). The installer set a check after "
                + Wording.duration(rule.limit()) + ".");
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
