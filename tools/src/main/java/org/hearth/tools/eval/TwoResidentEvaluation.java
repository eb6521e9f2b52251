package org.hearth.tools.eval;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import org.hearth.gateway.domain.activity.ActivityParameters;
import org.hearth.sensors.SensorEvent;

/**
 * {@code hearth eval inactivity --residents 2}: the inactivity detectors on simulated weeks of a
 * home of two ({@link TwoResidentWeeks}), with the figures of the one-person evaluation.
 *
 * <p>A check-in is answered while either resident is home. An injected collapse stops one
 * resident's events at a random daytime moment when they were home and had moved in the half
 * hour before; the other resident's events go on as simulated (they still go out and come home).
 * After it, a check-in is answered only while the other one is home: they would answer, and go
 * and look. Odd-numbered collapses happen while the other resident is out, even-numbered ones
 * while they are home, so both cases are measured on equal numbers. A collapse alone that no
 * alert followed before the other came home is counted as found by them ({@code alone_other_back_first}). A collapse is detected by an alert reaching carers within
 * {@link InactivityEvaluation#DETECT_WITHIN}. Collapses are counted apart by whether the other
 * resident was out at the moment (alone at home: the detector's job) or home (a partner moving
 * about hides the stillness from shared sensors: docs/detection.md, "Two residents").
 */
final class TwoResidentEvaluation {

    private final ActivityParameters params;
    private final InactivityEvaluation replayer;

    /** @param params the detectors' parameters: {@code withResidents(2)} for the household rule, or not, to compare */
    TwoResidentEvaluation(ActivityParameters params) {
        this.params = params;
        this.replayer = new InactivityEvaluation(params);
    }

    /** Collapses counted apart by whether the other resident was home. */
    record Split(int alone, int aloneDetected, List<Double> aloneDelays, int aloneOtherBackFirst, int partnerHome,
                 int partnerHomeDetected) {
        Optional<Double> aloneMedian() {
            return new InactivityEvaluation.Collapses(alone, aloneDetected, aloneDelays).medianDelayMinutes();
        }
    }

    record Result(InactivityEvaluation.Report report, Split split) {
    }

    Result run(TwoResidentWeeks weeks, int collapses, long seed) {
        List<SensorEvent> events = weeks.events();
        List<InactivityEvaluation.Outcome> whole = replayer.replay(events, t -> !weeks.nobodyHome(t), Instant.MAX,
                weeks.end(), List.of());
        List<InactivityEvaluation.Row> rows = new ArrayList<>();
        whole.forEach(o -> rows.add(new InactivityEvaluation.Row(o.time(), kind(o), 0, o.message())));
        List<List<Instant>> moved = List.of(activations(weeks, 0), activations(weeks, 1));
        Random random = new Random(seed);
        List<Double> delays = new ArrayList<>();
        List<Double> aloneDelays = new ArrayList<>();
        int alone = 0;
        int partnerHome = 0;
        int partnerHomeDetected = 0;
        int otherBackFirst = 0;
        for (int copy = 1; copy <= collapses; copy++) {
            int who = random.nextInt(2);
            int other = 1 - who;
            boolean otherHome = copy % 2 == 0;
            Instant at = drawCut(random, weeks, who, moved.get(who), t -> weeks.home(other, t) == otherHome);
            List<SensorEvent> left = weeks.moves().stream()
                    .filter(m -> m.resident() != who || m.event().at().isBefore(at)).map(TwoResidentWeeks.Move::event).toList();
            Instant until = at.plus(InactivityEvaluation.DETECT_WITHIN);
            Optional<InactivityEvaluation.Outcome> alert = InactivityEvaluation.firstAlertAfter(at,
                    replayer.replay(left, t -> t.isBefore(at) ? !weeks.nobodyHome(t) : weeks.home(other, t), until, until,
                            List.of()));
            String whoWords = "resident " + (who + 1) + (otherHome ? ", the other home" : ", alone");
            rows.add(new InactivityEvaluation.Row(at, "collapse", copy, "copy " + copy + ": " + whoWords));
            if (otherHome) {
                partnerHome++;
            } else {
                alone++;
            }
            if (alert.isPresent()) {
                double delay = Duration.between(at, alert.get().time()).toSeconds() / 60.0;
                delays.add(delay);
                if (otherHome) {
                    partnerHomeDetected++;
                } else {
                    aloneDelays.add(delay);
                }
                rows.add(new InactivityEvaluation.Row(alert.get().time(), kind(alert.get()), copy, String.format(Locale.ROOT,
                        "copy %d: detected %.0f min after the collapse: %s", copy, delay, alert.get().message())));
            } else {
                if (!otherHome && weeks.backAt(other, at).filter(until::isAfter).isPresent()) {
                    otherBackFirst++;
                }
                rows.add(new InactivityEvaluation.Row(until, "collapse.missed", copy, "copy " + copy + ": no alert within "
                        + InactivityEvaluation.DETECT_WITHIN.toHours() + " h"));
            }
        }
        Split split = new Split(alone, aloneDelays.size(), aloneDelays, otherBackFirst, partnerHome,
                partnerHomeDetected);
        double days = Duration.between(weeks.start(), weeks.end()).toSeconds() / 86_400.0;
        Optional<InactivityEvaluation.Collapses> found = collapses <= 0 ? Optional.empty()
                : Optional.of(new InactivityEvaluation.Collapses(collapses, delays.size(), delays));
        return new Result(new InactivityEvaluation.Report(days, whole, found, rows, Optional.of(line(weeks, split))), split);
    }

