package org.hearth.voice.skill;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

/**
 * A council's collection cycle: streams collected in turn, one a week (recycling, general waste,
 * recycling...), households on named rounds that start the cycle in different weeks, and
 * bank-holiday shifts: a collection on or after a holiday in the same Monday-to-Sunday week moves
 * that many days later.
 *
 * @param streams the streams in cycle order
 * @param rounds for each round, a date in a week when it collects the first stream
 * @param shifts bank holidays that move collections
 */
public record BinSchedule(List<String> streams, Map<String, LocalDate> rounds, List<Shift> shifts) {

    /** A bank holiday, and how many days it pushes the rest of that week's collections. */
    public record Shift(LocalDate date, String name, int days) {
    }

    public BinSchedule {
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("bins.streams: at least one stream is needed");
        }
        streams = List.copyOf(streams);
        rounds = Map.copyOf(rounds);
        shifts = List.copyOf(shifts);
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
                String stream = streams.get(Math.floorMod(weeks, streams.size()));
                return new BinCollection(actual, stream, shift == null ? 0 : shift.days(),
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
