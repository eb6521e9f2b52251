package org.hearth.gateway.domain.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hearth.gateway.domain.AlertRequest;
import org.hearth.gateway.domain.AlertSink;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** "Out" in a home of two means everyone out: the household rule, through the watch, in virtual time. */
@Tag("small")
class TwoResidentsOutTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final VirtualScheduler time = new VirtualScheduler(T0, ZoneOffset.UTC);
    private final List<AlertRequest> raised = new ArrayList<>();
    private final AlertSink sink = new AlertSink() {
        @Override
        public void raise(AlertRequest request) {
            raised.add(request);
        }

        @Override
        public boolean cancelPreAlarm(String how) {
            return false;
        }
    };
    private final ActivityWatch two = new ActivityWatch(ActivityParameters.defaults().withResidents(2), sink, time);

    @Test
    void one_leaves_and_the_other_stays_and_moves_about_is_not_out() {
        move("kitchen");
        at(Duration.ofMinutes(1), "entry");
        at(Duration.ofMinutes(5), "living room");
        at(Duration.ofMinutes(5), "kitchen");

        time.advanceBy(Duration.ofHours(2));
        assertThat(two.residentOut()).isFalse();
        assertThat(two.status().state()).isNotEqualTo(ResidentStatus.State.OUT);
    }

    @Test
    void a_movement_after_the_door_starts_the_quarter_hour_of_silence_again() {
        ActivityWatch one = new ActivityWatch(ActivityParameters.defaults(), sink, time);
        at(Duration.ofMinutes(1), "entry");
        one.onEvent(pir("entry"));
        Instant door = time.now();
        at(Duration.ofMinutes(9), "living room"); // the one who stayed, or a blip: nobody can tell yet
        one.onEvent(pir("living room"));

        time.advanceBy(Duration.ofMinutes(14));
        assertThat(one.residentOut()).as("a home of one: out 15 min after the door").isTrue();
        assertThat(two.residentOut()).as("a home of two: not until 15 min after the last movement").isFalse();
        time.advanceBy(Duration.ofMinutes(1));
        assertThat(two.residentOut()).isTrue();
        assertThat(two.status().since()).isEqualTo(door);
    }

    @Test
    void one_leaves_while_the_other_is_in_bed_is_not_out() {
        two.onEvent(new SensorEvent("mat-bed", "bedroom", SensorKind.PRESSURE_MAT, true, time.now()));
        at(Duration.ofMinutes(2), "entry");

        time.advanceBy(Duration.ofHours(1));
        assertThat(two.residentOut()).isFalse();
    }

    @Test
    void both_leave_is_out_from_the_door() {
        move("kitchen");
        at(Duration.ofMinutes(1), "hall");
        at(Duration.ofSeconds(30), "entry");
        Instant door = time.now();

        time.advanceBy(Duration.ofMinutes(16));
        assertThat(two.residentOut()).isTrue();
        assertThat(two.status().since()).isEqualTo(door);
    }

    @Test
    void one_coming_home_ends_the_absence() {
        bothOut();
        at(Duration.ofHours(2), "entry");
        at(Duration.ofSeconds(20), "hall");
        at(Duration.ofSeconds(40), "kitchen");

        assertThat(two.residentOut()).isFalse();
    }

    @Test
    void the_one_left_behind_stirring_in_one_room_ends_a_wrong_absence() {
        bothOut(); // in fact one stayed, and sat still for the whole quarter-hour
        at(Duration.ofMinutes(40), "living room");
        at(Duration.ofMinutes(3), "living room");
        assertThat(two.residentOut()).isTrue();
        at(Duration.ofMinutes(3), "living room");

        assertThat(two.residentOut()).isFalse();
    }

    @Test
    void the_check_in_does_not_say_nobody_went_out_when_one_of_two_may_have() {
        move("kitchen");
        time.advanceBy(Duration.ofHours(1));

        assertThat(raised).singleElement().satisfies(r -> assertThat(r.message()).isEqualTo(
                "No movement anywhere since 09:00, last in the kitchen, and the home was not seen to empty. After the kitchen, "
                        + "more than 30 min without movement is unusual."));
    }

    @Test
    void an_empty_home_blipping_hours_apart_stays_out() {
        bothOut();
        at(Duration.ofHours(1), "living room");
        at(Duration.ofHours(2), "kitchen");
        at(Duration.ofHours(3), "living room");

        assertThat(two.residentOut()).isTrue();
        assertThat(raised).isEmpty();
    }

    private void bothOut() {
        move("kitchen");
        at(Duration.ofMinutes(1), "entry");
        time.advanceBy(Duration.ofMinutes(16));
        assertThat(two.residentOut()).isTrue();
    }

    private void at(Duration after, String room) {
        time.advanceBy(after);
        move(room);
    }

    private void move(String room) {
        two.onEvent(pir(room));
    }

    private SensorEvent pir(String room) {
        return new SensorEvent("pir-" + room.replace(' ', '-'), room, SensorKind.PIR, true, time.now());
    }
}
