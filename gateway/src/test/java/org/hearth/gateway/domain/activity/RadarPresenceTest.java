package org.hearth.gateway.domain.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.gateway.testkit.HomeScenario.door;
import static org.hearth.gateway.testkit.HomeScenario.givenHomeWith;
import static org.hearth.gateway.testkit.HomeScenario.pir;

import java.time.Duration;
import java.time.Instant;
import org.hearth.gateway.testkit.HomeScenario;
import org.hearth.protocol.AlertKind;
import org.hearth.sensors.Presence;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a presence radar may and may not clear. Its motion is movement; its "someone still" proves
 * someone is home, and never that they are well: a person collapsed on the floor breathes too.
 */
@Tag("small")
class RadarPresenceTest {

    private static HomeScenario home() {
        return givenHomeWith(pir("kitchen"), pir("living room"), pir("hall"), door("entry"));
    }

    @Test
    void small_movements_the_radar_sees_in_the_chair_are_movement() {
        // Reading in the armchair: no PIR event for three hours, a turned page every 20 min.
        home().at("14:00").motionIn("living room")
                .stirsInRadarView("living room", Duration.ofMinutes(20), "17:00")
                .thenNoAlert()
                // The last page turned at 16:41: the hour and a half runs from there.
                .noMotionUntil("18:11").thenNoAlert()
                .noMotionUntil("18:13").thenAlert(AlertKind.LONG_LIE, "living room");
    }

    @Test
    void someone_still_in_the_radars_view_is_not_movement_so_a_collapse_there_is_still_found() {
        HomeScenario home = home().at("14:00").motionIn("living room")
                .radarSees("living room", Presence.MOVING);
        home.at("14:01").radarSees("living room", Presence.STILL) // falls, and lies still: breathing only
                .noMotionUntil("15:30").thenNoAlert();

        HomeScenario.Raised alert = home.noMotionUntil("15:32").thenAlert(AlertKind.LONG_LIE, "living room");

        assertThat(alert.at()).isBefore(Instant.parse("2026-03-02T15:32:00Z"));
        assertThat(alert.message()).isEqualTo("No movement anywhere since 14:01, last in the living room, and nobody "
                + "went out. After the living room, more than 1 h 30 min without movement is unusual. "
                + "The radar in the living room sees someone there, not moving.");
    }

    @Test
    void the_radar_losing_sight_of_someone_still_is_not_movement() {
        HomeScenario home = home().at("14:00").radarSees("living room", Presence.MOVING);
        home.at("14:01").radarSees("living room", Presence.STILL);
        home.at("15:00").radarSees("living room", Presence.NOBODY)
                .noMotionUntil("15:32").thenAlert(AlertKind.LONG_LIE, "living room");
    }

    @Test
    void someone_the_radar_sees_has_not_gone_out_whatever_the_front_door_did() {
        // The resident takes in a parcel and goes back to the chair; no PIR sees the way back.
        HomeScenario home = home().at("10:00").motionIn("hall").opensDoor("entry");
        home.at("10:02").radarSees("living room", Presence.MOVING);
        home.at("10:03").radarSees("living room", Presence.STILL).noMotionUntil("10:40");

        assertThat(home.residentOut()).as("held back by the radar").isFalse();
        home.noMotionUntil("11:34").thenAlert(AlertKind.LONG_LIE, "living room");
    }

    @Test
    void without_the_radar_seeing_anyone_the_same_door_is_a_departure() {
        HomeScenario home = home().at("10:00").motionIn("hall").opensDoor("entry");
        home.at("10:02").radarSees("living room", Presence.MOVING);
        home.at("10:03").radarSees("living room", Presence.NOBODY).noMotionUntil("10:40");

        assertThat(home.residentOut()).isTrue();
        home.noMotionUntil("13:00").thenNoAlert();
    }
}
