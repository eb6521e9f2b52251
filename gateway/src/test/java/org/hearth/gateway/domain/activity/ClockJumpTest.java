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

/**
 * A Pi has no clock battery: it boots at its last saved time (or 1970), and NTP sets the clock
 * minutes later, by hours or days, now and then backwards. A jump is not time that passed.
 */
@Tag("small")
class ClockJumpTest {

    private static HomeScenario home() {
        return givenHomeWith(pir("kitchen"), pir("living room"), pir("bathroom"), pir("hall"), pir("bedroom"),
                bedMat("bedroom"), door("entry"));
    }

    @Test
    void a_clock_set_two_days_forward_shortly_after_start_raises_nothing_and_the_quiet_spell_keeps_its_length() {
        HomeScenario home = home().at("11:00").motionIn("kitchen").at("11:05")
                .clockSetBy(Duration.ofDays(2)).noMotionUntil("11:29").thenNoAlert();
        assertThat(home.now()).isEqualTo(Instant.parse("2026-03-04T11:29:00Z"));

        HomeScenario.Raised real = home.noMotionUntil("11:31").thenAlert(AlertKind.LONG_LIE, "kitchen");
        assertThat(real.at()).as("thirty minutes of real stillness, by the new clock").isEqualTo(Instant.parse("2026-03-04T11:30:05Z"));
        assertThat(real.message()).startsWith("No movement anywhere since 11:00, last in the kitchen");
    }

    @Test
    void a_clock_set_an_hour_back_raises_nothing_and_delays_no_real_alarm() {
        HomeScenario home = home().at("11:00").motionIn("kitchen").at("11:10")
                .clockSetBy(Duration.ofHours(-1)).noMotionUntil("10:29").thenNoAlert();

        HomeScenario.Raised real = home.noMotionUntil("10:31").thenAlert(AlertKind.LONG_LIE, "kitchen");
        assertThat(real.at()).as("not an hour late").isEqualTo(Instant.parse("2026-03-02T10:30:05Z"));
    }

    @Test
    void a_collapse_after_a_backward_jump_is_found_in_time() {
        HomeScenario home = home().at("11:00").busyIn("kitchen", "11:20")
                .clockSetBy(Duration.ofHours(-1)).busyIn("kitchen", "10:40").noMotionUntil("11:08").thenNoAlert();

        // The last movement was at 10:38:30, by the new clock: thirty minutes and the pre-alarm's five seconds on.
        assertThat(home.noMotionUntil("11:12").thenAlert(AlertKind.LONG_LIE, "kitchen").at())
                .isEqualTo(Instant.parse("2026-03-02T11:08:35Z"));
    }

    @Test
    void a_jump_during_an_absence_keeps_the_resident_out_and_asks_nothing_until_they_are_back() {
        HomeScenario home = home().at("08:00").busyIn("kitchen", "09:00").goesOutVia("hall", "entry")
                .at("10:00");
        assertThat(home.residentOut()).isTrue();

        home.clockSetBy(Duration.ofDays(2)).noMotionUntil("16:00").thenNoAlert();
        assertThat(home.residentOut()).as("still out after the jump").isTrue();

        home.comesHomeVia("entry", "hall", "kitchen").busyIn("kitchen", "16:30").noMotionUntil("16:58").thenNoAlert();
        assertThat(home.residentOut()).isFalse();
        home.noMotionUntil("17:01").thenAlert(AlertKind.LONG_LIE, "kitchen");
    }

    @Test
    void a_jump_while_the_door_is_being_judged_settles_the_departure_on_the_monotonic_clock() {
        HomeScenario home = home().at("08:00").busyIn("kitchen", "09:00").goesOutVia("hall", "entry")
                .at("09:02").clockSetBy(Duration.ofDays(2)).noMotionUntil("12:00");

        assertThat(home.residentOut()).isTrue();
        home.thenNoAlert();
    }

    @Test
    void a_clock_set_forward_across_the_day_start_still_checks_the_kitchen_at_ten_by_the_new_clock() {
        // Booted at midnight by a clock 3 h 50 min slow: the kitchen at 03:55 and the jump at 04:10, true time.
        HomeScenario home = home().at("00:05").motionIn("kitchen").at("00:20")
                .clockSetBy(Duration.ofMinutes(230)).sitsIn("living room", "09:59").thenNoAlert();

        HomeScenario.Raised kitchen = home.sitsIn("living room", "10:01").thenAlert(AlertKind.INACTIVITY, "kitchen");
        assertThat(kitchen.at()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(kitchen.message()).startsWith("No movement in the kitchen since 03:55");
    }

    @Test
    void a_clock_set_forward_past_ten_asks_nothing_about_a_morning_nobody_watched() {
        // Booted at midnight by a clock twelve hours slow; the kitchen rule's 10:00 is skipped, not run late.
        home().at("00:05").motionIn("living room").at("00:10")
                .clockSetBy(Duration.ofHours(12)).sitsIn("living room", "13:00").thenNoAlert();
    }

    @Test
    void a_clock_set_back_across_the_day_start_at_night_raises_nothing() {
        home().at("00:05").motionIn("kitchen").at("00:10").motionIn("bedroom").getsIntoBed("bedroom")
                .at("04:30").clockSetBy(Duration.ofHours(-1))
                .noMotionUntil("07:00").getsOutOfBed("bedroom").motionIn("bedroom").motionIn("hall")
                .busyIn("kitchen", "08:00").sitsIn("living room", "12:00").thenNoAlert();
    }
}
