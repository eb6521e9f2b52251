package org.hearth.gateway.domain.activity;

import java.util.Optional;

/**
 * Where the inactivity detector keeps what must survive a restart: the learned routine and
 * whether the resident is out. Without it every restart, power cut or upgrade would begin the
 * learning period again, and a restart while the resident is out would take the empty home for
 * an occupied one and ask about its stillness.
 *
 * <p>{@link ActivityWatch} writes the routine once a day (when the day starts, see
 * {@link ActivityParameters.Routine#dayStart}) and when it begins watching a new home, and the
 * whereabouts at every settled change between in and out; never per sensor event. A store that
 * fails to read or write is logged and the detector goes on with what it has in memory.
 */
public interface RoutineStore {

    /** Keeps nothing: every start learns afresh. For evaluations and the demo. */
    RoutineStore NONE = new RoutineStore() {
        @Override
        public Optional<LearnedRoutine> routine() {
            return Optional.empty();
        }

        @Override
        public void saveRoutine(LearnedRoutine routine) {
        }

        @Override
        public Optional<Whereabouts> whereabouts() {
            return Optional.empty();
        }

        @Override
        public void saveWhereabouts(Whereabouts whereabouts) {
        }
    };

    /**
     * The routine last saved, if any.
     *
     * @throws Unreadable when something is stored but cannot be read back
     */
    Optional<LearnedRoutine> routine();

    /** Replaces the stored routine, durably. */
    void saveRoutine(LearnedRoutine routine);

    /**
     * Whether the resident was last known to be out, if ever saved.
     *
     * @throws Unreadable when something is stored but cannot be read back
     */
    Optional<Whereabouts> whereabouts();

    /** Replaces the stored whereabouts, durably. */
    void saveWhereabouts(Whereabouts whereabouts);

    /** What is stored cannot be read back: damaged, or written by something else. */
    final class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }
}
