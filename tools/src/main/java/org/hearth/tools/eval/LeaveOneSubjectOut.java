package org.hearth.tools.eval;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.hearth.tools.eval.FallEvaluation.Recording;
import org.hearth.tools.eval.FallEvaluation.Recordings;
import org.hearth.gateway.domain.falls.FallDetector;
import org.hearth.gateway.domain.falls.FallDetector.Settings;
import org.hearth.sensors.AccelSample;

/**
 * Leave-one-subject-out: for each subject, the detector's tunable thresholds ({@link Settings})
 * are chosen on every other subject from a small grid, and the choice is scored on the subject
 * left out. The pooled figures are what to expect on a person the detector was not tuned on.
 *
 * <p>The choice on the other subjects: the highest specificity among the settings whose
 * sensitivity is at least {@link #MIN_SENSITIVITY}, then the higher sensitivity, then the earlier
 * in the grid (the defaults come first). Each trial is run once per setting (after its subject's
 * walk, as in {@link FallEvaluation}) straight through a {@link FallDetector}, which is what the
 * daemon's worn-sensor path runs per sample.
 */
public final class LeaveOneSubjectOut {

    /** A tuning that misses more than one fall in fifty is not a candidate. */
    static final double MIN_SENSITIVITY = 0.98;

    /**
     * 27 settings around the defaults: the impact's Δv, how far from upright the posture before
     * may be, how far from upright the posture after must be. The 60° posture change is not
     * tuned. The defaults come first.
     */
    public static final List<Settings> GRID = grid();

    private LeaveOneSubjectOut() {
    }

    private static List<Settings> grid() {
        Settings d = Settings.DEFAULT;
        List<Settings> grid = new ArrayList<>();
        grid.add(d);
        for (double deltaV : new double[] {0.8, 1.0, 1.2}) {
            for (double before : new double[] {45, 60, 75}) {
                for (double after : new double[] {20, 30, 40}) {
                    Settings s = new Settings(deltaV, d.minPostureChangeDeg(), before, after);
                    if (!s.equals(d)) {
                        grid.add(s);
                    }
                }
            }
        }
        return List.copyOf(grid);
    }

    /** Runs the folds; null with fewer than two subjects. */
    public static Result run(Recordings recordings, List<Settings> grid) {
        List<Recording> trials = recordings.trials();
        TreeSet<String> subjects = new TreeSet<>();
        trials.forEach(r -> subjects.add(r.name().subject()));
        if (subjects.size() < 2) {
            return null;
        }
        boolean[][] detected = new boolean[grid.size()][trials.size()];
        for (int c = 0; c < grid.size(); c++) {
            for (int i = 0; i < trials.size(); i++) {
                Recording r = trials.get(i);
                detected[c][i] = detects(grid.get(c), recordings.walkOf(r.name().subject()), r.samples());
            }
        }
        List<Fold> folds = new ArrayList<>();
        for (String subject : subjects) {
            int best = 0;
            Score bestScore = null;
            for (int c = 0; c < grid.size(); c++) {
                Score score = score(trials, detected[c], subject, false);
                if (bestScore == null || score.betterThan(bestScore)) {
                    best = c;
                    bestScore = score;
                }
            }
            Score test = score(trials, detected[best], subject, true);
            folds.add(new Fold(subject, subject.startsWith("SE"), grid.get(best), test.falls, test.detected,
                    test.adls, test.falseAlarms));
        }
        return new Result(folds);
    }

    private static boolean detects(Settings settings, List<AccelSample> walk, List<AccelSample> trial) {
        FallDetector detector = new FallDetector(settings);
        for (AccelSample s : walk) {
            detector.accept(s.epochMicros(), s.x(), s.y(), s.z());
        }
        boolean fell = false;
        for (AccelSample s : trial) {
            fell |= detector.accept(s.epochMicros(), s.x(), s.y(), s.z());
        }
        return fell;
    }

