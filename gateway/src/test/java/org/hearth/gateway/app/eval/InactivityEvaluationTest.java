package org.hearth.gateway.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hearth.gateway.domain.activity.ActivityParameters;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.replay.CasasLog;
import org.hearth.sensors.replay.CasasLogFormat;
import org.hearth.sensors.replay.CasasLogFormatException;
import org.hearth.sensors.replay.CasasLogReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The inactivity evaluation on real data: CASAS CIL test files in {@code ../shared/data}. Fails,
 * never skips, when the data is missing.
 */
@Tag("medium")
class InactivityEvaluationTest {

    private static final String MULTIDAY = "tm000.multiday_absence.txt";
    private static final String SEATED_MORNING = "tm000.20160207_AM_InactivitySeq.txt";

    private final InactivityEvaluation evaluation = new InactivityEvaluation(ActivityParameters.defaults());

    @Test
    void the_multiday_absence_meets_every_target() throws Exception {
        InactivityEvaluation.Report report = evaluation.run(read(MULTIDAY), 200, 1);

        assertThat(between(report, "2016-07-14T12:23:00Z", "2016-07-16T18:54:00Z"))
                .as("nothing at all, not even a question, while the home is empty (the issue's window)").isEmpty();
        assertThat(between(report, "2016-07-13T07:22:00Z", "2016-07-16T18:54:00Z"))
                .as("nor from the moment the residents left").isEmpty();
        assertThat(report.alertsPerWeek()).as("false alarms per week").isLessThanOrEqualTo(0.5);
        assertThat(report.checkInsPerWeek()).as("check-ins per week: a few at most").isLessThanOrEqualTo(3.0);
        InactivityEvaluation.Collapses collapses = report.collapses().orElseThrow();
        assertThat(collapses.injected()).isEqualTo(200);
        assertThat(collapses.detectedFraction()).as("collapses detected").isGreaterThanOrEqualTo(0.9);
        assertThat(collapses.medianDelayMinutes().orElseThrow()).as("median delay, min").isLessThanOrEqualTo(120);
    }

    @Test
    void a_seated_quiet_morning_raises_nothing() throws Exception {
        InactivityEvaluation.Report report = evaluation.run(read(SEATED_MORNING), 0, 1);

        assertThat(report.outcomes()).isEmpty();
    }

    @Test
    void once_the_routine_is_learned_the_targets_still_hold() throws Exception {
        // The week four times over: two weeks of learning, then two under the learned routine.
        CasasLog week = read(MULTIDAY);
        List<SensorEvent> month = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Duration shift = Duration.ofDays(7L * w);
            week.events().forEach(e -> month.add(new SensorEvent(e.sensorId(), e.room(), e.kind(), e.active(), e.at().plus(shift))));
        }

        InactivityEvaluation.Report report = evaluation.run(new CasasLog(month, List.of(), 0, 0), 100, 2);

        assertThat(report.alertsPerWeek()).isLessThanOrEqualTo(0.5);
        assertThat(report.checkInsPerWeek()).isLessThanOrEqualTo(3.0);
        InactivityEvaluation.Collapses collapses = report.collapses().orElseThrow();
        assertThat(collapses.detectedFraction()).isGreaterThanOrEqualTo(0.9);
        assertThat(collapses.medianDelayMinutes().orElseThrow()).isLessThanOrEqualTo(120);
        assertThat(report.rows()).as("some collapses were caught by the learned routine")
                .anySatisfy(r -> assertThat(r.detail()).contains("At this time of the week"));
    }

    @Test
    void the_command_prints_the_summary_for_the_shared_file() {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new EvalInactivityCommand());
        cli.setOut(new java.io.PrintWriter(out, true));

        int code = cli.execute("--events", data(MULTIDAY).toString(), "--format", "cil", "--inject-collapses", "20",
                "--seed", "4");

        assertThat(code).isZero();
        assertThat(out.toString().lines()).hasSize(3).first().asString()
                .matches("inactivity: days=6\\.99 alerts=0 alerts_per_week=0\\.00");
    }

    private static List<InactivityEvaluation.Outcome> between(InactivityEvaluation.Report report, String from, String to) {
        Instant a = Instant.parse(from);
        Instant b = Instant.parse(to);
        return report.outcomes().stream().filter(o -> !o.time().isBefore(a) && o.time().isBefore(b)).toList();
    }

    private static CasasLog read(String name) throws IOException, CasasLogFormatException {
        CasasLog log = new CasasLogReader(CasasLogFormat.CIL, InactivityEvaluation.ZONE).read(data(name));
        assertThat(log.problems()).as("lines not read in " + name).isEmpty();
        return log;
    }

    static Path data(String name) {
        String root = System.getProperty("hearth.project.root");
        if (root == null) {
            fail("The system property hearth.project.root is not set; run the tests through Maven (the parent pom sets it).");
        }
        Path file = Path.of(root).resolve("../shared/data/casas-cil").resolve(name).normalize();
        if (!Files.isRegularFile(file)) {
            fail("Evaluation data missing: " + file + ". The CASAS CIL test files belong in ../shared/data/casas-cil "
                    + "next to the project (see ../shared/data/README.md).");
        }
        return file;
    }
}
