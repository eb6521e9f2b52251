package org.hearth.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.hearth.gateway.domain.falls.FallDetector;
import org.hearth.sensors.sim.WornTrace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation runner on a small folder of generated trials in SisFall's format. */
@Tag("medium")
class FallEvaluationTest {

    @TempDir
    Path data;

    @BeforeEach
    void writeTrials() throws IOException {
        SisFallFiles.write(data.resolve("SA99"), "F01_SA99_R01.txt", WornTrace.at(200, 1).fallFromWalking().samples());
        SisFallFiles.write(data.resolve("SA99"), "D10_SA99_R01.txt", WornTrace.at(200, 2).sitDownHard().samples());
        SisFallFiles.write(data.resolve("SE99/nested"), "D19_SE99_R01.txt", WornTrace.at(200, 3).still(WornTrace.UPRIGHT, 3)
                .impact(2.0, 0.25).fallFreely(0.3, 0.0).impact(4.0, 0.1).still(WornTrace.UPRIGHT, 8).samples());
        Files.writeString(data.resolve("Readme.txt"), "Not a trial.\n");
    }

    @Test
    void finds_trial_files_at_any_depth_and_ignores_other_files() throws IOException {
        assertThat(FallEvaluation.findTrials(data)).extracting(p -> p.getFileName().toString())
                .containsExactly("D10_SA99_R01.txt", "F01_SA99_R01.txt", "D19_SE99_R01.txt");
    }

    @Test
    void scores_each_trial_through_the_daemons_detector_path() throws IOException {
        FallEvaluation.Summary summary = new FallEvaluation().evaluate(FallEvaluation.findTrials(data));

        assertThat(summary.trials()).extracting(FallEvaluation.TrialResult::trial, FallEvaluation.TrialResult::detected)
                .containsExactly(
                        Tuple.tuple("D10_SA99_R01.txt", false),
                        Tuple.tuple("D19_SE99_R01.txt", false),
                        Tuple.tuple("F01_SA99_R01.txt", true));
        FallEvaluation.TrialResult fall = summary.trials().get(2);
        // The impact is 6.4 s into the trial; the alert follows once the person has lain still.
        assertThat(fall.firstAlertSeconds()).isBetween(8.0, 11.5);
        assertThat(fall.message()).startsWith("A fall was detected at 10:00 (impact 3.0 g)");
        assertThat(FallEvaluation.summaryLine(summary))
                .isEqualTo("falls: trials=3 falls=1 adls=2 sensitivity=1.000 specificity=1.000");
    }

    @Test
    void writes_one_csv_row_per_trial() throws IOException {
        FallEvaluation.Summary summary = new FallEvaluation().evaluate(FallEvaluation.findTrials(data));
        Path csv = data.resolve("out.csv");

        FallEvaluation.writeCsv(summary, csv);

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("trial,label,detected,first_alert_s");
        assertThat(lines.get(1)).isEqualTo("D10_SA99_R01.txt,D10,false,");
        assertThat(lines.get(2)).isEqualTo("D19_SE99_R01.txt,D19,false,");
        assertThat(lines.get(3)).matches("F01_SA99_R01\\.txt,F01,true,\\d+\\.\\d{3}");
    }

