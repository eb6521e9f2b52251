package org.hearth.gateway.domain.activity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The learned routine as it is stored: the samples themselves, not the norms worked out from
 * them, so a change of percentile or margin in an upgrade applies to what was learned before.
 *
 * @param watchedSince when the home was first watched; the learning period counts from here
 * @param quiet        by room, {@value #HOURS_PER_WEEK} lists (Monday 00:00 first) of quiet
 *                     spells in minutes, oldest first
 * @param upMinutes    getting-up times in minutes after midnight, oldest first
 */
public record LearnedRoutine(Instant watchedSince, Map<String, List<List<Double>>> quiet, List<Double> upMinutes) {

    public static final int HOURS_PER_WEEK = 168;

    public LearnedRoutine {
        Objects.requireNonNull(watchedSince, "watchedSince");
        quiet = Map.copyOf(quiet);
        quiet.forEach((room, cells) -> {
            if (cells.size() != HOURS_PER_WEEK) {
                throw new IllegalArgumentException("the routine for " + room + " has " + cells.size()
                        + " hours of the week, not " + HOURS_PER_WEEK);
            }
            cells.forEach(c -> c.forEach(m -> minutes(m, "a quiet spell in " + room)));
        });
        quiet = quiet.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> e.getValue().stream().map(List::copyOf).toList()));
        upMinutes = List.copyOf(upMinutes);
        upMinutes.forEach(m -> {
            minutes(m, "a getting-up time");
            if (m >= 24 * 60) {
                throw new IllegalArgumentException("a getting-up time of " + m + " minutes after midnight");
            }
        });
    }

    /** The number of quiet spells kept, over every room and hour. */
    public int quietSpells() {
        return quiet.values().stream().flatMap(List::stream).mapToInt(List::size).sum();
    }

    private static void minutes(Double m, String what) {
        if (m == null || !Double.isFinite(m) || m < 0) {
            throw new IllegalArgumentException(what + " of " + m + " minutes");
        }
    }
}
