package org.hearth.voice.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class SpokenTextTest {

    @Test
    void phoneNumbersAreReadDigitByDigitInGroups() {
        assertThat(SpokenText.forSpeech("Call 0116 454 1007 now."))
                .isEqualTo("Call 0 1 1 6, 4 5 4, 1 0 0 7 now.");
    }

    @Test
    void timesAndOtherNumbersAreLeftAlone() {
        assertThat(SpokenText.forSpeech("It's 6:30 pm on 12 May.")).isEqualTo("It's 6:30 pm on 12 May.");
    }
}
