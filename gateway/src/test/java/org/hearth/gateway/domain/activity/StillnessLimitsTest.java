package org.hearth.gateway.domain.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hearth.protocol.AlertKind;
import org.hearth.sensors.SensorKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How long stillness may last, with the default parameters: fixed, in bed, seated, learned, stretched. */
@Tag("small")
class StillnessLimitsTest {

    /** A Monday. */
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    private final ActivityParameters params = ActivityParameters.defaults();
    private final RoutineModel routine = new RoutineModel(params.routine(), ZoneOffset.UTC);
    private final StillnessLimits limits = new StillnessLimits(params, routine, ZoneOffset.UTC);

    private Activity motion(String room, Instant at) {
        return new Activity("pir-" + room, room, params.rooms().kindOf(room), SensorKind.PIR, true, at);
    }

    private static Instant at(String time) {
        return Instant.parse("2026-03-02T" + time + ":00Z");
    }

    @Test
    void after_a_room_the_fixed_limit_is_the_rooms_and_each_answer_doubles_it() {
        Activity kitchen = motion("kitchen", at("11:00"));

        StillnessLimits.Limit first = limits.of(kitchen, 0, false, false, at("11:00"));
        StillnessLimits.Limit afterTwoAnswers = limits.of(kitchen, 2, false, false, at("12:30"));

        assertThat(first).isEqualTo(new StillnessLimits.Limit(Duration.ofMinutes(30), Duration.ofMinutes(30), kitchen,
                false, null));
        assertThat(first.kind()).isEqualTo(AlertKind.LONG_LIE);
        assertThat(afterTwoAnswers.length()).isEqualTo(Duration.ofHours(2));
        assertThat(afterTwoAnswers.base()).isEqualTo(Duration.ofMinutes(30));
        assertThat(limits.of(motion("living room", at("14:00")), 0, false, false, at("14:00")).length())
                .isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void the_bedroom_at_night_or_within_its_day_limit_of_night_is_a_nights_sleep() {
        assertThat(limits.of(motion("bedroom", at("23:00")), 0, false, false, at("23:00")))
                .extracting(StillnessLimits.Limit::length, StillnessLimits.Limit::inBed)
                .containsExactly(Duration.ofHours(10), true);
        assertThat(limits.of(motion("bedroom", at("21:30")), 0, false, false, at("21:30")).length())
                .as("an hour in the bedroom from 21:30 reaches the night").isEqualTo(Duration.ofHours(10));
        assertThat(limits.of(motion("bedroom", at("14:00")), 0, false, false, at("14:00")))
                .extracting(StillnessLimits.Limit::length, StillnessLimits.Limit::inBed)
                .containsExactly(Duration.ofMinutes(60), false);
    }

    @Test
    void a_pressed_bed_mat_by_day_is_a_nap_wherever_the_last_movement_was_and_a_seat_mat_a_sitting_place() {
        assertThat(limits.of(motion("kitchen", at("14:00")), 0, true, false, at("14:00")).length()).isEqualTo(Duration.ofHours(3));
        assertThat(limits.fixed(motion("kitchen", at("14:00")), true)).isEqualTo(Duration.ofHours(3));
        assertThat(limits.of(motion("kitchen", at("14:00")), 0, false, true, at("14:00")).length())
                .isEqualTo(Duration.ofMinutes(90));
        assertThat(limits.fixed(motion("kitchen", at("14:00")), false)).as("the seat counts only for the limit itself")
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void once_learned_the_usual_stillness_plus_the_margin_sets_the_limit_within_the_fixed_one_stretched() {
        learn("kitchen", Duration.ofMinutes(12));
        learn("hall", Duration.ofMinutes(200));
        learn("living room", Duration.ofMinutes(6));
        Instant now = START.plus(Duration.ofDays(14)).plus(Duration.ofHours(8));

        StillnessLimits.Limit kitchen = limits.of(motion("kitchen", now), 1, false, false, now);

        assertThat(kitchen.kind()).isEqualTo(AlertKind.INACTIVITY);
        assertThat(kitchen.usual()).isNotNull();
        assertThat(kitchen.base()).as("12 min usual + 30 min margin").isEqualTo(Duration.ofMinutes(42));
        assertThat(kitchen.length()).as("answered once").isEqualTo(Duration.ofMinutes(84));
        assertThat(limits.of(motion("hall", now), 0, false, false, now).base()).as("at most twice the hall's 30 min")
                .isEqualTo(Duration.ofMinutes(60));
        assertThat(limits.of(motion("living room", now), 0, false, false, now).base())
                .as("at least half the living room's 90 min").isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void during_the_learning_period_only_the_fixed_limits_apply() {
        learn("kitchen", Duration.ofMinutes(12));
        Instant now = START.plus(Duration.ofDays(13)).plus(Duration.ofHours(8));

        assertThat(limits.of(motion("kitchen", now), 0, false, false, now).usual()).isNull();
    }

    /** Ten spells of {@code each} after {@code room} at 08:00 on each of two Mondays. */
    private void learn(String room, Duration each) {
        routine.watching(START);
        for (int week = 0; week < 2; week++) {
            for (int i = 0; i < 10; i++) {
                routine.recordQuiet(room, START.plus(Duration.ofDays(7L * week)).plus(Duration.ofHours(8)), each);
            }
        }
    }
}
