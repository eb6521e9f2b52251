package org.hearth.voice.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("small")
class EnglishTimesTest {

    private final EnglishTimes times = new EnglishTimes();

    @ParameterizedTest
    @CsvSource({
        "at six pm, 18:00, true",
        "at 6 pm, 18:00, true",
        "at 6pm, 18:00, true",
        "at six, 06:00, false",
        "at six o'clock, 06:00, false",
        "at half past seven, 07:30, false",
        "at quarter to eight in the evening, 19:45, true",
        "at ten past nine in the morning, 09:10, true",
        "at twenty five past three, 03:25, false",
        "at six thirty, 06:30, false",
        "at nine forty five pm, 21:45, true",
        "at 18:00, 18:00, true",
        "at 7:15, 07:15, false",
        "at noon, 12:00, true",
        "at midnight, 00:00, true",
        "at twelve am, 00:00, true",
        "at twelve pm, 12:00, true",
        "at eleven at night, 23:00, true",
        "at two at night, 02:00, true",
        "at seven tonight, 19:00, true",
    })
    void readsTimes(String text, String expected, boolean halfDayKnown) {
        TimeSlotParser.Span span = times.find(Tokens.of(text)).orElseThrow();
        assertThat(span.time()).isEqualTo(LocalTime.parse(expected));
        assertThat(span.halfDayKnown()).isEqualTo(halfDayKnown);
        assertThat(span.start()).isEqualTo(1);
        assertThat(span.end()).isEqualTo(Tokens.of(text).size());
    }

    @Test
    void prefersTheNumberAfterAt() {
        TimeSlotParser.Span span = times.find(Tokens.of("take one tablet at five pm")).orElseThrow();
        assertThat(span.time()).isEqualTo(LocalTime.of(17, 0));
    }

    @Test
    void findsNothingWithoutATime() {
        assertThat(times.find(Tokens.of("remind me to take my tablets"))).isEmpty();
    }

    @Test
    void everyGrammarSampleReadsAsATime() {
        for (String sample : times.grammarSamples()) {
            TimeSlotParser.Span span = times.find(Tokens.of(sample)).orElseThrow(() -> new AssertionError(sample));
            assertThat(span.end() - span.start()).as(sample).isEqualTo(Tokens.of(sample).size());
        }
    }
}
