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
    void emergencyNumbersAreReadDigitByDigitInEveryLanguage() {
        assertThat(SpokenText.forSpeech("If you need help, call 999.")).isEqualTo("If you need help, call 9 9 9.");
        assertThat(SpokenText.forSpeech("मदद चाहिए तो 999 पर फ़ोन कीजिए।")).isEqualTo("मदद चाहिए तो 9 9 9 पर फ़ोन कीजिए।");
        assertThat(SpokenText.forSpeech("مدد چاہیے تو 999 پر فون کریں۔")).isEqualTo("مدد چاہیے تو 9 9 9 پر فون کریں۔");
        assertThat(SpokenText.forSpeech("zadzwoń pod 112")).isEqualTo("zadzwoń pod 1 1 2");
    }

    @Test
    void otherThreeDigitNumbersAreLeftAlone() {
        assertThat(SpokenText.forSpeech("It is 9999 steps, 1999 was a year, 9.99 pounds, 100 metres."))
                .isEqualTo("It is 9999 steps, 1999 was a year, 9.99 pounds, 100 metres.");
    }

    @Test
    void timesAndOtherNumbersAreLeftAlone() {
        assertThat(SpokenText.forSpeech("It's 6:30 pm on 12 May.")).isEqualTo("It's 6:30 pm on 12 May.");
    }
}
