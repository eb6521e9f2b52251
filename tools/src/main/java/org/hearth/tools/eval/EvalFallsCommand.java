package org.hearth.tools.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hearth eval falls --data DIR [--out FILE.csv]}: scores the fall detector on SisFall trials. */
@Command(name = "falls", mixinStandardHelpOptions = true,
        description = {
            "Runs every SisFall trial file under DIR through the daemon's worn-sensor fall detector, in virtual time.",
            "Each trial follows its subject's first walking trial (D01), as a day's wear precedes a fall; --cold starts without.",
            "Prints a breakdown by fall type, activity type and subject; the elderly subjects' daily activities;",
            "leave-one-subject-out figures (thresholds tuned on the other subjects, tested on the one left out); then:",
            "  falls: trials=N falls=F adls=A sensitivity=S specificity=P"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:evaluated", "1:a file could not be read or written", "2:no data: DIR is missing or holds no SisFall trial"})
public final class EvalFallsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "A folder holding SisFall trial files such as F01_SA01_R01.txt, at any depth.")
    private Path data;

    @Option(names = "--out", paramLabel = "FILE.csv",
            description = "Also write one row per trial: trial,label,detected,first_alert_s.")
    private Path out;

    @Option(names = "--decimate", paramLabel = "N", defaultValue = "1",
            description = "Average every N samples into one to test a slower sensor (4 turns 200 Hz into 50 Hz). Default: ${DEFAULT-VALUE}.")
    private int decimate;

    @Option(names = "--cold",
            description = "Run each trial with a fresh detector that has not seen its wearer walk (knows nothing of upright).")
    private boolean cold;

    @Option(names = "--no-loso", description = "Skip the leave-one-subject-out evaluation (it runs every trial once per setting tried).")
    private boolean noLoso;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (!Files.isDirectory(data)) {
            stderr.println("No data: " + data + " is not a folder. Point --data at the SisFall folder, for example ../shared/data/sisfall.");
            return 2;
        }
        if (decimate < 1 || decimate > 8) {
            stderr.println("--decimate must be between 1 and 8, was " + decimate + ".");
            return 2;
        }
        try {
            List<Path> trials = FallEvaluation.findTrials(data);
            if (trials.isEmpty()) {
                stderr.println("No data: " + data + " holds no SisFall trial file (names like F01_SA01_R01.txt or D07_SE05_R02.txt).");
                return 2;
            }
            FallEvaluation evaluation = new FallEvaluation(decimate, !cold);
            FallEvaluation.Recordings recordings = evaluation.read(trials);
            FallEvaluation.Summary summary = evaluation.evaluate(recordings);
            if (summary.trials().isEmpty()) {
                FallEvaluation.report(summary, stderr);
                stderr.println("No data: none of the " + trials.size() + " trial files under " + data + " could be read.");
                return 2;
            }
            if (out != null) {
                FallEvaluation.writeCsv(summary, out);
            }
            LeaveOneSubjectOut.Result loso = noLoso ? null : LeaveOneSubjectOut.run(recordings, LeaveOneSubjectOut.GRID);
            FallEvaluation.report(summary, loso, stdout);
            return 0;
        } catch (IOException e) {
            stderr.println("Could not evaluate: " + e.getMessage());
            return 1;
        }
    }
}
