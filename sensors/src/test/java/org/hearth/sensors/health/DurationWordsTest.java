package org.hearth.sensors.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("small")
class DurationWordsTest {

    @ParameterizedTest
    @CsvSource({"PT45S, 45 s", "PT119S, 119 s", "PT12M, 12 min", "PT119M, 119 min", "PT26H, 26h", "PT71H, 71h", "PT80H, 3 days"})
    void says_spans_as_a_person_would(Duration span, String words) {
        assertThat(DurationWords.of(span)).isEqualTo(words);
    }
}
