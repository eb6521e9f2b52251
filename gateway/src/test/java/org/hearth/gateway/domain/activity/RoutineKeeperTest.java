package org.hearth.gateway.domain.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What survives a restart, and that a failing store never stops the watch. */
@Tag("small")
class RoutineKeeperTest {

    private static final Instant NOW = Instant.parse("2026-03-16T09:00:00Z");
    private static final LearnedRoutine LEARNED = new LearnedRoutine(NOW.minus(Duration.ofDays(14)), Map.of(), List.of(420.0, 430.0));

    private final ActivityParameters params = ActivityParameters.defaults();
    private final RoutineModel routine = new RoutineModel(params.routine(), ZoneOffset.UTC);
    private final Occupancy occupancy = new Occupancy(params.away());
    private final FakeStore store = new FakeStore();
    private final RoutineKeeper keeper = new RoutineKeeper(store, routine, params.routine().learningPeriod(), ZoneOffset.UTC);

    @Test
    void the_stored_routine_and_a_resident_out_are_taken_up() {
        store.routine = Optional.of(LEARNED);
        store.whereabouts = Optional.of(new Whereabouts(true, NOW.minus(Duration.ofHours(2))));

        assertThat(keeper.restore(occupancy, NOW)).isTrue();

        assertThat(routine.snapshot()).contains(LEARNED);
        assertThat(occupancy.isAway(NOW)).isTrue();
        assertThat(occupancy.awaySince()).isEqualTo(NOW.minus(Duration.ofHours(2)));
    }

    @Test
    void a_resident_stored_as_home_is_home_and_a_routine_from_a_clock_not_yet_set_is_kept_but_not_used() {
        LearnedRoutine fromTheFuture = new LearnedRoutine(NOW.plus(Duration.ofDays(3)), Map.of(), List.of());
        store.routine = Optional.of(fromTheFuture);
        store.whereabouts = Optional.of(new Whereabouts(false, NOW.minus(Duration.ofHours(2))));

        assertThat(keeper.restore(occupancy, NOW)).isFalse();

        assertThat(routine.snapshot()).contains(fromTheFuture);
        assertThat(routine.learned(NOW)).isFalse();
        assertThat(occupancy.isAway(NOW)).isFalse();
    }

    @Test
    void a_store_that_cannot_be_read_means_learning_afresh_with_the_resident_home() {
        store.failing = true;

        assertThat(keeper.restore(occupancy, NOW)).isFalse();

        assertThat(routine.snapshot()).isEmpty();
        assertThat(occupancy.isAway(NOW)).isFalse();
    }

    @Test
    void the_routine_is_saved_once_something_was_watched_and_whereabouts_every_time() {
        keeper.saveRoutine();
        assertThat(store.routine).as("nothing watched yet").isEmpty();

        routine.watching(NOW);
        keeper.saveRoutine();
        keeper.saveWhereabouts(new Whereabouts(true, NOW));

        assertThat(store.routine).isEqualTo(routine.snapshot());
        assertThat(store.whereabouts).contains(new Whereabouts(true, NOW));
    }

    @Test
    void a_store_that_cannot_be_written_is_only_logged() {
        routine.watching(NOW);
        store.failing = true;

        keeper.saveRoutine();
        keeper.saveWhereabouts(new Whereabouts(true, NOW));

        assertThat(store.routine).isEmpty();
        assertThat(store.whereabouts).isEmpty();
    }

    @Test
    void keeping_nothing_reads_nothing() {
        RoutineKeeper none = new RoutineKeeper(RoutineStore.NONE, routine, params.routine().learningPeriod(), ZoneOffset.UTC);

        assertThat(none.restore(occupancy, NOW)).isFalse();
        routine.watching(NOW);
        none.saveRoutine();
        assertThat(routine.snapshot()).isPresent();
    }

    /** A store in memory that can be made to fail every read and write. */
    private static final class FakeStore implements RoutineStore {
        Optional<LearnedRoutine> routine = Optional.empty();
        Optional<Whereabouts> whereabouts = Optional.empty();
        boolean failing;

        @Override
        public Optional<LearnedRoutine> routine() {
            fail();
            return routine;
        }

        @Override
        public void saveRoutine(LearnedRoutine learned) {
            fail();
            routine = Optional.of(learned);
        }

        @Override
        public Optional<Whereabouts> whereabouts() {
            fail();
            return whereabouts;
        }

        @Override
        public void saveWhereabouts(Whereabouts w) {
            fail();
            whereabouts = Optional.of(w);
        }

        private void fail() {
            if (failing) {
                throw new RoutineStore.Unreadable("damaged");
            }
        }
    }
}
