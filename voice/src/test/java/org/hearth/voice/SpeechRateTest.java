package org.hearth.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.hearth.time.VirtualScheduler;
import org.hearth.voice.testkit.RecordingSpeaker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Starts Tuesday 10 March 2026, 08:00 in London; the speaker's own rate is 135. */
@Tag("small")
class SpeechRateTest {

    private final VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-03-10T08:00:00Z"),
            ZoneId.of("Europe/London"));
    private final RecordingSpeaker speaker = new RecordingSpeaker();
    private final SpeechRate rate = new SpeechRate(speaker, clock);

    @Test
    void eachStepIsSlowerDownToTheFloor() {
        assertThat(rate.slowDown()).isTrue();
        assertThat(speaker.rate()).hasValue(135 - SpeechRate.RATE_STEP);
        assertThat(rate.slowDown()).isTrue();
        assertThat(rate.slowDown()).isTrue();
        assertThat(speaker.rate()).hasValue(SpeechRate.SLOWEST_RATE);
        assertThat(rate.slowDown()).isFalse();
        assertThat(speaker.rate()).hasValue(SpeechRate.SLOWEST_RATE);
    }

    @Test
    void theNextDayStartsAtTheUsualRate() {
        rate.slowDown();
        rate.slowDown();
        clock.advanceTo(Instant.parse("2026-03-10T23:59:00Z"));
        rate.restoreIfNewDay();
        assertThat(speaker.rate()).hasValue(95);
        clock.advanceTo(Instant.parse("2026-03-11T00:01:00Z"));
        rate.restoreIfNewDay();
        assertThat(speaker.rate()).hasValue(135);
        // A new day's "slower" starts from the usual rate again.
        rate.slowDown();
        assertThat(speaker.rate()).hasValue(115);
    }

    @Test
    void aSpeakerWithoutARateCannotBeSlowed() {
        Speaker fixed = (text, language) -> { };
        assertThat(new SpeechRate(fixed, clock).slowDown()).isFalse();
    }
}