    @Test
    void the_report_breaks_down_by_type_and_subject_and_ends_with_the_summary_line() throws IOException {
        FallEvaluation.Summary summary = new FallEvaluation().evaluate(FallEvaluation.findTrials(data));
        StringWriter text = new StringWriter();

        FallEvaluation.report(summary, new PrintWriter(text));

        List<String> lines = text.toString().lines().toList();
        assertThat(lines).contains(
                "  F01    1/1    Fall forward while walking caused by a slip",
                "  D10    0/1    Quickly sit in a low height chair, wait a moment, and up quickly",
                "Missed falls: none",
                "False alarms: none");
        assertThat(lines).anyMatch(l -> l.startsWith("  SE99  falls detected   0/0 ") && l.contains("sensitivity=n/a specificity=1.000"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("falls: trials=3 falls=1 adls=2 sensitivity=1.000 specificity=1.000");
    }

    @Test
    void a_missed_fall_and_a_false_alarm_are_named_and_scored() throws IOException {
        // Labels swapped on purpose: a fall filed as an ADL is a false alarm, a sit-down filed as a fall is missed.
        SisFallFiles.write(data.resolve("swapped"), "D01_SA98_R01.txt", WornTrace.at(200, 4).fallFromWalking().samples());
        SisFallFiles.write(data.resolve("swapped"), "F02_SA98_R01.txt", WornTrace.at(200, 5).sitDownHard().samples());

        FallEvaluation.Summary summary = new FallEvaluation().evaluate(FallEvaluation.findTrials(data));
        StringWriter text = new StringWriter();
        FallEvaluation.report(summary, new PrintWriter(text));

        assertThat(text.toString()).contains("Missed falls: F02_SA98_R01.txt").contains("False alarms: D01_SA98_R01.txt");
        assertThat(FallEvaluation.summaryLine(summary))
                .isEqualTo("falls: trials=5 falls=2 adls=3 sensitivity=0.500 specificity=0.667");
    }

    @Test
    void a_file_that_cannot_be_read_is_reported_and_skipped() throws IOException {
        Files.writeString(data.resolve("F09_SA99_R01.txt"), "this is not, a trial\n");
        Path bad = Files.writeString(data.resolve("D02_SA99_R01.txt"), String.join("\r\n",
                "   0, -256,    0,    0,    0,    0,    0,    0,    0;",
                "   0, -256,    0,    0,    0,    0,    0,    0,    0;",
                "   0, -256;"));

        FallEvaluation.Summary summary = new FallEvaluation().evaluate(FallEvaluation.findTrials(data));

        assertThat(summary.trials()).hasSize(4);
        assertThat(summary.problems()).anySatisfy(p -> assertThat(p).contains("F09_SA99_R01.txt is not a SisFall trial"));
        assertThat(summary.problems()).anySatisfy(p -> assertThat(p)
                .startsWith(bad.getFileName() + ": skipped 1 malformed row(s), first line 3"));
    }

    /** A subject's walk (D01), a roll from the back onto the side with a hard bump (D14), and a fall (F01). */
    private void writeSubject(Path dir, String subject, long seed) throws IOException {
        SisFallFiles.write(dir.resolve(subject), "D01_" + subject + "_R01.txt",
                WornTrace.at(200, seed).still(WornTrace.UPRIGHT, 2).walk(10, 0.3).samples());
        SisFallFiles.write(dir.resolve(subject), "D14_" + subject + "_R01.txt", WornTrace.at(200, seed + 1)
                .still(WornTrace.ON_BACK, 8).fallFreely(0.2, 0.5).turn(WornTrace.ON_SIDE, 0.3).impact(2.8, 0.15)
                .still(WornTrace.ON_SIDE, 8).samples());
        SisFallFiles.write(dir.resolve(subject), "F01_" + subject + "_R01.txt", WornTrace.at(200, seed + 2).fallFromWalking().samples());
    }

    @Test
    void each_trial_follows_its_subjects_walk_so_a_roll_in_bed_is_not_taken_for_a_fall(@TempDir Path other) throws IOException {
        writeSubject(other, "SE97", 50);
        List<Path> files = FallEvaluation.findTrials(other);

        FallEvaluation.Summary worn = new FallEvaluation().evaluate(files);
        FallEvaluation.Summary cold = new FallEvaluation(1, false).evaluate(files);

        assertThat(worn.trials()).extracting(FallEvaluation.TrialResult::trial, FallEvaluation.TrialResult::detected)
                .containsExactly(Tuple.tuple("D01_SE97_R01.txt", false), Tuple.tuple("D14_SE97_R01.txt", false),
                        Tuple.tuple("F01_SE97_R01.txt", true));
        // The fall's alert is timed from the trial's own start, not from the walk before it.
        assertThat(worn.trials().get(2).firstAlertSeconds()).isBetween(8.0, 11.5);
        assertThat(cold.trials()).extracting(FallEvaluation.TrialResult::detected).containsExactly(false, true, true);
    }

    @Test
    void leave_one_subject_out_tunes_on_the_other_subjects_and_scores_the_one_left_out(@TempDir Path other) throws IOException {
        writeSubject(other, "SA97", 60);
        writeSubject(other, "SE96", 70);
        FallEvaluation evaluation = new FallEvaluation();
        FallEvaluation.Recordings recordings = evaluation.read(FallEvaluation.findTrials(other));
        // A grid whose second setting needs an impact no fall here reaches: the defaults must win each fold.
        FallDetector.Settings tooStrict = new FallDetector.Settings(9, 60, 60, 30);

        LeaveOneSubjectOut.Result loso = LeaveOneSubjectOut.run(recordings, List.of(tooStrict, FallDetector.Settings.DEFAULT));
        StringWriter text = new StringWriter();
        FallEvaluation.report(evaluation.evaluate(recordings), loso, new PrintWriter(text));

        assertThat(loso.folds()).extracting(LeaveOneSubjectOut.Fold::subject, LeaveOneSubjectOut.Fold::chosen)
                .containsExactly(Tuple.tuple("SA97", FallDetector.Settings.DEFAULT), Tuple.tuple("SE96", FallDetector.Settings.DEFAULT));
        List<String> lines = text.toString().lines().toList();
        assertThat(lines).contains("falls-elderly: adls=2 false_alarms=0 specificity=1.000",
                "falls-loso: subjects=2 sensitivity=1.000 specificity=1.000 elderly_specificity=1.000");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("falls: trials=6 falls=2 adls=4 sensitivity=1.000 specificity=1.000");
    }

    @Test
    void leave_one_subject_out_needs_two_subjects() throws IOException {
        Path one = data.resolve("SA99");
        FallEvaluation.Recordings recordings = new FallEvaluation().read(FallEvaluation.findTrials(one));

        assertThat(LeaveOneSubjectOut.run(recordings, LeaveOneSubjectOut.GRID)).isNull();
    }

    @Test
    void the_detector_scores_the_same_at_50_hz() throws IOException {
        FallEvaluation.Summary summary = new FallEvaluation(4, true).evaluate(FallEvaluation.findTrials(data));

        assertThat(FallEvaluation.summaryLine(summary))
                .isEqualTo("falls: trials=3 falls=1 adls=2 sensitivity=1.000 specificity=1.000");
    }
}
