package org.hearth.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.hearth.sensors.SensorKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The one table of what each sensor kind means. */
@Tag("small")
class SensorRoleTest {

    @Test
    void every_kind_means_something() {
        assertThat(SensorKind.values()).allSatisfy(kind ->
                assertThat(Arrays.stream(SensorRole.values()).anyMatch(role -> role.of(kind))).as(kind.name()).isTrue());
    }

    @Test
    void a_pulled_cord_is_a_call_for_help_and_a_sign_of_life_but_the_help_button_only_a_call() {
        assertThat(SensorRole.ALARM.of(SensorKind.PULL_CORD)).isTrue();
        assertThat(SensorRole.SIGN_OF_LIFE.of(SensorKind.PULL_CORD)).isTrue();
        assertThat(SensorRole.ALARM.of(SensorKind.HELP_BUTTON)).isTrue();
        assertThat(SensorRole.SIGN_OF_LIFE.of(SensorKind.HELP_BUTTON)).isFalse();
    }

    @Test
    void only_the_talk_button_wakes_the_voice_and_motion_never_alarms() {
        assertThat(SensorKind.values()).filteredOn(SensorRole.TALK::of).containsExactly(SensorKind.TALK_BUTTON);
        assertThat(SensorRole.ALARM.of(SensorKind.PIR)).isFalse();
        assertThat(SensorRole.ALARM.of(SensorKind.PRESSURE_MAT)).isFalse();
    }
}
