package org.hearth.tools.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hearth.gateway.domain.AlertRequest;
import org.hearth.gateway.domain.AlertSink;
import org.hearth.gateway.domain.Gateway;
import org.hearth.gateway.domain.falls.WornFallDetector;
import org.hearth.protocol.AlertKind;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.replay.NotSisFallException;
import org.hearth.sensors.replay.SisFallName;
import org.hearth.sensors.replay.SisFallTrial;
import org.hearth.time.VirtualScheduler;

/**
 * Scores the worn-sensor fall detector on SisFall, one trial at a time, as the daemon would run
 * it: each trial's samples reach a {@link Gateway} in 100 ms batches on a virtual clock, through
 * the same {@link WornFallDetector} the daemon wires, and a trial counts as a detected fall if a
 * FALL alert is raised at any point in it (SisFall labels whole trials; it has no fall onset).
 *
 * <p>A worn sensor has seen its wearer walk long before any fall, and learns from that which way
 * is up for them. So each trial is, by default, preceded by the same subject's first walking
 * trial (D01, ending a minute before the trial starts), the way a day's wear precedes a fall;
 * alerts during that walk are not counted. Without it ({@code walkFirst} false) the detector
 * starts cold, as it does in the first minutes after the sensor is put on.
 *
 * <p>Pure logic: the command prints what {@link #report} writes.
 */
public final class FallEvaluation {

    /** Each trial starts here on the virtual clock; a weekday morning, for readable alert times. */
    static final Instant TRIAL_START = Instant.parse("2026-01-05T10:00:00Z");
    /** A worn sensor sends its samples in small bundles; 100 ms is typical of a BLE notification. */
    static final Duration BATCH = Duration.ofMillis(100);
    private static final String SENSOR_ID = "worn";

    /** The walk before each trial ends this long before the trial starts. */
    static final Duration WALK_BEFORE = Duration.ofMinutes(1);
    /** The activity whose first trial is each subject's walk: walking slowly. */
    static final String WALK_ACTIVITY = "D01";

    private final int decimation;
    private final boolean walkFirst;

    /** Runs every trial at its recorded 200 Hz, each after its subject's walk. */
    public FallEvaluation() {
        this(1, true);
    }

    /**
     * @param decimation averages each run of this many samples into one, to check the detector at
     *                   a lower rate: 4 turns SisFall's 200 Hz into 50 Hz
     * @param walkFirst  precede each trial with its subject's first walking trial
     */
    public FallEvaluation(int decimation, boolean walkFirst) {
        if (decimation < 1) {
            throw new IllegalArgumentException("decimation must be at least 1, was " + decimation);
        }
        this.decimation = decimation;
        this.walkFirst = walkFirst;
    }

