package org.hearth.tools.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hearth.gateway.domain.activity.ActivityParameters;
import org.hearth.sensors.replay.CasasLog;
import org.hearth.sensors.replay.CasasLogFormat;
import org.hearth.sensors.replay.CasasLogFormatException;
import org.hearth.sensors.replay.CasasLogReader;
import org.hearth.time.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hearth eval inactivity}: see {@link InactivityEvaluation}. */
@Command(name = "inactivity", mixinStandardHelpOptions = true,
        description = {"Replays a real home's event log through the inactivity and long-lie detectors in virtual time.",
                "Prints alerts per week, check-ins per week and, with --inject-collapses, how many collapses were detected."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:could not write the CSV", "2:bad options, or the events file is missing or unreadable"})
public final class EvalInactivityCommand implements Callable<Integer> {

    static final int CANNOT_WRITE = 1;
    static final int BAD_INPUT = 2;

    @Spec
    private CommandSpec spec;

    @Option(names = "--events", paramLabel = "FILE", description = "The event log to replay.")
    private Path events;

    @Option(names = "--residents", paramLabel = "N", defaultValue = "1",
            description = "2: the household's out rule (everyone out); with no --events, on simulated weeks of a home of two "
                    + "(seeded by --seed) (default: ${DEFAULT-VALUE}).")
    private int residents;

    @Option(names = "--weeks", paramLabel = "W", defaultValue = "4",
            description = "With --residents 2: how many weeks to simulate (default: ${DEFAULT-VALUE}).")
    private int weeks;

    @Option(names = "--one-resident-rule",
            description = "With --residents 2: judge the two-person weeks by the one-resident out rule, to compare.")
    private boolean oneResidentRule;

    @Option(names = "--format", paramLabel = "cil|casas",
            description = "cil: timestamp<TAB>sensor<TAB>ON|OFF<TAB>; casas: date time [area] sensor state [activity], the layout found by content.")
    private String format;

    @Option(names = "--inject-collapses", paramLabel = "N", defaultValue = "0",
            description = "Also replay N copies of the log, each cut at a random daytime moment (default: ${DEFAULT-VALUE}).")
    private int collapses;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seeds the collapse moments (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--sit-still", paramLabel = "ROOM",
            description = "Simulates an afternoon of sitting still (14:00 to 16:30) in ROOM every day the resident was home, "
                    + "which no PIR sees: the log's events in those hours are left out.")
    private String sitStill;

    @Option(names = "--radar", paramLabel = "ROOM",
            description = "Simulates a presence radar in ROOM: it sees the resident move and sit still there, and sees "
                    + "them still after a collapse there.")
    private String radar;

    @Option(names = "--stir-every", paramLabel = "DURATION", defaultValue = "10m",
            description = "With --radar: the mean time between a seated resident's small movements that the radar sees "
                    + "and a PIR does not, like 10m; 0 for a resident who dozes (default: ${DEFAULT-VALUE}).")
    private String stirEvery;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Writes every alert and check-in as time,kind,collapse,detail (collapse: the injected copy's number, empty for the home's own log).")
    private Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (residents == 2 && events == null) {
            return twoResidents(stdout, stderr);
        }
        if (residents != 1 && residents != 2) {
            stderr.println("--residents must be 1 or 2 (2 with no --events: simulated weeks), was " + residents + ".");
            return BAD_INPUT;
        }
        if (events == null || format == null) {
            stderr.println("Give --events FILE and --format cil|casas, or --residents 2 for simulated weeks of two.");
            return BAD_INPUT;
        }
        Optional<CasasLogFormat> logFormat = CasasLogFormat.fromCliName(format);
        if (logFormat.isEmpty()) {
            stderr.println("Unknown --format '" + format + "': use cil or casas.");
            return BAD_INPUT;
        }
        if (collapses < 0) {
            stderr.println("--inject-collapses must be 0 or more, was " + collapses + ".");
            return BAD_INPUT;
        }
        Optional<Duration> stir = stirEvery.strip().equals("0") ? Optional.of(Duration.ZERO) : Durations.parse(stirEvery);
        if (stir.isEmpty()) {
            stderr.println("--stir-every must be a duration like 10m, or 0, was '" + stirEvery + "'.");
            return BAD_INPUT;
        }
        CasasLog log;
        try {
            log = new CasasLogReader(logFormat.get(), InactivityEvaluation.ZONE).read(events);
        } catch (CasasLogFormatException e) {
            stderr.println(e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            stderr.println("Could not read " + events + ": " + e.getMessage());
            return BAD_INPUT;
        }
        if (!log.problems().isEmpty()) {
            stderr.println("Warning: " + events + ": " + log.problemSummary(10) + ".");
        }
        InactivityEvaluation.Report report;
        try {
            report = new InactivityEvaluation(ActivityParameters.defaults().withResidents(residents),
                    new InactivityEvaluation.Simulation(sitStill, radar, stir.get())).run(log, collapses, seed);
        } catch (IllegalArgumentException e) {
            stderr.println("Cannot simulate that: " + e.getMessage() + ".");
            return BAD_INPUT;
        }
        return print(report, stdout, stderr);
    }

    private int twoResidents(PrintWriter stdout, PrintWriter stderr) {
        if (weeks < 1 || weeks > 52 || collapses < 0) {
            stderr.println("Simulated weeks of two: --weeks 1 to 52 and --inject-collapses 0 or more, were " + weeks + " and "
                    + collapses + ".");
            return BAD_INPUT;
        }
        ActivityParameters params = ActivityParameters.defaults();
        TwoResidentWeeks simulated = TwoResidentWeeks.generate(TwoResidentWeeks.FIRST_DAY, weeks, seed);
        var result = new TwoResidentEvaluation(oneResidentRule ? params : params.withResidents(2)).run(simulated, collapses, seed);
        return print(result.report(), stdout, stderr);
    }

    private int print(InactivityEvaluation.Report report, PrintWriter stdout, PrintWriter stderr) {
        report.lines().forEach(stdout::println);
        stdout.flush();
        if (out != null) {
            try {
                report.writeCsv(out);
            } catch (IOException e) {
                stderr.println("Could not write " + out + ": " + e.getMessage());
                return CANNOT_WRITE;
            }
        }
        return 0;
    }
}
