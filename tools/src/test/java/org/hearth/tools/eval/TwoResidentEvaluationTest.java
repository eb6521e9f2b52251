package org.hearth.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.hearth.gateway.domain.activity.ActivityParameters;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The inactivity detectors on four simulated weeks of a home of two, held to aims:
 * <ul>
 *   <li>issue 19's burden aims, which do not depend on who lives there: at most 0.5 alarms a week
 *       reaching carers, at most 7 check-ins a week;</li>
 *   <li>a collapse while the other resident is out is never lost to a home that looks empty: each is
 *       either alerted within 12 h or the other comes home first (and finds them);</li>
 *   <li>those alerted, within issue 19's median delay of 60 min;</li>
 *   <li>the household's out rule finds at least as many of them as the one-resident rule on the same
 *       weeks: that is what the rule is for.</li>
 * </ul>
 * A collapse while the other is home and moving is not held to anything: shared sensors cannot see
 * it (docs/detection.md, "Two residents"); the report counts it apart.
 */
@Tag("medium")
class TwoResidentEvaluationTest {

    private static final int COLLAPSES = 60;
    private static final long SEED = 2;

    private final TwoResidentWeeks weeks = TwoResidentWeeks.generate(TwoResidentWeeks.FIRST_DAY, 4, SEED);

    @Test
    void the_weeks_are_the_same_for_the_same_seed_and_have_outings_together_and_alone() {
        TwoResidentWeeks again = TwoResidentWeeks.generate(TwoResidentWeeks.FIRST_DAY, 4, SEED);
        assertThat(again.moves()).isEqualTo(weeks.moves());
        assertThat(TwoResidentWeeks.generate(TwoResidentWeeks.FIRST_DAY, 4, SEED + 1).moves()).isNotEqualTo(weeks.moves());
        assertThat(weeks.outingsWithOtherHome()).isPositive().isLessThan(weeks.outings());
        assertThat(weeks.moves()).allSatisfy(m -> {
            if (m.resident() >= 0 && !m.event().room().equals("entry")) {
                assertThat(weeks.home(m.resident(), m.event().at())).as("%s", m).isTrue();
            }
        });
    }

    @Test
    void two_person_weeks_meet_the_aims_under_the_household_rule() {
        ActivityParameters params = ActivityParameters.defaults();
        TwoResidentEvaluation.Result household = new TwoResidentEvaluation(params.withResidents(2)).run(weeks, COLLAPSES, SEED);
        TwoResidentEvaluation.Result oneRule = new TwoResidentEvaluation(params).run(weeks, COLLAPSES, SEED);
        InactivityEvaluation.Report report = household.report();
        TwoResidentEvaluation.Split alone = household.split();

        assertThat(report.days()).isEqualTo(28.0);
        assertThat(report.alertsPerWeek()).isLessThanOrEqualTo(0.5);
        assertThat(report.checkInsPerWeek()).isLessThanOrEqualTo(7.0);
        assertThat(alone.alone()).isEqualTo(COLLAPSES / 2);
        assertThat(alone.aloneDetected()).isPositive();
        assertThat(alone.aloneDetected() + alone.aloneOtherBackFirst()).isEqualTo(alone.alone());
        assertThat(alone.aloneMedian().orElseThrow()).isLessThanOrEqualTo(60.0);
        assertThat(alone.aloneDetected()).isGreaterThanOrEqualTo(oneRule.split().aloneDetected());
        assertThat(report.lines()).last().asString().startsWith("residents: 2 rule=household outings=" + weeks.outings());
        assertThat(report.collapses().orElseThrow().delaysMinutes()).allSatisfy(d ->
                assertThat(Duration.ofSeconds(Math.round(d * 60))).isLessThanOrEqualTo(InactivityEvaluation.DETECT_WITHIN));
    }
}