    /** "residents: 2 rule=household outings=... ..." after the usual lines. */
    private String line(TwoResidentWeeks weeks, Split s) {
        return String.format(Locale.ROOT, "residents: 2 rule=%s outings=%d other_home=%d collapses_alone=%d "
                        + "detected_alone=%d median_delay_alone_min=%s alone_other_back_first=%d collapses_other_home=%d "
                        + "detected_other_home=%d",
                params.away().shared() ? "household" : "one_resident", weeks.outings(), weeks.outingsWithOtherHome(),
                s.alone(), s.aloneDetected(), s.aloneMedian().map(m -> String.format(Locale.ROOT, "%.1f", m)).orElse("n/a"),
                s.aloneOtherBackFirst(), s.partnerHome(), s.partnerHomeDetected());
    }

    /** A daytime moment when {@code who} was home and had moved in the half hour before. */
    private static Instant drawCut(Random random, TwoResidentWeeks weeks, int who, List<Instant> moved,
                                   Predicate<Instant> otherAsWanted) {
        long span = Duration.between(weeks.start(), weeks.end()).toSeconds();
        for (int draw = 0; draw < 100_000; draw++) {
            Instant t = weeks.start().plusSeconds((long) (random.nextDouble() * span));
            LocalTime local = t.atZone(InactivityEvaluation.ZONE).toLocalTime();
            if (!local.isBefore(InactivityEvaluation.DAY_FROM) && local.isBefore(InactivityEvaluation.DAY_TO)
                    && weeks.home(who, t) && otherAsWanted.test(t) && movedWithin(moved, t, InactivityEvaluation.ACTIVE_WITHIN)) {
                return t;
            }
        }
        throw new IllegalStateException("no daytime moment with resident " + (who + 1) + " home and moving, the other "
                + "home or out as wanted");
    }

    private static boolean movedWithin(List<Instant> moved, Instant t, Duration within) {
        int i = Collections.binarySearch(moved, t);
        int before = i >= 0 ? i : -i - 2;
        return before >= 0 && !moved.get(before).isBefore(t.minus(within));
    }

    private static List<Instant> activations(TwoResidentWeeks weeks, int resident) {
        return weeks.moves().stream().filter(m -> m.resident() == resident && m.event().active())
                .map(m -> m.event().at()).toList();
    }

    private static String kind(InactivityEvaluation.Outcome o) {
        String k = o.kind().name().toLowerCase(Locale.ROOT);
        return o.asked() && !o.toCarers() ? "checkin." + k : k;
    }
}
