package org.hearth.gateway.domain.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.gateway.testkit.HomeScenario.bedMat;
import static org.hearth.gateway.testkit.HomeScenario.door;
import static org.hearth.gateway.testkit.HomeScenario.givenHomeWith;
import static org.hearth.gateway.testkit.HomeScenario.pir;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.hearth.gateway.testkit.HomeScenario;
import org.hearth.protocol.AlertKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class ActivityWatchTest {

    private static HomeScenario home() {
        return givenHomeWith(pir("kitchen"), pir("living room"), pir("bathroom"), pir("hall"), pir("bedroom"),
                bedMat("bedroom"), door("entry"));
    }

    @Test
    void stillness_after_the_kitchen_is_a_possible_long_lie_after_thirty_minutes() {
        HomeScenario home = home().at("11:00").motionIn("kitchen").noMotionUntil("11:30").thenNoAlert();

        HomeScenario.Raised alert = home.noMotionUntil("11:31").thenAlert(AlertKind.LONG_LIE, "kitchen");

        assertThat(alert.at()).isEqualTo(Instant.parse("2026-03-02T11:30:05Z"));
        assertThat(alert.request().preAlarm()).as("the resident is asked first").isTrue();
        assertThat(alert.message()).isEqualTo("No movement anywhere since 11:00, last in the kitchen, and nobody "
                + "went out. After the kitchen, more than 30 min without movement is unusual.");
    }

    @Test
    void a_sitting_place_allows_an_hour_and_a_half() {
        HomeScenario home = home().at("14:00").motionIn("kitchen").motionIn("living room")
                .noMotionUntil("15:30").thenNoAlert();

        assertThat(home.noMotionUntil("15:31").thenAlert(AlertKind.LONG_LIE, "living room").message())
                .contains("After the living room, more than 1 h 30 min without movement is unusual.");
    }

    @Test
    void each_movement_starts_the_stillness_again() {
        home().at("09:00").motionIn("kitchen")
                .at("09:25").motionIn("kitchen")
                .at("09:50").motionIn("kitchen")
                .noMotionUntil("10:19").thenNoAlert()
                .noMotionUntil("10:21").thenAlert("long_lie.kitchen");
    }

    @Test
    void an_answered_check_in_means_the_next_question_waits_twice_as_long() {
        HomeScenario home = home().at("11:00").motionIn("kitchen").noMotionUntil("11:31");
        home.thenAlert(AlertKind.LONG_LIE, "kitchen");

        home.residentAnswers().noMotionUntil("12:30").thenNoAlert();

        HomeScenario.Raised again = home.noMotionUntil("12:32").thenAlert(AlertKind.LONG_LIE, "kitchen");
        assertThat(again.message()).endsWith("The resident said they were all right at 11:31 and has not moved since.");
    }

    @Test
    void an_unanswered_check_in_is_not_repeated_for_the_same_stillness() {
        // No answer: the alert machine tells the carers; the watch does not ask again and again.
        HomeScenario home = home().at("11:00").motionIn("kitchen").noMotionUntil("17:00");

        assertThat(home.raised()).singleElement().extracting(r -> r.request().kind()).isEqualTo(AlertKind.LONG_LIE);
    }

    @Test
    void asleep_in_the_bedroom_at_night_is_not_a_long_lie() {
        home().at("22:30").motionIn("bedroom").getsIntoBed("bedroom")
                .nextDay().noMotionUntil("06:30").thenNoAlert();
    }

    @Test
    void a_nap_on_the_bed_by_day_is_allowed_three_hours() {
        HomeScenario home = home().at("13:00").motionIn("bedroom").getsIntoBed("bedroom")
                .noMotionUntil("15:59").thenNoAlert();

        assertThat(home.noMotionUntil("16:01").thenAlert(AlertKind.LONG_LIE, "bedroom").message()).contains(", in bed.");
    }

    @Test
    void a_collapse_at_night_looks_like_sleep_and_the_morning_rule_catches_it() {
        HomeScenario home = home().at("08:00").busyIn("kitchen", "08:30").sitsIn("living room", "22:25")
                .at("22:30").motionIn("bedroom").getsIntoBed("bedroom")
                .nextDay().at("02:10").getsOutOfBed("bedroom").motionIn("bedroom")
                .noMotionUntil("09:59").thenNoAlert();

        HomeScenario.Raised morning = home.noMotionUntil("10:01").thenAlert(AlertKind.INACTIVITY, "kitchen");
        assertThat(morning.message()).isEqualTo("No movement in the kitchen since 08:27 yesterday, and none by 10:00 "
                + "today. The installer set a check for movement there by 10:00.");
    }

    @Test
    void a_lone_blip_in_the_kitchen_while_the_resident_sleeps_is_judged_by_the_bedroom() {
        home().at("22:30").motionIn("bedroom").getsIntoBed("bedroom").getsOutOfBed("bedroom")
                .nextDay().at("05:28").motionIn("kitchen")
                .noMotionUntil("07:00").thenNoAlert();
    }

    @Test
    void going_out_by_the_door_stops_every_inactivity_alarm_until_the_resident_is_back() {
        HomeScenario home = home().at("08:00").busyIn("kitchen", "09:00")
                .at("09:20").goesOutVia("hall", "entry")
                .at("13:00").motionIn("living room")
                .noMotionUntil("18:00").thenNoAlert();
        assertThat(home.residentOut()).isTrue();

        home.at("18:00").comesHomeVia("entry", "hall", "kitchen");
        assertThat(home.residentOut()).isFalse();
        home.noMotionUntil("18:31").thenAlert(AlertKind.LONG_LIE, "kitchen");
    }

    /** The remote check's "up, in bed or out", through a day, in the watch's own words. */
    @Test
    void the_resident_is_up_in_bed_or_out_in_the_watchs_words() {
        HomeScenario home = home().at("06:00");
        assertThat(home.status()).isEqualTo(new ResidentStatus(ResidentStatus.State.UNKNOWN, null, "no movement seen yet"));

        home.at("07:00").motionIn("kitchen");
        assertThat(home.status()).isEqualTo(new ResidentStatus(ResidentStatus.State.UP, null,
                "up, last moved in the kitchen at 07:00"));

        home.at("09:20").goesOutVia("hall", "entry").at("10:00");
        assertThat(home.status().state()).isEqualTo(ResidentStatus.State.OUT);
        assertThat(home.status().words()).startsWith("out since 09:2");

        home.at("18:00").comesHomeVia("entry", "hall", "kitchen").at("22:30").motionIn("bedroom").getsIntoBed("bedroom");
        Instant intoBed = home.now();
        home.nextDay().at("02:00");
        assertThat(home.status()).isEqualTo(new ResidentStatus(ResidentStatus.State.IN_BED, intoBed,
                "in bed since 22:30 yesterday"));

        home.at("07:15").getsOutOfBed("bedroom");
        Instant up = home.now();
        home.at("07:20").motionIn("kitchen");
        assertThat(home.status()).isEqualTo(new ResidentStatus(ResidentStatus.State.UP, up,
                "up since 07:15, last moved in the kitchen at 07:20"));
    }

    @Test
    void in_a_bedroom_without_a_bed_mat_the_watch_cannot_tell_sleep_from_waking() {
        HomeScenario home = givenHomeWith(pir("kitchen"), pir("bedroom"), door("entry"))
                .at("22:00").motionIn("kitchen").at("22:30").motionIn("bedroom");

        assertThat(home.status()).isEqualTo(new ResidentStatus(ResidentStatus.State.UNKNOWN, null,
                "last moved in the bedroom at 22:30"));
    }

    @Test
    void the_kitchen_rule_says_nothing_while_the_resident_is_out() {
        home().at("07:00").motionIn("bedroom").getsOutOfBed("bedroom")
                .at("07:10").goesOutVia("hall", "entry")
                .noMotionUntil("12:00").thenNoAlert();
    }

    @Test
    void the_kitchen_rule_waits_until_the_home_has_a_kitchen_sensor() {
        givenHomeWith(pir("living room"), pir("hall"), door("entry"))
                .at("08:00").motionIn("living room").at("08:20").motionIn("living room")
                .at("09:00").motionIn("living room").noMotionUntil("10:05").thenNoAlert();
    }

    @Test
    void a_bathroom_occupied_for_more_than_45_minutes_is_checked() {
        HomeScenario home = home().at("07:00").motionIn("hall").busyIn("bathroom", "07:44").thenNoAlert();

        HomeScenario.Raised alert = home.busyIn("bathroom", "07:50").thenAlert(AlertKind.INACTIVITY, "bathroom");

        assertThat(alert.at()).isEqualTo(Instant.parse("2026-03-02T07:45:05Z"));
        assertThat(alert.message()).isEqualTo("The bathroom has been the only place with movement since 07:00 (45 min). "
                + "The installer set a check after 45 min.");
    }

    /** A resident at risk of wandering: the installer adds the door-at-night rule. */
    private static HomeScenario homeWatchingTheDoorAtNight() {
        ActivityParameters defaults = ActivityParameters.defaults();
        return home().withParameters(defaults.withFixedRules(defaults.noMotionBy(), defaults.occupied(),
                List.of(new ActivityParameters.DoorAtNight("entry", LocalTime.of(0, 0), LocalTime.of(5, 0)))));
    }

    @Test
    void the_front_door_opening_at_night_is_not_watched_unless_the_installer_asks() {
        home().at("22:00").motionIn("bedroom").getsIntoBed("bedroom")
                .nextDay().at("02:13").getsOutOfBed("bedroom").motionIn("hall").opensDoor("entry").motionIn("hall")
                .motionIn("bedroom").getsIntoBed("bedroom").thenNoAlert();
    }

    @Test
    void the_front_door_opening_at_night_while_the_resident_is_home_is_checked() {
        HomeScenario home = homeWatchingTheDoorAtNight().at("22:00").motionIn("bedroom").getsIntoBed("bedroom")
                .nextDay().at("02:13").getsOutOfBed("bedroom").motionIn("hall").opensDoor("entry");

        assertThat(home.thenAlert(AlertKind.INACTIVITY, "entry").message()).isEqualTo("The door at the entry opened at "
                + "02:13, during the night (00:00 to 05:00), while the resident was at home.");
    }

    @Test
    void the_front_door_opening_in_the_evening_is_nobodys_business() {
        homeWatchingTheDoorAtNight().at("19:00").motionIn("hall").opensDoor("entry").motionIn("hall").motionIn("kitchen").thenNoAlert();
    }

    @Test
    void coming_home_at_night_is_not_wandering() {
        homeWatchingTheDoorAtNight().at("18:00").motionIn("hall").opensDoor("entry")
                .nextDay().at("01:30").comesHomeVia("entry", "hall", "kitchen").thenNoAlert();
    }

    @Test
    void every_check_in_goes_through_the_pre_alarm() {
        List<HomeScenario.Raised> raised = home().at("07:00").motionIn("hall").busyIn("bathroom", "08:00")
                .at("09:00").motionIn("kitchen").noMotionUntil("12:00").raised();

        assertThat(raised).isNotEmpty().allSatisfy(r -> assertThat(r.request().preAlarm()).isTrue());
    }
}
