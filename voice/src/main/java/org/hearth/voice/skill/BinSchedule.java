package org.hearth.voice.skill;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

/**
 * A council's collection cycle: the streams collected each week of the cycle, in turn (one week
 * recycling, the next general waste; or, in a one-week cycle, general waste and recycling together
 * every week), households on named rounds that start the cycle in different weeks, and
 * bank-holiday shifts: a collection on or after a holiday in the same Monday-to-Sunday week moves
 * that many days later. Streams collected only for households that pay (garden waste) are listed
 * apart: the household's own day for them is not known.
 *
 * @param weeks the streams collected in each week of the cycle, in cycle order
 * @param rounds for each round, a date in a week when it collects the first week's streams
 * @param shifts bank holidays that move collections
 * @param bySubscription streams collected only for households that subscribe
 * @param source where the cycle was found; null only in a sample pack
 */
public record BinSchedule(List<List<String>> weeks, Map<String, LocalDate> rounds, List<Shift> shifts,
        List<String> bySubscription, Source source) {

    /** A bank holiday, how many days it pushes the rest of that week's collections, and where that was found. */
    public record Shift(LocalDate date, String name, int days, Source source) {
    }

    public BinSchedule {
        if (weeks.isEmpty() || weeks.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("bins.streams: every week of the cycle needs at least one stream");
        }
        weeks = weeks.stream().map(List::copyOf).toList();
        bySubscription = List.copyOf(bySubscription);
        rounds = Map.copyOf(rounds);
        shifts = List.copyOf(shifts);
    }

    /** Every stream the council collects from the kerb on the household's day, in the order first named. */
    public List<String> streams() {
        return weeks.stream().flatMap(List::stream).distinct().toList();
    }

    /** The first collection on or after {@code today} for a household on {@code round} collected on {@code day}. */
    public BinCollection next(LocalDate today, DayOfWeek day, String round) {
        LocalDate anchor = rounds.get(round);
        if (anchor == null) {
            throw new IllegalArgumentException("unknown bin round '" + round + "'; the pack has " + rounds.keySet());
        }
        // Start a week back: last week's collection may have been pushed into this week.
        LocalDate usual = today.minusWeeks(1).with(TemporalAdjusters.nextOrSame(day));
        while (true) {
            Shift shift = shiftFor(usual);
            LocalDate actual = shift == null ? usual : usual.plusDays(shift.days());
            if (!actual.isBefore(today)) {
                long weeks = ChronoUnit.WEEKS.between(monday(anchor), monday(usual));
                List<String> streams = this.weeks.get(Math.floorMod(weeks, this.weeks.size()));
                return new BinCollection(actual, streams, shift == null ? 0 : shift.days(),
                        shift == null ? null : shift.name());
            }
            usual = usual.plusWeeks(1);
        }
    }

    private Shift shiftFor(LocalDate usual) {
        for (Shift s : shifts) {
            if (!s.date().isAfter(usual) && monday(s.date()).equals(monday(usual))) {
                return s;
            }
        }
        return null;
    }

    private static LocalDate monday(LocalDate d) {
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
