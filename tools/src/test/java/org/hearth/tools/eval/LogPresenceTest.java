package org.hearth.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hearth.gateway.domain.activity.ActivityParameters;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class LogPresenceTest {

    private static final Instant T0 = Instant.parse("2021-03-01T08:00:00Z");
    private final List<SensorEvent> events = new ArrayList<>();

    @Test
    void quiet_before_a_burst_that_starts_inside_the_home_is_someone_at_home() {
        burst(0, "kitchen", "hall", "living room");
        burst(120, "living room", "hall", "kitchen");

        LogPresence truth = LogPresence.of(events, ActivityParameters.Rooms.defaults());

        assertThat(truth.home(T0.plus(Duration.ofMinutes(60)))).isTrue();
    }

    @Test
    void quiet_before_a_burst_led_by_the_entry_is_the_resident_out() {
        burst(0, "kitchen", "hall", "entry");
        on(180, "living room");
        burst(300, "entry", "hall", "kitchen");

        LogPresence truth = LogPresence.of(events, ActivityParameters.Rooms.defaults());

        assertThat(truth.home(T0.plus(Duration.ofMinutes(60)))).isFalse();
        assertThat(truth.home(T0.plus(Duration.ofMinutes(200)))).as("a blip is not a burst").isFalse();
        assertThat(truth.home(T0.plus(Duration.ofMinutes(400)))).as("after the last burst").isTrue();
    }

    @Test
    void a_quiet_spell_that_did_not_start_at_the_entry_is_someone_at_home_even_if_the_next_burst_is_at_the_door() {
        burst(0, "kitchen", "hall", "living room");
        on(60, "living room");
        burst(150, "entry", "hall", "kitchen");

        LogPresence truth = LogPresence.of(events, ActivityParameters.Rooms.defaults());

        assertThat(truth.home(T0.plus(Duration.ofMinutes(100)))).isTrue();
    }

    @Test
    void moving_about_near_the_entry_is_being_home() {
        burst(0, "kitchen", "hall", "entry");
        burst(10, "entry", "hall", "kitchen");

        LogPresence truth = LogPresence.of(events, ActivityParameters.Rooms.defaults());

        assertThat(truth.home(T0.plus(Duration.ofMinutes(5)))).as("ten minutes between bursts is not an absence").isTrue();
    }

    @Test
    void time_since_the_last_activation_is_measured_from_the_log() {
        burst(0, "kitchen", "hall", "living room");

        LogPresence truth = LogPresence.of(events, ActivityParameters.Rooms.defaults());

        assertThat(truth.sinceLastActivation(T0.plus(Duration.ofMinutes(30)))).isEqualTo(Duration.ofMinutes(30).minusSeconds(20));
        assertThat(truth.sinceLastActivation(T0.minusSeconds(1))).isGreaterThan(Duration.ofDays(300));
    }

    private void burst(int minute, String... rooms) {
        for (int i = 0; i < rooms.length; i++) {
            on(minute, rooms[i], i * 10);
        }
    }

    private void on(int minute, String room) {
        on(minute, room, 0);
    }

    private void on(int minute, String room, int seconds) {
        SensorKind kind = room.equals("entry") ? SensorKind.CONTACT : SensorKind.PIR;
        events.add(new SensorEvent("s-" + room, room, kind, true, T0.plus(Duration.ofMinutes(minute)).plusSeconds(seconds)));
    }
}