    /** The SisFall trial files under {@code dir}, at any depth, in path order; other files are ignored. */
    public static List<Path> findTrials(Path dir) throws IOException {
        Predicate<Path> trialName = p -> SisFallName.parse(p.getFileName().toString()).isPresent();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(trialName).sorted().toList();
        }
    }

    /** Runs every trial file; a file that cannot be read is reported in the summary and skipped. */
    public Summary evaluate(List<Path> files) {
        return evaluate(read(files));
    }

    /** Runs every recording through the daemon's detector path. */
    public Summary evaluate(Recordings recordings) {
        List<TrialResult> results = new ArrayList<>();
        for (Recording r : recordings.trials()) {
            results.add(run(r, recordings.walkOf(r.name().subject())));
        }
        return new Summary(results, recordings.problems());
    }

    /**
     * Reads every trial file, at this evaluation's rate, and picks each subject's walk (their
     * first {@link #WALK_ACTIVITY} trial, timed to end {@link #WALK_BEFORE} before the trials
     * start), unless this evaluation starts cold. A file that cannot be read is named in
     * {@link Recordings#problems()} and skipped.
     */
    public Recordings read(List<Path> files) {
        List<Recording> trials = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            SisFallTrial trial;
            try {
                trial = SisFallTrial.read(file, TRIAL_START);
            } catch (NotSisFallException e) {
                problems.add(e.getMessage());
                continue;
            } catch (IOException e) {
                problems.add(file + " could not be read: " + e.getMessage());
                continue;
            }
            if (trial.malformedCount() > 0) {
                problems.add(file.getFileName() + ": skipped " + trial.malformedCount() + " malformed row(s), first "
                        + trial.malformed().get(0));
            }
            trials.add(new Recording(trial.name(), decimate(trial.samples()), trial.malformedCount()));
        }
        Map<String, List<AccelSample>> walks = new TreeMap<>();
        if (walkFirst) {
            trials.stream().filter(r -> r.name().activity().equals(WALK_ACTIVITY) && !r.samples().isEmpty())
                    .sorted(Comparator.comparingInt(r -> r.name().trial()))
                    .forEach(r -> walks.putIfAbsent(r.name().subject(), endingBeforeTrials(r.samples())));
        }
        return new Recordings(trials, walks, problems);
    }

    private static List<AccelSample> endingBeforeTrials(List<AccelSample> walk) {
        long shift = toMicros(TRIAL_START.minus(WALK_BEFORE)) - walk.get(walk.size() - 1).epochMicros();
        return walk.stream().map(s -> new AccelSample(s.epochMicros() + shift, s.x(), s.y(), s.z())).toList();
    }

    /** Replays one trial, after its subject's walk if any, through the daemon's detector path in virtual time. */
    TrialResult run(Recording trial, List<AccelSample> walk) {
        List<AccelSample> samples = new ArrayList<>(walk);
        samples.addAll(trial.samples());
        Instant start = samples.isEmpty() ? TRIAL_START : toInstant(Math.min(samples.get(0).epochMicros(), toMicros(TRIAL_START)));
        VirtualScheduler time = new VirtualScheduler(start, ZoneOffset.UTC);
        FirstFall sink = new FirstFall(time);
        Gateway gateway = new Gateway(event -> { }, List.of(new WornFallDetector(sink, time)));

        long batchMicros = BATCH.toNanos() / 1_000;
        int from = 0;
        while (from < samples.size()) {
            long batchEnd = samples.get(from).epochMicros() + batchMicros;
            int to = from;
            while (to < samples.size() && samples.get(to).epochMicros() < batchEnd) {
                to++;
            }
            // The batch reaches the event loop when its last sample has been taken.
            time.advanceTo(toInstant(samples.get(to - 1).epochMicros()));
            gateway.onAccel(SENSOR_ID, samples.subList(from, to));
            from = to;
        }
        SisFallName name = trial.name();
        Double firstAlert = sink.at == null ? null : Duration.between(TRIAL_START, sink.at).toNanos() / 1e9;
        return new TrialResult(name.fileName(), name.activity(), name.subject(), name.isFall(), firstAlert,
                sink.message, trial.malformedRows());
    }

    private List<AccelSample> decimate(List<AccelSample> samples) {
        if (decimation == 1) {
            return samples;
        }
        List<AccelSample> out = new ArrayList<>(samples.size() / decimation + 1);
        for (int i = 0; i + decimation <= samples.size(); i += decimation) {
            double x = 0;
            double y = 0;
            double z = 0;
            for (int k = i; k < i + decimation; k++) {
                x += samples.get(k).x();
                y += samples.get(k).y();
                z += samples.get(k).z();
            }
            // Averaging is the sensor's own low-pass at the lower output rate, roughly.
            out.add(new AccelSample(samples.get(i + decimation - 1).epochMicros(), x / decimation, y / decimation, z / decimation));
        }
        return out;
    }

    private static long toMicros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    static Instant toInstant(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
    }

    /** Writes one row per trial: {@code trial,label,detected,first_alert_s}. */
    public static void writeCsv(Summary summary, Path out) throws IOException {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("trial,label,detected,first_alert_s\n");
            for (TrialResult r : summary.trials()) {
                w.write(r.trial() + "," + r.label() + "," + r.detected() + ","
                        + (r.detected() ? String.format(Locale.ROOT, "%.3f", r.firstAlertSeconds()) : "") + "\n");
            }
        }
    }

    /** The breakdown by fall type, ADL type and subject, problems, then the summary line last. */
    public static void report(Summary summary, PrintWriter out) {
        report(summary, null, out);
    }

    /**
     * As {@link #report(Summary, PrintWriter)}, with the leave-one-subject-out table and its
     * {@code falls-loso:} line (when {@code loso} is not null) just before the summary line.
     */
    public static void report(Summary summary, LeaveOneSubjectOut.Result loso, PrintWriter out) {
        for (String problem : summary.problems()) {
            out.println("warning: " + problem);
        }
        out.println("Falls by type (detected / trials):");
        byLabel(summary, true).forEach((label, rs) -> out.printf(Locale.ROOT, "  %s  %3d/%-3d  %s%n",
                label, count(rs, TrialResult::detected), rs.size(), SisFallName.description(label)));
        out.println("Daily activities by type (false alarms / trials):");
        byLabel(summary, false).forEach((label, rs) -> out.printf(Locale.ROOT, "  %s  %3d/%-3d  %s%n",
                label, count(rs, TrialResult::detected), rs.size(), SisFallName.description(label)));
        out.println("By subject:");
        Map<String, List<TrialResult>> bySubject = summary.trials().stream()
                .collect(Collectors.groupingBy(TrialResult::subject, TreeMap::new, Collectors.toList()));
        bySubject.forEach((subject, rs) -> {
            Summary own = new Summary(rs, List.of());
            out.printf(Locale.ROOT, "  %s  falls detected %3d/%-3d  ADL false alarms %3d/%-3d  sensitivity=%s specificity=%s%n",
                    subject, own.detectedFalls(), own.falls(), own.falseAlarms(), own.adls(),
                    ratio(own.sensitivity()), ratio(own.specificity()));
        });
        List<String> missed = summary.trials().stream().filter(r -> r.fall() && !r.detected()).map(TrialResult::trial).toList();
        List<String> falseAlarms = summary.trials().stream().filter(r -> !r.fall() && r.detected()).map(TrialResult::trial).toList();
        out.println("Missed falls: " + (missed.isEmpty() ? "none" : String.join(" ", missed)));
        out.println("False alarms: " + (falseAlarms.isEmpty() ? "none" : String.join(" ", falseAlarms)));
        out.println("Each false alarm is a pre-alarm the resident must cancel; unanswered, it reaches a carer: "
                + falseAlarms.size() + " of " + summary.adls() + " daily activities.");
        Summary elderly = new Summary(summary.trials().stream().filter(r -> r.subject().startsWith("SE")).toList(), List.of());
        out.println("falls-elderly: adls=" + elderly.adls() + " false_alarms=" + elderly.falseAlarms()
                + " specificity=" + ratio(elderly.specificity()));
        if (loso != null) {
            loso.report(out);
        }
        out.println(summaryLine(summary));
        out.flush();
    }

    /** {@code falls: trials=N falls=F adls=A sensitivity=S specificity=P} */
    public static String summaryLine(Summary s) {
        return "falls: trials=" + s.trials().size() + " falls=" + s.falls() + " adls=" + s.adls()
                + " sensitivity=" + ratio(s.sensitivity()) + " specificity=" + ratio(s.specificity());
    }

    private static Map<String, List<TrialResult>> byLabel(Summary summary, boolean falls) {
        return summary.trials().stream().filter(r -> r.fall() == falls)
                .collect(Collectors.groupingBy(TrialResult::label, TreeMap::new, Collectors.toList()));
    }

    private static long count(List<TrialResult> rs, Predicate<TrialResult> p) {
        return rs.stream().filter(p).count();
    }

    static String ratio(double r) {
        return Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.3f", r);
    }

    /** One trial's samples, at the evaluation's rate. */
    public record Recording(SisFallName name, List<AccelSample> samples, int malformedRows) {
    }

    /** Every trial that could be read, each subject's walk (absent when starting cold), and what could not be read. */
    public record Recordings(List<Recording> trials, Map<String, List<AccelSample>> walks, List<String> problems) {

        public List<AccelSample> walkOf(String subject) {
            return walks.getOrDefault(subject, List.of());
        }
    }

    /**
     * How one trial went.
     *
     * @param trial             the file name
     * @param label             the activity code, for example F01 or D07
     * @param subject           for example SA01
     * @param fall              true for a fall trial
     * @param firstAlertSeconds seconds from the trial's start to the first FALL alert, or null if none
     * @param message           the first alert's explanation, or null
     * @param malformedRows     rows of the file that were skipped
     */
    public record TrialResult(String trial, String label, String subject, boolean fall, Double firstAlertSeconds,
                              String message, int malformedRows) {
        public boolean detected() {
            return firstAlertSeconds != null;
        }
    }

    /** Every trial's result, and what could not be read. */
    public record Summary(List<TrialResult> trials, List<String> problems) {

        public Summary {
            trials = trials.stream().sorted(Comparator.comparing(TrialResult::trial)).toList();
            problems = List.copyOf(problems);
        }

        public int falls() {
            return (int) trials.stream().filter(TrialResult::fall).count();
        }

        public int adls() {
            return trials.size() - falls();
        }

        public int detectedFalls() {
            return (int) trials.stream().filter(r -> r.fall() && r.detected()).count();
        }

        public int falseAlarms() {
            return (int) trials.stream().filter(r -> !r.fall() && r.detected()).count();
        }

        /** Detected falls over falls; NaN with no fall trials. */
        public double sensitivity() {
            return falls() == 0 ? Double.NaN : (double) detectedFalls() / falls();
        }

        /** ADL trials without an alert over ADL trials; NaN with none. */
        public double specificity() {
            return adls() == 0 ? Double.NaN : (double) (adls() - falseAlarms()) / adls();
        }
    }

    /** Records the first FALL alert of a trial, on the virtual clock. */
    private static final class FirstFall implements AlertSink {
        private final VirtualScheduler time;
        private Instant at;
        private String message;

        FirstFall(VirtualScheduler time) {
            this.time = time;
        }

        @Override
        public void raise(AlertRequest request) {
            // Alerts during the walk before the trial are not the trial's.
            if (at == null && request.kind() == AlertKind.FALL && !time.now().isBefore(TRIAL_START)) {
                at = time.now();
                message = request.message();
            }
        }

        @Override
        public boolean cancelPreAlarm(String how) {
            return false;
        }
    }
}
