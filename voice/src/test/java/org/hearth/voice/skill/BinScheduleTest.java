package org.hearth.voice.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class BinScheduleTest {

    // Round A collects recycling in the week of Monday 5 January 2026, general waste the week after.
    private final BinSchedule schedule = new BinSchedule(List.of(List.of("recycling"), List.of("general")),
            Map.of("A", LocalDate.parse("2026-01-05"), "B", LocalDate.parse("2026-01-12")),
            List.of(new BinSchedule.Shift(LocalDate.parse("2026-04-06"), "Easter Monday", 1, null),
                    new BinSchedule.Shift(LocalDate.parse("2026-12-25"), "Christmas Day", 1, null)), List.of(), null);

    @Test
    void alternatesStreamsWeekByWeek() {
        BinCollection first = schedule.next(LocalDate.parse("2026-01-05"), DayOfWeek.TUESDAY, "A");
        assertThat(first).isEqualTo(new BinCollection(LocalDate.parse("2026-01-06"), List.of("recycling"), 0, null));
        BinCollection second = schedule.next(LocalDate.parse("2026-01-07"), DayOfWeek.TUESDAY, "A");
        assertThat(second).isEqualTo(new BinCollection(LocalDate.parse("2026-01-13"), List.of("general"), 0, null));
        BinCollection third = schedule.next(LocalDate.parse("2026-01-14"), DayOfWeek.TUESDAY, "A");
        assertThat(third.streams()).containsExactly("recycling");
    }

    @Test
    void roundBIsAWeekOut() {
        assertThat(schedule.next(LocalDate.parse("2026-01-05"), DayOfWeek.TUESDAY, "B").streams()).containsExactly("general");
    }

    @Test
    void collectionDayItselfCounts() {
        assertThat(schedule.next(LocalDate.parse("2026-01-06"), DayOfWeek.TUESDAY, "A").date())
                .isEqualTo(LocalDate.parse("2026-01-06"));
    }

    @Test
    void worksFarFromTheAnchorInBothDirections() {
        // 2025-12-30 is four weeks before the anchor week's Tuesday: same stream as the anchor.
        assertThat(schedule.next(LocalDate.parse("2025-12-09"), DayOfWeek.TUESDAY, "A").streams()).containsExactly("recycling");
        assertThat(schedule.next(LocalDate.parse("2027-06-01"), DayOfWeek.TUESDAY, "A").date().getDayOfWeek())
                .isEqualTo(DayOfWeek.TUESDAY);
    }

    @Test
    void bankHolidayMovesTheRestOfTheWeekLater() {
        // Easter Monday 6 April 2026: Tuesday's collection moves to Wednesday.
        BinCollection c = schedule.next(LocalDate.parse("2026-04-06"), DayOfWeek.TUESDAY, "A");
        assertThat(c.date()).isEqualTo(LocalDate.parse("2026-04-08"));
        assertThat(c.shiftedDays()).isEqualTo(1);
        assertThat(c.holiday()).isEqualTo("Easter Monday");
    }

    @Test
    void collectionsBeforeTheHolidayInItsWeekDoNotMove() {
        // Christmas Day 2026 is a Friday: Tuesday the 22nd is not moved.
        BinCollection c = schedule.next(LocalDate.parse("2026-12-21"), DayOfWeek.TUESDAY, "A");
        assertThat(c.date()).isEqualTo(LocalDate.parse("2026-12-22"));
        assertThat(c.shiftedDays()).isZero();
    }

    @Test
    void aFridayCollectionPushedToSaturdayIsStillNextOnSaturday() {
        BinCollection c = schedule.next(LocalDate.parse("2026-12-26"), DayOfWeek.FRIDAY, "A");
        assertThat(c.date()).isEqualTo(LocalDate.parse("2026-12-26"));
        assertThat(c.holiday()).isEqualTo("Christmas Day");
    }

    @Test
    void unknownRoundIsAClearError() {
        assertThatThrownBy(() -> schedule.next(LocalDate.parse("2026-01-05"), DayOfWeek.MONDAY, "Z"))
                .hasMessageContaining("unknown bin round 'Z'");
    }
}
