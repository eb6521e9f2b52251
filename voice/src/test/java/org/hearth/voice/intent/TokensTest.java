package org.hearth.voice.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class TokensTest {

    @Test
    void lowerCasesAndDropsPunctuationButKeepsApostrophesInWords() {
        assertThat(Tokens.of("Help! I’ve FALLEN, can't get up...")).containsExactly("help", "i've", "fallen", "can't",
                "get", "up");
    }

    @Test
    void splitsDigitsFromLettersAndKeepsClockTimes() {
        assertThat(Tokens.of("at 6pm or 18:30")).containsExactly("at", "6", "pm", "or", "18:30");
    }

    @Test
    void keepsIndicScriptsWithTheirVowelSigns() {
        assertThat(Tokens.of("मदद करो।")).containsExactly("मदद", "करो");
        assertThat(Tokens.of("મદદ કરો")).containsExactly("મદદ", "કરો");
    }

    @Test
    void foldsArabicLetterVariantsToUrdu() {
        // Arabic kaf and yeh typed on an Arabic keyboard read as Urdu keheh and yeh.
        assertThat(Tokens.of("\u0643\u064a")).isEqualTo(Tokens.of("\u06a9\u06cc"));
    }

    @Test
    void recognisedUnknownWordsBecomeOneToken() {
        assertThat(Tokens.ofRecognised("[unk] help [unk]")).containsExactly(IntentMatcher.UNKNOWN, "help",
                IntentMatcher.UNKNOWN);
    }
}
