package org.hearth.gateway.domain.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.time.ClockJump;

/**
 * The resident's learned routine, in two parts.
 * <ul>
 *   <li>Quiet spells: for each room and hour of the week, how long the stillness lasted when the
 *       last movement was in that room at that hour. Only pauses of at least {@code minQuiet} are
 *       spells; the many few-second gaps between a moving person's sensor hits would swamp the
 *       percentiles. When an hour of the week has too few spells, the same hour and its neighbours
 *       on every day are pooled: a few weeks of data cannot fill 168 cells per room.</li>
 *   <li>Getting up: the time of the first movement in a day room (not the bedroom, bathroom,
 *       hall or entry) after {@code dayStart}, on mornings the resident woke at home.</li>
 * </ul>
 * Nothing is trusted before {@code learningPeriod} has passed since the first event.
 *
 * <p>A routine restored while the clock reads earlier than when it was first watched (a Pi
 * without a clock battery, before NTP) is kept but neither used nor added to until the clock
 * catches up: a spell timed by a clock that is days out would be filed under the wrong hour.
 */
final class RoutineModel {

    private static final int HOURS_PER_WEEK = LearnedRoutine.HOURS_PER_WEEK;

    private final ActivityParameters.Routine params;
    private final ZoneId zone;
    private final Map<String, List<Deque<Double>>> quietByRoom = new HashMap<>();
    private final Deque<Double> upMinutes = new ArrayDeque<>();
    private Instant watchedSince;
    /** Read from the store, so in the previous run's clock, not this one's: a jump does not move it. */
    private boolean watchedSinceRestored;

    RoutineModel(ActivityParameters.Routine params, ZoneId zone) {
        this.params = params;
        this.zone = zone;
    }

    /** What the routine says about a quantity, in minutes. */
    record Norm(double median, double spread, double high, int samples) {
        Duration highDuration() {
            return Duration.ofSeconds(Math.round(high * 60));
        }
    }

    /** @return true if this is the first thing the model has seen: the learning period starts now */
    boolean watching(Instant t) {
        if (watchedSince == null) {
            watchedSince = t;
            return true;
        }
        return false;
    }

    /** What has been learned, for the store; empty before anything has been watched. */
    Optional<LearnedRoutine> snapshot() {
        if (watchedSince == null) {
            return Optional.empty();
        }
        Map<String, List<List<Double>>> quiet = new HashMap<>();
        quietByRoom.forEach((room, cells) -> quiet.put(room, cells.stream().map(c -> (List<Double>) new ArrayList<>(c)).toList()));
        return Optional.of(new LearnedRoutine(watchedSince, quiet, new ArrayList<>(upMinutes)));
    }

    /**
     * Takes up a routine learned before a restart, keeping the newest {@code keepSamples} of each
     * kind in case the setting was lowered since. Only for a model that has seen nothing yet.
     */
    void restore(LearnedRoutine learned) {
        if (watchedSince != null) {
            throw new IllegalStateException("restore a routine before the first event");
        }
        watchedSince = learned.watchedSince();
        watchedSinceRestored = true;
        learned.quiet().forEach((room, stored) -> {
            List<Deque<Double>> cells = cells(room);
            for (int h = 0; h < HOURS_PER_WEEK; h++) {
                keepNewest(stored.get(h), cells.get(h));
            }
        });
        keepNewest(learned.upMinutes(), upMinutes);
    }

    private void keepNewest(List<Double> from, Deque<Double> to) {
        from.subList(Math.max(0, from.size() - params.keepSamples()), from.size()).forEach(to::addLast);
    }

    /** Moves the start of watching if this run set it before the wall clock was set. */
    void clockJumped(ClockJump jump) {
        if (!watchedSinceRestored) {
            watchedSince = jump.rebase(watchedSince);
        }
    }

    /** True while the clock reads earlier than the routine's own start: it is not set yet. */
    boolean clockBehind(Instant now) {
        return watchedSince != null && now.isBefore(watchedSince);
    }

    boolean learned(Instant now) {
        return watchedSince != null && !now.isBefore(watchedSince.plus(params.learningPeriod()));
    }

    void recordQuiet(String room, Instant start, Duration length) {
        if (length.compareTo(params.minQuiet()) < 0 || clockBehind(start)) {
            return;
        }
        Deque<Double> cell = cells(room).get(hourOfWeek(start));
        cell.addLast(length.toSeconds() / 60.0);
        if (cell.size() > params.keepSamples()) {
            cell.removeFirst();
        }
    }

    /** How long quiet spells that begin in {@code room} at {@code start}'s hour of the week usually last. */
    Optional<Norm> quiet(String room, Instant start, Instant now) {
        List<Deque<Double>> cells = quietByRoom.get(room);
        if (!learned(now) || cells == null) {
            return Optional.empty();
        }
        int how = hourOfWeek(start);
        if (cells.get(how).size() >= params.minSamples()) {
            return Optional.of(norm(new ArrayList<>(cells.get(how))));
        }
        List<Double> pooled = new ArrayList<>();
        int hour = how % 24;
        for (int day = 0; day < 7; day++) {
            for (int dh = -1; dh <= 1; dh++) {
                pooled.addAll(cells.get(day * 24 + Math.floorMod(hour + dh, 24)));
            }
        }
        return pooled.size() >= params.minSamples() ? Optional.of(norm(pooled)) : Optional.empty();
    }

    void recordUp(LocalTime t) {
        upMinutes.addLast(t.toSecondOfDay() / 60.0);
        if (upMinutes.size() > params.keepSamples()) {
            upMinutes.removeFirst();
        }
    }

    /** When the resident usually gets up, in minutes after midnight. */
    Optional<Norm> up(Instant now) {
        if (!learned(now) || upMinutes.size() < params.minSamples()) {
            return Optional.empty();
        }
        return Optional.of(norm(new ArrayList<>(upMinutes), 0.9));
    }

    private Norm norm(List<Double> samples) {
        return norm(samples, params.percentile());
    }

    private static Norm norm(List<Double> samples, double highPercentile) {
        double[] s = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        return new Norm(percentile(s, 0.5), (percentile(s, 0.75) - percentile(s, 0.25)) / 2,
                percentile(s, highPercentile), s.length);
    }

    /** Linear interpolation between closest ranks. */
    static double percentile(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    private List<Deque<Double>> cells(String room) {
        return quietByRoom.computeIfAbsent(room, r -> {
            List<Deque<Double>> cells = new ArrayList<>(HOURS_PER_WEEK);
            for (int i = 0; i < HOURS_PER_WEEK; i++) {
                cells.add(new ArrayDeque<>());
            }
            return cells;
        });
    }

    private int hourOfWeek(Instant t) {
        ZonedDateTime z = t.atZone(zone);
        return (z.getDayOfWeek().getValue() - 1) * 24 + z.getHour();
    }
}
