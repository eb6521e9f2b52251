package org.hearth.gateway.domain.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class RoutineModelTest {

    /** A Monday. */
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    private final RoutineModel routine = new RoutineModel(ActivityParameters.Routine.defaults(), ZoneOffset.UTC);

    @Test
    void nothing_is_trusted_during_the_learning_period() {
        routine.watching(START);
        for (int week = 0; week < 2; week++) {
            for (int i = 0; i < 10; i++) {
                routine.recordQuiet("kitchen", monday(week, 8), Duration.ofMinutes(10 + i));
            }
        }

        assertThat(routine.quiet("kitchen", monday(1, 8), START.plus(Duration.ofDays(13)))).isEmpty();
        assertThat(routine.quiet("kitchen", monday(2, 8), START.plus(Duration.ofDays(14)))).isPresent();
    }

    @Test
    void the_norm_is_the_median_the_spread_and_the_high_percentile_of_the_hours_spells() {
        routine.watching(START);
        for (int i = 1; i <= 21; i++) {
            routine.recordQuiet("kitchen", monday(i % 3, 8), Duration.ofMinutes(5 + i));
        }

        RoutineModel.Norm norm = routine.quiet("kitchen", monday(3, 8), START.plus(Duration.ofDays(21))).orElseThrow();

        assertThat(norm.samples()).isEqualTo(21);
        assertThat(norm.median()).isCloseTo(16, within(1e-9));
        assertThat(norm.spread()).isCloseTo(5, within(1e-9));
        assertThat(norm.high()).isCloseTo(25, within(1e-9));
    }

    @Test
    void pauses_shorter_than_a_quiet_spell_are_not_learned() {
        routine.watching(START);
        for (int i = 0; i < 50; i++) {
            routine.recordQuiet("kitchen", monday(0, 8), Duration.ofSeconds(30));
        }

        assertThat(routine.quiet("kitchen", monday(3, 8), START.plus(Duration.ofDays(21)))).isEmpty();
    }

    @Test
    void a_sparse_hour_of_the_week_borrows_the_same_hour_and_its_neighbours_on_other_days() {
        routine.watching(START);
        for (int day = 0; day < 7; day++) {
            routine.recordQuiet("living room", START.plus(Duration.ofDays(day)).plus(Duration.ofHours(13)), Duration.ofMinutes(40));
            routine.recordQuiet("living room", START.plus(Duration.ofDays(day)).plus(Duration.ofHours(15)), Duration.ofMinutes(60));
        }
        routine.recordQuiet("living room", START.plus(Duration.ofHours(20)), Duration.ofMinutes(600));

        RoutineModel.Norm norm = routine.quiet("living room", START.plus(Duration.ofDays(14)).plus(Duration.ofHours(14)),
                START.plus(Duration.ofDays(15))).orElseThrow();

        assertThat(norm.samples()).as("13:00 and 15:00 on seven days; 20:00 is not a neighbour").isEqualTo(14);
        assertThat(norm.high()).isCloseTo(60, within(1e-9));
    }

    @Test
    void getting_up_is_learned_as_a_time_of_day() {
        routine.watching(START);
        Random random = new Random(7);
        for (int day = 0; day < 20; day++) {
            routine.recordUp(LocalTime.of(7, 0).plusMinutes(random.nextInt(31)));
        }

        RoutineModel.Norm up = routine.up(START.plus(Duration.ofDays(20))).orElseThrow();

        assertThat(up.median()).isBetween(7 * 60.0, 7 * 60 + 30.0);
        assertThat(up.high()).isBetween(up.median(), 7 * 60 + 30.0);
    }

    @Test
    void percentiles_interpolate_between_ranks() {
        double[] sorted = {10, 20, 30, 40};

        assertThat(RoutineModel.percentile(sorted, 0.5)).isEqualTo(25);
        assertThat(RoutineModel.percentile(sorted, 0)).isEqualTo(10);
        assertThat(RoutineModel.percentile(sorted, 1)).isEqualTo(40);
    }

    private static Instant monday(int week, int hour) {
        return START.plus(Duration.ofDays(7L * week)).plus(Duration.ofHours(hour));
    }
}
