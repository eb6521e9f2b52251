package org.hearth.gateway.domain.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.gateway.testkit.HomeScenario.bedMat;
import static org.hearth.gateway.testkit.HomeScenario.door;
import static org.hearth.gateway.testkit.HomeScenario.givenHomeWith;
import static org.hearth.gateway.testkit.HomeScenario.pir;

import java.time.Duration;
import java.time.Instant;
import org.hearth.gateway.testkit.HomeScenario;
import org.hearth.protocol.AlertKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Three weeks in a home with a steady routine: after the learning period the routine sets the limits. */
@Tag("medium")
class LearnedRoutineTest {

    private final HomeScenario home = givenHomeWith(pir("bedroom"), bedMat("bedroom"), pir("bathroom"), pir("hall"),
            pir("kitchen"), pir("living room"), door("entry"));

    @Test
    void during_the_learning_period_only_the_fixed_limits_apply() {
        home.forDays(7, HomeWeekTest::ordinaryDay);
        home.at("07:00").getsOutOfBed("bedroom").motionIn("bedroom").at("07:02").motionIn("hall")
                .busyIn("kitchen", "08:00").motionIn("living room");

        HomeScenario.Raised alert = home.noMotionUntil("10:00").thenAlert(AlertKind.LONG_LIE, "living room");

        assertThat(Duration.between(Instant.parse("2026-03-09T08:00:00Z"), alert.at())).isBetween(
                Duration.ofMinutes(90), Duration.ofMinutes(91));
    }

    @Test
    void after_learning_a_resident_who_stirs_every_25_minutes_is_asked_sooner_and_told_why() {
        home.forDays(15, HomeWeekTest::ordinaryDay).thenNoAlert();
        home.at("07:00").getsOutOfBed("bedroom").motionIn("bedroom").at("07:02").motionIn("hall")
                .busyIn("kitchen", "08:00").sitsIn("living room", "14:00").motionIn("living room");

        HomeScenario.Raised alert = home.noMotionUntil("16:00").thenAlert(AlertKind.INACTIVITY, "living room");

        Duration waited = Duration.between(Instant.parse("2026-03-17T14:00:05Z"), alert.at());
        assertThat(waited).as("the learned limit, shorter than the fixed 1 h 30 min").isLessThan(Duration.ofMinutes(90))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(45));
        assertThat(alert.message()).startsWith("No movement anywhere since 14:00, last in the living room. At this time "
                + "of the week, stillness after the living room usually lasts 25 min");
    }

    @Test
    void after_learning_not_being_up_by_the_usual_time_is_checked_before_the_installers_ten_oclock() {
        home.forDays(15, HomeWeekTest::ordinaryDay).thenNoAlert();

        HomeScenario.Raised alert = home.noMotionUntil("09:59").thenAlert(AlertKind.INACTIVITY, "bedroom");

        assertThat(alert.message()).startsWith("Not up yet: no movement outside the bedroom since 21:5")
                .contains("Usually up by 07:2");
        assertThat(alert.at()).isBefore(Instant.parse("2026-03-17T09:00:00Z"));
    }
}
