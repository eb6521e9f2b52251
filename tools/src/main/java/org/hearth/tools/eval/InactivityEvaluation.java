package org.hearth.tools.eval;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import org.hearth.gateway.domain.AlertRequest;
import org.hearth.gateway.domain.AlertSink;
import org.hearth.gateway.domain.activity.ActivityParameters;
import org.hearth.gateway.domain.activity.ActivityWatch;
import org.hearth.protocol.AlertKind;
import org.hearth.sensors.PresenceEvent;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.replay.CasasLog;
import org.hearth.sensors.replay.CasasLogReplay;
import org.hearth.time.VirtualScheduler;

/**
 * {@code hearth eval inactivity}: replays a real home's event log through the daemon's own
 * {@link ActivityWatch}, in virtual time, and counts what the resident and the carers would
 * have been put through.
 *
 * <p>Check-ins are the device's spoken "are you all right?" (the pre-alarm). As the design says,
 * a check-in is answered while the log shows normal living, and not answered after an injected
 * collapse. "Normal living" is {@link LogPresence}'s hindsight reading of the log: a check-in
 * while the home was in fact empty goes unanswered too, and its alert is a false alarm. An
 * alert is what reaches the carers: an unanswered check-in, {@link #CANCEL_WINDOW} after it was
 * asked, or an alert that skips the pre-alarm.
 *
 * <p>Injected collapses: each copy of the log is cut at a random moment, drawn uniformly over the
 * log's time, kept only if it is daytime ({@link #DAY_FROM} to {@link #DAY_TO}), the resident was
 * home, and something moved in the {@link #ACTIVE_WITHIN} before (normal daytime activity). No
 * event after the cut is replayed: the resident stopped moving where they were. A collapse is
 * detected if an alert reaches the carers within {@link #DETECT_WITHIN} of the cut.
 */
public final class InactivityEvaluation {

    /** The log's wall-clock times are read and replayed in UTC, so no DST gap or overlap shifts them. */
    public static final ZoneId ZONE = ZoneOffset.UTC;
    /** The pre-alarm's cancel window (the default): carers are told this long after an unanswered check-in. */
    public static final Duration CANCEL_WINDOW = Duration.ofSeconds(30);
    /** How long the resident takes to answer a check-in they answer. */
    public static final Duration ANSWER_AFTER = Duration.ofSeconds(15);
    public static final LocalTime DAY_FROM = LocalTime.of(8, 0);
    public static final LocalTime DAY_TO = LocalTime.of(20, 0);
    public static final Duration ACTIVE_WITHIN = Duration.ofMinutes(30);
    /** An alert later than this after a collapse is not counted as detecting it: by then it is a rescue too late. */
    public static final Duration DETECT_WITHIN = Duration.ofHours(12);

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final int MAX_DRAWS_PER_COLLAPSE = 100_000;

    private final ActivityParameters params;
    private final Simulation simulation;

    public InactivityEvaluation(ActivityParameters params) {
        this(params, Simulation.NONE);
    }

    public InactivityEvaluation(ActivityParameters params, Simulation simulation) {
        this.params = params;
        this.simulation = simulation;
    }

    /**
     * What is added to the real log.
     *
     * @param sittingIn  a room in which the resident sits still every afternoon ({@link SittingSpells}); null for none
     * @param radarIn    a room with a simulated presence radar ({@link SimulatedRadar}); null for none
     * @param stirEvery  mean time between the seated resident's small movements that the radar sees; zero for none
     */
    public record Simulation(String sittingIn, String radarIn, Duration stirEvery) {
        public static final Simulation NONE = new Simulation(null, null, Duration.ZERO);

        /** "simulation: sitting_spells=7 radar=living room stir_every_min=10", or nothing for the plain log. */
        Optional<String> line(int spells) {
            if (sittingIn == null && radarIn == null) {
                return Optional.empty();
            }
            return Optional.of(String.format(Locale.ROOT, "simulation: sitting_spells=%d radar=%s stir_every_min=%d", spells,
                    radarIn == null ? "none" : radarIn.replace(' ', '_'), stirEvery.toMinutes()));
        }
    }

    /**
     * One line of the CSV: {@code time,kind,collapse,detail}.
     *
     * @param collapse the injected collapse's copy number, 0 for a row of the home's own log
     * @param detail   words for people; nothing reads them
     */
    public record Row(Instant time, String kind, int collapse, String detail) {
        String csv() {
            return CSV_TIME.format(time.atZone(ZONE)) + "," + kind + "," + (collapse == 0 ? "" : collapse) + "," + quoted(detail);
        }

