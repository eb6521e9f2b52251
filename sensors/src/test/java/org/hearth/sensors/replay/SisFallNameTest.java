package org.hearth.sensors.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("small")
class SisFallNameTest {

    @Test
    void a_fall_trial_name_gives_its_type_subject_and_trial() {
        SisFallName name = SisFallName.parse("F05_SA01_R04.txt").orElseThrow();

        assertThat(name.activity()).isEqualTo("F05");
        assertThat(name.subject()).isEqualTo("SA01");
        assertThat(name.trial()).isEqualTo(4);
        assertThat(name.isFall()).isTrue();
        assertThat(name.elderly()).isFalse();
        assertThat(name.description()).isEqualTo("Fall forward while jogging caused by a trip");
        assertThat(name.fileName()).isEqualTo("F05_SA01_R04.txt");
    }

    @Test
    void an_elderly_subjects_daily_activity_is_not_a_fall() {
        SisFallName name = SisFallName.parse("D17_SE04_R02.txt").orElseThrow();

        assertThat(name.isFall()).isFalse();
        assertThat(name.elderly()).isTrue();
        assertThat(name.description()).startsWith("Standing, get into a car");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Readme.txt", "F05_SA01_R04.csv", "F5_SA01_R04.txt", "X05_SA01_R04.txt", "F05_SX01_R04.txt",
        "F05_SA01_R4.txt", "f05_sa01_r04.txt", "F05_SA01_R04.txt.bak", ""})
    void other_names_are_not_trials(String fileName) {
        assertThat(SisFallName.parse(fileName)).isEmpty();
    }

    @Test
    void every_activity_code_of_the_data_set_is_described() {
        for (int d = 1; d <= 19; d++) {
            assertThat(SisFallName.description(String.format("D%02d", d))).isNotBlank();
        }
        for (int f = 1; f <= 15; f++) {
            assertThat(SisFallName.description(String.format("F%02d", f))).isNotBlank();
        }
        assertThat(SisFallName.description("D20")).isEmpty();
    }
}
