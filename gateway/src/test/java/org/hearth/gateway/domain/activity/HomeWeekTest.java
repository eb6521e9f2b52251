package org.hearth.gateway.domain.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.gateway.testkit.HomeScenario.bedMat;
import static org.hearth.gateway.testkit.HomeScenario.door;
import static org.hearth.gateway.testkit.HomeScenario.givenHomeWith;
import static org.hearth.gateway.testkit.HomeScenario.pir;

import java.time.Instant;
import org.hearth.gateway.testkit.HomeScenario;
import org.hearth.protocol.AlertKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A week in a simulated home, in virtual time, through the real {@link ActivityWatch}. */
@Tag("medium")
class HomeWeekTest {

    private final HomeScenario home = givenHomeWith(pir("bedroom"), bedMat("bedroom"), pir("bathroom"), pir("hall"),
            pir("kitchen"), pir("living room"), door("entry"));

    @Test
    void an_ordinary_week_with_a_day_out_raises_nothing_and_a_collapse_at_eleven_is_alerted_and_explained() {
        home.forDays(2, HomeWeekTest::ordinaryDay)
                .forDays(1, HomeWeekTest::dayOut)
                .forDays(3, HomeWeekTest::ordinaryDay)
                .thenNoAlert();

        // Sunday: an ordinary morning, then the resident collapses in the kitchen at 11:00.
        morning(home);
        home.at("10:40").motionIn("hall").busyIn("kitchen", "11:00").motionIn("kitchen")
                .noMotionUntil("11:30").thenNoAlert();

        HomeScenario.Raised alert = home.noMotionUntil("12:00").thenAlert(AlertKind.LONG_LIE, "kitchen");
        assertThat(alert.at()).isEqualTo(Instant.parse("2026-03-08T11:30:05Z"));
        assertThat(alert.request().preAlarm()).isTrue();
        assertThat(alert.message()).isEqualTo("No movement anywhere since 11:00, last in the kitchen, and nobody went "
                + "out. After the kitchen, more than 30 min without movement is unusual.");
        assertThat(home.noMotionUntil("23:00").raised()).as("one question about one stillness").hasSize(1);
    }

    @Test
    void a_day_out_with_a_blip_in_the_empty_home_raises_no_alarm() {
        home.forDays(1, HomeWeekTest::ordinaryDay).forDays(1, HomeWeekTest::dayOut).forDays(1, HomeWeekTest::ordinaryDay)
                .thenNoAlert();
    }

    static void ordinaryDay(HomeScenario home) {
        morning(home);
        home.motionIn("hall").busyIn("bathroom", "10:40")
                .motionIn("hall").busyIn("kitchen", "12:30")
                .sitsIn("living room", "15:00")
                .busyIn("kitchen", "15:15")
                .sitsIn("living room", "18:00")
                .busyIn("kitchen", "19:00")
                .sitsIn("living room", "22:00");
        evening(home);
    }

    /** Out from 09:20 to 17:00; a motion sensor blips once in the empty home at 13:00. */
    static void dayOut(HomeScenario home) {
        home.at("07:00").getsOutOfBed("bedroom").motionIn("bedroom")
                .at("07:02").motionIn("hall").busyIn("bathroom", "07:20")
                .motionIn("hall").busyIn("kitchen", "09:15")
                .at("09:20").goesOutVia("hall", "entry")
                .at("13:00").motionIn("living room")
                .at("17:00").comesHomeVia("entry", "hall", "kitchen").busyIn("kitchen", "18:00")
                .sitsIn("living room", "22:00");
        evening(home);
    }

    private static void morning(HomeScenario home) {
        home.at("07:00").getsOutOfBed("bedroom").motionIn("bedroom")
                .at("07:02").motionIn("hall").busyIn("bathroom", "07:20")
                .motionIn("hall").busyIn("kitchen", "08:00")
                .sitsIn("living room", "10:30");
    }

    private static void evening(HomeScenario home) {
        home.motionIn("hall").busyIn("bathroom", "22:15").motionIn("bedroom").getsIntoBed("bedroom");
    }
}