        private static String quoted(String s) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
    }

    /**
     * What reached the carers or the resident in one replay.
     *
     * @param asked    the resident was asked first (a check-in)
     * @param toCarers the carers were told
     */
    public record Outcome(Instant time, AlertKind kind, boolean asked, boolean toCarers, String message) {
    }

    /**
     * @param injected        copies cut
     * @param detected        of them, alerted within {@link #DETECT_WITHIN}
     * @param delaysMinutes   from cut to the carers' alert, for each detected collapse
     */
    public record Collapses(int injected, int detected, List<Double> delaysMinutes) {
        public Optional<Double> medianDelayMinutes() {
            if (delaysMinutes.isEmpty()) {
                return Optional.empty();
            }
            List<Double> sorted = delaysMinutes.stream().sorted().toList();
            int n = sorted.size();
            return Optional.of(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
        }

        public double detectedFraction() {
            return injected == 0 ? 0 : (double) detected / injected;
        }
    }

    /**
     * @param days       the log's span
     * @param outcomes   every check-in and alert of the replay of the whole log
     * @param collapses  present when collapses were injected
     * @param rows       the CSV rows
     */
    public record Report(double days, List<Outcome> outcomes, Optional<Collapses> collapses, List<Row> rows,
                         Optional<String> simulated) {

        public Report(double days, List<Outcome> outcomes, Optional<Collapses> collapses, List<Row> rows) {
            this(days, outcomes, collapses, rows, Optional.empty());
        }

        public long alerts() {
            return outcomes.stream().filter(Outcome::toCarers).count();
        }

        public long checkIns() {
            return outcomes.stream().filter(Outcome::asked).count();
        }

        public double alertsPerWeek() {
            return alerts() * 7 / days;
        }

        public double checkInsPerWeek() {
            return checkIns() * 7 / days;
        }

        /** The summary lines, exactly as the command prints them. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "inactivity: days=%.2f alerts=%d alerts_per_week=%.2f", days, alerts(),
                    alertsPerWeek()));
            lines.add(String.format(Locale.ROOT, "checkins: per_week=%.2f", checkInsPerWeek()));
            collapses.ifPresent(c -> lines.add(String.format(Locale.ROOT, "collapses: injected=%d detected=%d median_delay_min=%s",
                    c.injected(), c.detected(),
                    c.medianDelayMinutes().map(m -> String.format(Locale.ROOT, "%.1f", m)).orElse("n/a"))));
            simulated.ifPresent(lines::add);
            return lines;
        }

        public void writeCsv(Path file) throws IOException {
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("time,kind,collapse,detail\n");
                for (Row r : rows) {
                    w.write(r.csv());
                    w.write('\n');
                }
            }
        }
    }

    /**
     * Replays {@code log} once whole, then once per injected collapse.
     *
     * @param collapses how many collapses to inject; 0 for none
     * @param seed      seeds the choice of collapse moments
     */
    public Report run(CasasLog log, int collapses, long seed) {
        List<SensorEvent> events = log.events();
        int spells = 0;
        if (simulation.sittingIn() != null) {
            SittingSpells.Added added = SittingSpells.add(events, simulation.sittingIn(), params.rooms());
            events = added.events();
            spells = added.spells();
        }
        List<SensorEvent> played = events;
        Optional<SimulatedRadar> radar = Optional.ofNullable(simulation.radarIn())
                .map(room -> SimulatedRadar.of(played, room, simulation.stirEvery(), seed));
        Optional<String> simulated = simulation.line(spells);
        LogPresence truth = LogPresence.of(events, params.rooms());
        Instant first = log.first();
        Instant last = log.last();
        List<Outcome> whole = replay(events, truth::home, Instant.MAX, last, radar.map(SimulatedRadar::events).orElse(List.of()));
        List<Row> rows = new ArrayList<>();
        whole.forEach(o -> rows.add(row(o)));
        double days = Math.max(log.span().toSeconds() / 86_400.0, 1.0 / 24);
        if (collapses <= 0) {
            return new Report(days, whole, Optional.empty(), rows, simulated);
        }
        Random random = new Random(seed);
        List<Double> delays = new ArrayList<>();
        int injected = 0;
        for (int copy = 1; copy <= collapses; copy++) {
            Optional<Instant> cut = drawCut(random, first, last, truth);
            if (cut.isEmpty()) {
                break;
            }
            injected++;
            Instant at = cut.get();
            rows.add(new Row(at, "collapse", copy, "copy " + copy + ": the log is cut here; last movement "
                    + Math.round(truth.sinceLastActivation(at).toSeconds() / 60.0) + " min before"));
            List<PresenceEvent> seen = radar.map(r -> r.before(at)).orElse(List.of());
            Optional<Outcome> alert = firstAlertAfter(at, replay(events, truth::home, at, at.plus(DETECT_WITHIN), seen));
            if (alert.isPresent()) {
                double delay = Duration.between(at, alert.get().time()).toSeconds() / 60.0;
                delays.add(delay);
                rows.add(new Row(alert.get().time(), kindName(alert.get().kind()), copy, String.format(Locale.ROOT,
                        "copy %d: detected %.0f min after the collapse: %s", copy, delay, alert.get().message())));
            } else {
                rows.add(new Row(at.plus(DETECT_WITHIN), "collapse.missed", copy, "copy " + copy + ": no alert within "
                        + DETECT_WITHIN.toHours() + " h"));
            }
        }
        return new Report(days, whole, Optional.of(new Collapses(injected, delays.size(), delays)), rows, simulated);
    }

    private Optional<Instant> drawCut(Random random, Instant first, Instant last, LogPresence truth) {
        long span = Duration.between(first, last).toSeconds();
        for (int i = 0; i < MAX_DRAWS_PER_COLLAPSE && span > 0; i++) {
            Instant t = first.plusSeconds((long) (random.nextDouble() * span));
            LocalTime local = t.atZone(ZONE).toLocalTime();
            if (!local.isBefore(DAY_FROM) && local.isBefore(DAY_TO) && truth.home(t)
                    && truth.sinceLastActivation(t).compareTo(ACTIVE_WITHIN) <= 0) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The first alert to reach carers after a collapse at {@code at}: what detects it. */
    static Optional<Outcome> firstAlertAfter(Instant at, List<Outcome> outcomes) {
        return outcomes.stream().filter(o -> o.toCarers() && o.time().isAfter(at) && o.kind() != AlertKind.ENVIRONMENT)
                .findFirst();
    }

    /**
     * Plays the events before {@code cut} and the radar's reports, then runs on to {@code until};
     * a check-in is answered when someone who can answer is home ({@code answers}) and, before
     * the cut, only then: after the cut nobody answers.
     */
    List<Outcome> replay(List<SensorEvent> events, Predicate<Instant> answers, Instant cut, Instant until,
                         List<PresenceEvent> radar) {
        VirtualScheduler scheduler = new VirtualScheduler(events.get(0).at().atZone(ZONE).truncatedTo(ChronoUnit.DAYS)
                .toInstant(), ZONE);
        List<Outcome> outcomes = new ArrayList<>();
        ActivityWatch[] watch = new ActivityWatch[1];
        AlertSink sink = new AlertSink() {
            @Override
            public void raise(AlertRequest request) {
                Instant now = scheduler.now();
                if (!request.preAlarm()) {
                    outcomes.add(new Outcome(now, request.kind(), false, true, request.message()));
                } else if (now.isBefore(cut) && answers.test(now)) {
                    outcomes.add(new Outcome(now, request.kind(), true, false, request.message()));
                    scheduler.schedule(ANSWER_AFTER, () -> watch[0].residentAnswered("the resident said they were fine"));
                } else {
                    outcomes.add(new Outcome(now.plus(CANCEL_WINDOW), request.kind(), true, true, request.message()));
                }
            }

            @Override
            public boolean cancelPreAlarm(String how) {
                return false;
            }
        };
        watch[0] = new ActivityWatch(params, sink, scheduler);
        for (PresenceEvent e : radar) {
            scheduler.schedule(Duration.between(scheduler.now(), e.at()), () -> watch[0].onPresence(e));
        }
        new CasasLogReplay(scheduler, watch[0]::onEvent).play(events, cut, until);
        return outcomes;
    }

    private static Row row(Outcome o) {
        if (!o.asked()) {
            return new Row(o.time(), kindName(o.kind()), 0, "carers told: " + o.message());
        }
        return o.toCarers()
                ? new Row(o.time(), kindName(o.kind()), 0, "carers told (no answer to the check-in): " + o.message())
                : new Row(o.time(), "checkin." + kindName(o.kind()), 0, "answered: " + o.message());
    }

    private static String kindName(AlertKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
