package org.hearth.gateway.domain.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the inactivity watch's memory across restarts through a {@link RoutineStore}: the
 * learned routine and whether the resident is out are restored when the watch is made; the routine
 * is saved when asked (once a day, and when learning begins), the whereabouts at every settled
 * change. A store that cannot be read means learning afresh (a WARN says so); one that cannot be
 * written is logged, and the watch goes on from memory: no alert waits on the store.
 */
final class RoutineKeeper {

    /** The watch's own log: an operator reads what a restart took up with what the watch then did. */
    private static final Logger LOG = LoggerFactory.getLogger(ActivityWatch.class);

    private final RoutineStore store;
    private final RoutineModel routine;
    private final Duration learningPeriod;
    private final ZoneId zone;

    RoutineKeeper(RoutineStore store, RoutineModel routine, Duration learningPeriod, ZoneId zone) {
        this.store = store;
        this.routine = routine;
        this.learningPeriod = learningPeriod;
        this.zone = zone;
    }

    /**
     * Takes up what the store kept into {@code routine} and {@code occupancy}. Call once, before
     * anything is watched and before the occupancy's changes are saved.
     *
     * @return true when the resident was stored as out, and {@code occupancy} now says so
     */
    boolean restore(Occupancy occupancy, Instant now) {
        if (store == RoutineStore.NONE) {
            return false;
        }
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
        boolean out = false;
        try {
            Optional<Whereabouts> stored = store.whereabouts().filter(Whereabouts::away);
            if (stored.isPresent()) {
                occupancy.restore(stored.get());
                out = true;
                LOG.info("The resident has been out since {}, as stored before the restart",
                        Wording.at(stored.get().since(), now, zone));
            }
        } catch (RuntimeException e) {
            LOG.warn("Whether the resident is out could not be read ({}): taking them to be home", e.getMessage());
        }
        return out;
    }

    private String learningPeriod() {
        Duration d = learningPeriod;
        return d.toHours() % 24 == 0 && d.toDays() > 1 ? d.toDays() + " days" : Wording.duration(d);
    }

    /** Saves the routine learned so far, if anything has been watched yet. */
    void saveRoutine() {
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

    /** Saves whether the resident is out. */
    void saveWhereabouts(Whereabouts w) {
        try {
            store.saveWhereabouts(w);
        } catch (RuntimeException e) {
            LOG.warn("Whether the resident is out could not be saved ({}); a restart now would take them to be home",
                    e.getMessage());
        }
    }
}
