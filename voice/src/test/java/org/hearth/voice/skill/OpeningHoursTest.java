package org.hearth.voice.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class OpeningHoursTest {

    private final OpeningHours hours = OpeningHours.parse(Map.of("mon", "09:30-17:00", "tue", "09:30-17:00",
            "sat", "10:00-13:00", "sun", "closed"));

    @Test
    void openNow() {
        // Monday 5 January 2026, noon.
        assertThat(hours.at(LocalDateTime.parse("2026-01-05T12:00")))
                .isEqualTo(new OpeningHours.OpenNow(LocalTime.of(17, 0)));
    }

    @Test
    void opensLaterToday() {
        assertThat(hours.at(LocalDateTime.parse("2026-01-05T08:00")))
                .isEqualTo(new OpeningHours.OpensLaterToday(LocalTime.of(9, 30), LocalTime.of(17, 0)));
    }

    @Test
    void closedUntilTheNextOpenDay() {
        // Tuesday evening: Wednesday to Friday are closed, so Saturday.
        assertThat(hours.at(LocalDateTime.parse("2026-01-06T18:00")))
                .isEqualTo(new OpeningHours.Closed(Optional.of(LocalDate.parse("2026-01-10")), LocalTime.of(10, 0)));
    }

    @Test
    void badValuesNameTheDay() {
        assertThatThrownBy(() -> OpeningHours.parse(Map.of("wed", "9-5"))).hasMessageContaining("wed");
        assertThatThrownBy(() -> OpeningHours.parse(Map.of("funday", "closed"))).hasMessageContaining("funday");
        assertThatThrownBy(() -> OpeningHours.parse(Map.of("mon", "17:00-09:00"))).hasMessageContaining("not after");
    }
}
