package org.hearth.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hearth.gateway.domain.activity.ActivityParameters;
import org.hearth.sensors.Presence;
import org.hearth.sensors.PresenceEvent;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class SimulatedRadarTest {

    private static final Instant T = Instant.parse("2021-03-01T10:00:00Z");

    private static SensorEvent pir(String room, Instant at) {
        return new SensorEvent("pir-" + room, room, SensorKind.PIR, true, at);
    }

    private static List<SensorEvent> sitThenKitchen() {
        return List.of(pir("kitchen", T.minusSeconds(600)), pir("living room", T), pir("kitchen", T.plus(Duration.ofHours(2))));
    }

    @Test
    void a_resident_who_dozes_is_seen_arriving_sitting_still_and_leaving() {
        List<PresenceEvent> seen = SimulatedRadar.of(sitThenKitchen(), "living room", Duration.ZERO, 1).events();

        assertThat(seen).extracting(PresenceEvent::presence, PresenceEvent::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Presence.MOVING, T),
                org.assertj.core.groups.Tuple.tuple(Presence.STILL, T.plusSeconds(30)),
                org.assertj.core.groups.Tuple.tuple(Presence.NOBODY, T.plus(Duration.ofHours(2))));
    }

    @Test
    void a_resident_awake_in_the_chair_stirs_about_every_ten_minutes_and_only_there() {
        List<PresenceEvent> seen = SimulatedRadar.of(sitThenKitchen(), "living room", Duration.ofMinutes(10), 1).events();

        long stirs = seen.stream().filter(e -> e.presence() == Presence.MOVING).count() - 1;
        assertThat(stirs).as("two hours at a mean of 10 min").isBetween(5L, 25L);
        assertThat(seen).allSatisfy(e -> assertThat(e.at()).isBetween(T, T.plus(Duration.ofHours(2))));
        List<Presence> order = new ArrayList<>(seen.stream().map(PresenceEvent::presence).toList());
        assertThat(order.get(order.size() - 1)).isEqualTo(Presence.NOBODY);
        for (int i = 1; i < order.size(); i++) {
            assertThat(order.get(i)).as("every report is a change").isNotEqualTo(order.get(i - 1));
        }
    }

    @Test
    void after_a_collapse_the_radar_that_saw_the_resident_sees_them_still_and_nothing_more() {
        SimulatedRadar radar = SimulatedRadar.of(sitThenKitchen(), "living room", Duration.ofMinutes(10), 1);

        List<PresenceEvent> collapsedWhileMoving = radar.before(T.plusSeconds(10));
        assertThat(collapsedWhileMoving).extracting(PresenceEvent::presence).containsExactly(Presence.MOVING, Presence.STILL);
        assertThat(collapsedWhileMoving.get(1).at()).isEqualTo(T.plusSeconds(10));

        List<PresenceEvent> collapsedInTheChair = radar.before(T.plus(Duration.ofMinutes(90)));
        assertThat(collapsedInTheChair.get(collapsedInTheChair.size() - 1).presence()).isEqualTo(Presence.STILL);
        assertThat(collapsedInTheChair).allSatisfy(e -> assertThat(e.at()).isBeforeOrEqualTo(T.plus(Duration.ofMinutes(90))));
    }

    @Test
    void sitting_spells_replace_an_afternoon_with_stillness_between_two_movements() {
        Instant day = Instant.parse("2021-03-01T00:00:00Z");
        List<SensorEvent> log = new ArrayList<>();
        for (int m = 7 * 60; m < 22 * 60; m += 20) { // busy in the kitchen and living room all day
            log.add(pir(m % 40 == 0 ? "kitchen" : "living room", day.plus(Duration.ofMinutes(m))));
        }

        SittingSpells.Added added = SittingSpells.add(log, "living room", ActivityParameters.defaults().rooms());

        assertThat(added.spells()).isEqualTo(1);
        List<SensorEvent> afternoon = added.events().stream().filter(SensorEvent::active)
                .filter(e -> !e.at().isBefore(day.plus(Duration.ofHours(14))) && !e.at().isAfter(day.plus(Duration.ofMinutes(16 * 60 + 30))))
                .toList();
        assertThat(afternoon).extracting(SensorEvent::at)
                .containsExactly(day.plus(Duration.ofHours(14)), day.plus(Duration.ofMinutes(16 * 60 + 30)));
        assertThat(afternoon).extracting(SensorEvent::room).containsOnly("living room");
    }

    @Test
    void a_room_with_no_motion_sensor_cannot_hold_a_sitting_spell() {
        assertThatThrownBy(() -> SittingSpells.add(sitThenKitchen(), "conservatory", ActivityParameters.defaults().rooms()))
                .hasMessage("the log has no motion sensor in the conservatory");
    }
}
