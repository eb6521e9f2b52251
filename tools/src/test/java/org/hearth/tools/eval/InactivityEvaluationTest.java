package org.hearth.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.hearth.gateway.domain.activity.ActivityParameters;
import org.hearth.sensors.replay.CasasLog;
import org.hearth.sensors.replay.CasasLogFormat;
import org.hearth.sensors.replay.CasasLogFormatException;
import org.hearth.sensors.replay.CasasLogReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inactivity evaluation on generated homes shaped like the real ones it is judged on: a week
 * with a long absence that begins at the entry and is dotted with single blips, and a seated quiet
 * morning. The real CASAS files are evaluated by {@code ./run-evals}, not here.
 */
@Tag("medium")
class InactivityEvaluationTest {

    private static final LocalDate MONDAY = LocalDate.of(2021, 3, 1);

    @TempDir
    Path dir;

    private final InactivityEvaluation evaluation = new InactivityEvaluation(ActivityParameters.defaults());

    @Test
    void a_week_with_a_long_absence_meets_every_target() throws Exception {
        InactivityEvaluation.Report report = evaluation.run(read(weekWithAbsence()), 100, 1);

        assertThat(between(report, MONDAY.plusDays(1).atTime(7, 22), MONDAY.plusDays(4).atTime(18, 54)))
                .as("nothing at all, not even a question, from the moment the resident left").isEmpty();
        assertThat(report.alertsPerWeek()).as("false alarms per week").isLessThanOrEqualTo(0.5);
        assertThat(report.checkInsPerWeek()).as("check-ins per week: a few at most").isLessThanOrEqualTo(3.0);
        InactivityEvaluation.Collapses collapses = report.collapses().orElseThrow();
        assertThat(collapses.injected()).isEqualTo(100);
        assertThat(collapses.detectedFraction()).as("collapses detected").isGreaterThanOrEqualTo(0.9);
        assertThat(collapses.medianDelayMinutes().orElseThrow()).as("median delay, min").isLessThanOrEqualTo(120);
    }

    @Test
    void a_seated_quiet_morning_raises_nothing() throws Exception {
        // A chair sensor on and off for an hour, with gaps of up to 17 minutes.
        SyntheticCilLog morning = new SyntheticCilLog(1);
        LocalDateTime t = MONDAY.atTime(8, 14);
        for (int gap : new int[] {3, 9, 17, 2, 6, 12, 1, 4, 8}) {
            morning.event(t, "LivingRoomAChair");
            t = t.plusMinutes(gap);
        }

        InactivityEvaluation.Report report = evaluation.run(read(morning), 0, 1);

        assertThat(report.outcomes()).isEmpty();
    }

    @Test
    void once_the_routine_is_learned_the_targets_still_hold() throws Exception {
        // Two weeks of learning, then two under the learned routine.
        InactivityEvaluation.Report report = evaluation.run(read(new SyntheticCilLog(3).days(MONDAY, 28)), 100, 2);

        assertThat(report.alertsPerWeek()).isLessThanOrEqualTo(0.5);
        assertThat(report.checkInsPerWeek()).isLessThanOrEqualTo(3.0);
        InactivityEvaluation.Collapses collapses = report.collapses().orElseThrow();
        assertThat(collapses.detectedFraction()).isGreaterThanOrEqualTo(0.9);
        assertThat(collapses.medianDelayMinutes().orElseThrow()).isLessThanOrEqualTo(120);
        assertThat(report.rows()).as("some collapses were caught by the learned routine")
                .anySatisfy(r -> {
                    assertThat(r.collapse()).isPositive();
                    assertThat(r.kind()).isEqualTo("inactivity");
                });
    }

    @Test
    void a_radar_where_the_resident_sits_still_asks_less_and_finds_every_collapse_it_found_without() throws Exception {
        CasasLog log = read(new SyntheticCilLog(3).days(MONDAY, 7));
        InactivityEvaluation.Simulation sitting = new InactivityEvaluation.Simulation("living room", null, java.time.Duration.ZERO);
        InactivityEvaluation.Simulation withRadar = new InactivityEvaluation.Simulation("living room", "living room",
                java.time.Duration.ofMinutes(10));

        InactivityEvaluation.Report without = new InactivityEvaluation(ActivityParameters.defaults(), sitting).run(log, 60, 3);
        InactivityEvaluation.Report with = new InactivityEvaluation(ActivityParameters.defaults(), withRadar).run(log, 60, 3);

        assertThat(without.checkIns()).as("an afternoon in the chair is asked about").isGreaterThan(0);
        assertThat(with.checkIns()).as("the radar sees the resident stir").isLessThan(without.checkIns());
        assertThat(with.alerts()).isLessThanOrEqualTo(without.alerts());
        assertThat(with.collapses().orElseThrow().detected()).as("collapses found")
                .isGreaterThanOrEqualTo(without.collapses().orElseThrow().detected());
        assertThat(with.lines()).contains("simulation: sitting_spells=7 radar=living_room stir_every_min=10");
    }

    /**
     * Seven days: the resident goes out through the main entry on Tuesday at 07:21 and comes back
     * on Friday at 18:54; in between, single sensors blip hours apart.
     */
    private static SyntheticCilLog weekWithAbsence() {
        SyntheticCilLog log = new SyntheticCilLog(7).days(MONDAY, 1);
        LocalDate tuesday = MONDAY.plusDays(1);
        LocalDate friday = MONDAY.plusDays(4);
        log.event(tuesday.atTime(7, 0), "BedroomABed").active(tuesday.atTime(7, 0), tuesday.atTime(7, 20))
                .event(tuesday.atTime(7, 21), "MainEntryway")
                .event(tuesday.atTime(7, 35), "OfficeAArea")
                .event(tuesday.atTime(13, 2), "KitchenARefrigerator")
                .event(MONDAY.plusDays(2).atTime(3, 40), "BedroomABed")
                .event(MONDAY.plusDays(2).atTime(16, 15), "EntrywayB")
                .event(MONDAY.plusDays(3).atTime(9, 50), "DiningRoomAChair")
                .event(MONDAY.plusDays(3).atTime(21, 5), "LivingRoomAArea")
                .event(friday.atTime(11, 30), "KitchenASink")
                .event(friday.atTime(18, 54), "MainEntryway")
                .active(friday.atTime(18, 55), friday.atTime(22, 30)).night(friday);
        return log.days(MONDAY.plusDays(5), 2);
    }

    private static List<InactivityEvaluation.Outcome> between(InactivityEvaluation.Report report, LocalDateTime from,
            LocalDateTime to) {
        Instant a = from.atZone(InactivityEvaluation.ZONE).toInstant();
        Instant b = to.atZone(InactivityEvaluation.ZONE).toInstant();
        return report.outcomes().stream().filter(o -> !o.time().isBefore(a) && o.time().isBefore(b)).toList();
    }

    private CasasLog read(SyntheticCilLog log) throws IOException, CasasLogFormatException {
        Path file = Files.writeString(dir.resolve("home.txt"), log.text(), StandardCharsets.UTF_8);
        CasasLog read = new CasasLogReader(CasasLogFormat.CIL, InactivityEvaluation.ZONE).read(file);
        assertThat(read.problems()).as("lines not read").isEmpty();
        return read;
    }
}