    /** Counts over the held-out subject ({@code own}) or over everyone else. */
    private static Score score(List<Recording> trials, boolean[] detected, String subject, boolean own) {
        Score s = new Score();
        for (int i = 0; i < trials.size(); i++) {
            Recording r = trials.get(i);
            if (r.name().subject().equals(subject) != own) {
                continue;
            }
            if (r.name().isFall()) {
                s.falls++;
                s.detected += detected[i] ? 1 : 0;
            } else {
                s.adls++;
                s.falseAlarms += detected[i] ? 1 : 0;
            }
        }
        return s;
    }

    private static final class Score {
        int falls;
        int detected;
        int adls;
        int falseAlarms;

        double sensitivity() {
            return falls == 0 ? 1 : (double) detected / falls;
        }

        double specificity() {
            return adls == 0 ? 1 : (double) (adls - falseAlarms) / adls;
        }

        boolean betterThan(Score other) {
            boolean ok = sensitivity() >= MIN_SENSITIVITY;
            boolean otherOk = other.sensitivity() >= MIN_SENSITIVITY;
            if (ok != otherOk) {
                return ok;
            }
            if (specificity() != other.specificity()) {
                return specificity() > other.specificity();
            }
            return sensitivity() > other.sensitivity();
        }
    }

    /**
     * One subject left out: the settings chosen on the others, and how they did on this subject.
     */
    public record Fold(String subject, boolean elderly, Settings chosen, int falls, int detectedFalls, int adls,
                       int falseAlarms) {
    }

    /** Every fold, and the figures pooled over them. */
    public record Result(List<Fold> folds) {

        public double sensitivity() {
            int falls = folds.stream().mapToInt(Fold::falls).sum();
            return falls == 0 ? Double.NaN : (double) folds.stream().mapToInt(Fold::detectedFalls).sum() / falls;
        }

        public double specificity() {
            return specificity(false);
        }

        /** Specificity over the elderly subjects' daily activities only. */
        public double elderlySpecificity() {
            return specificity(true);
        }

        private double specificity(boolean elderlyOnly) {
            int adls = 0;
            int falseAlarms = 0;
            for (Fold f : folds) {
                if (!elderlyOnly || f.elderly()) {
                    adls += f.adls();
                    falseAlarms += f.falseAlarms();
                }
            }
            return adls == 0 ? Double.NaN : (double) (adls - falseAlarms) / adls;
        }

        /** How many folds chose the defaults. */
        public long defaultsChosen() {
            return folds.stream().filter(f -> f.chosen().equals(Settings.DEFAULT)).count();
        }

        /** The per-subject table, then {@code falls-loso: subjects=N sensitivity=S specificity=P elderly_specificity=E}. */
        public void report(PrintWriter out) {
            out.println("Leave-one-subject-out (settings tuned on the other subjects over " + GRID.size()
                    + ", tested on the one left out):");
            for (Fold f : folds) {
                out.printf(Locale.ROOT, "  %s  %s  falls detected %3d/%-3d  ADL false alarms %3d/%d%n", f.subject(),
                        describe(f.chosen()), f.detectedFalls(), f.falls(), f.falseAlarms(), f.adls());
            }
            out.println("  the defaults (" + describe(Settings.DEFAULT) + ") were chosen in " + defaultsChosen() + " of "
                    + folds.size() + " folds");
            out.println(String.format(Locale.ROOT, "falls-loso: subjects=%d sensitivity=%s specificity=%s elderly_specificity=%s",
                    folds.size(), FallEvaluation.ratio(sensitivity()), FallEvaluation.ratio(specificity()),
                    FallEvaluation.ratio(elderlySpecificity())));
        }
    }

    static String describe(Settings s) {
        return String.format(Locale.ROOT, "dv>=%.1f before<=%.0f after>=%.0f", s.minImpactDeltaV(), s.maxTiltBeforeDeg(),
                s.minTiltAfterDeg());
    }
}
