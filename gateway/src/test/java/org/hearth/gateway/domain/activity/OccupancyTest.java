package org.hearth.gateway.domain.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hearth.sensors.SensorKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class OccupancyTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final Occupancy occupancy = new Occupancy(ActivityParameters.Away.defaults());

    @Test
    void the_home_starts_occupied() {
        assertThat(occupancy.isAway(T0)).isFalse();
    }

    @Test
    void entry_activity_then_silence_for_fifteen_minutes_means_out_since_the_entry() {
        occupancy.onActivity(on("kitchen", 0));
        occupancy.onActivity(on("entry", 60));

        assertThat(occupancy.isAway(T0.plusSeconds(60 + 14 * 60))).isFalse();
        assertThat(occupancy.departing()).isTrue();
        assertThat(occupancy.isAway(T0.plusSeconds(60 + 15 * 60))).isTrue();
        assertThat(occupancy.awaySince()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void one_blip_after_leaving_does_not_call_off_the_departure() {
        occupancy.onActivity(on("entry", 0));
        occupancy.onActivity(on("office", 10 * 60));

        assertThat(occupancy.isAway(T0.plusSeconds(16 * 60))).isTrue();
    }

    @Test
    void passing_the_entry_and_moving_about_inside_is_not_leaving() {
        occupancy.onActivity(on("entry", 0));
        occupancy.onActivity(on("hall", 20));
        occupancy.onActivity(on("living room", 60));

        assertThat(occupancy.departing()).isFalse();
        assertThat(occupancy.isAway(T0.plusSeconds(3 * 3600))).isFalse();
    }

    @Test
    void the_end_of_a_motion_is_not_a_second_sign_of_someone_inside() {
        occupancy.onActivity(on("entry", 0));
        occupancy.onActivity(new Activity("pir-hall", "hall", RoomKind.PASSAGE, SensorKind.PIR, true, T0.plusSeconds(5)));
        occupancy.onActivity(new Activity("pir-hall", "hall", RoomKind.PASSAGE, SensorKind.PIR, false, T0.plusSeconds(8)));

        assertThat(occupancy.isAway(T0.plusSeconds(20 * 60))).isTrue();
    }

    @Test
    void while_out_one_sensor_blipping_again_and_again_is_not_a_return() {
        leave();
        occupancy.onActivity(on("living room", 3600));
        occupancy.onActivity(on("living room", 3600 + 120));
        occupancy.onActivity(on("living room", 3600 + 240));

        assertThat(occupancy.isAway(T0.plusSeconds(3600 + 300))).isTrue();
    }

    @Test
    void while_out_three_sensors_hours_apart_are_blips_not_a_return() {
        leave();
        assertThat(occupancy.onActivity(on("office", 3600))).isFalse();
        assertThat(occupancy.onActivity(on("kitchen", 3 * 3600))).isFalse();
        assertThat(occupancy.onActivity(on("entry", 6 * 3600))).isFalse();

        assertThat(occupancy.isAway(T0.plusSeconds(6 * 3600 + 60))).isTrue();
    }

    @Test
    void three_sensors_within_minutes_are_a_return() {
        leave();
        assertThat(occupancy.onActivity(on("entry", 7200))).isFalse();
        assertThat(occupancy.onActivity(on("hall", 7200 + 10))).isFalse();
        assertThat(occupancy.onActivity(on("kitchen", 7200 + 60))).isTrue();

        assertThat(occupancy.isAway(T0.plusSeconds(7200 + 3600))).isFalse();
    }

    @Test
    void an_answered_check_in_proves_the_resident_is_home() {
        leave();

        occupancy.residentAnswered(T0.plusSeconds(3 * 3600));

        assertThat(occupancy.isAway(T0.plusSeconds(4 * 3600))).isFalse();
    }

    private void leave() {
        occupancy.onActivity(on("entry", 0));
        assertThat(occupancy.isAway(T0.plusSeconds(20 * 60))).isTrue();
    }

    private static Activity on(String room, long secondsAfterT0) {
        RoomKind kind = RoomKind.of(room, java.util.Map.of());
        SensorKind sensor = kind == RoomKind.ENTRY ? SensorKind.CONTACT : SensorKind.PIR;
        return new Activity("sensor-" + room, room, kind, sensor, true, T0.plusSeconds(secondsAfterT0));
    }
}
