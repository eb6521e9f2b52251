package org.hearth.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.intent.Tokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Which language an utterance was in, when two recognisers heard it (docs/voice.md, "Two people in
 * one home"). The hearings are written by hand, as two Vosk models would return them: each
 * recogniser only knows its own grammar's words.
 */
@Tag("small")
class LanguageJudgeTest {

    private final LanguageJudge judge = new LanguageJudge(List.of(LanguageResources.builtIn("en"),
            LanguageResources.builtIn("hi")));

    private static Heard heard(String language, String words, double confidence) {
        return new Heard(Tokens.of(words), confidence, Heard.Timing.NONE).inLanguage(language);
    }

    @Test
    void theHearingThatIsSureAndMatchesAPhraseWins() {
        // Hindi speech: the English grammar makes unsure, phrase-less words of it.
        Heard en = heard("en", "i time the bins", 0.62);
        Heard hi = heard("hi", "अभी कितने बजे हैं", 0.83);
        assertThat(judge.choose(List.of(en, hi))).isSameAs(hi);

        Heard english = heard("en", "what time is it", 0.83);
        Heard hindiGuess = heard("hi", "अभी बजे", 0.6);
        assertThat(judge.choose(List.of(english, hindiGuess))).isSameAs(english);
    }

    @Test
    void aSurerRecogniserStillLosesIfItsWordsAreNoPhraseOfItsLanguage() {
        // Vosk's confidences of two models are not on one scale; the words matching a phrase count too.
        Heard en = heard("en", "what time is it", 0.7);
        Heard hi = heard("hi", "मदद बिन बजे आज कल", 0.8);
        assertThat(judge.fit(en)).isGreaterThan(judge.fit(hi));
        assertThat(judge.choose(List.of(hi, en))).isSameAs(en);
    }

    @Test
    void aTieGoesToTheMainLanguageAndSilenceLosesToWords() {
        Heard en = heard("en", "help", 0.83);
        Heard hi = heard("hi", "मदद", 0.83);
        assertThat(judge.fit(en)).isEqualTo(judge.fit(hi));
        assertThat(judge.choose(List.of(en, hi))).isSameAs(en);
        assertThat(judge.choose(List.of(hi, en))).isSameAs(hi);

        Heard quiet = Heard.silence(Heard.Timing.NONE).inLanguage("en");
        Heard words = heard("hi", "मदद", 0.55);
        assertThat(judge.choose(List.of(quiet, words))).isSameAs(words);
        assertThat(judge.choose(List.of(quiet, Heard.silence(Heard.Timing.NONE).inLanguage("hi"))).isSilence()).isTrue();
    }

    @Test
    void whenOneLanguageHeardACancelAndTheOtherACallForHelpNearlyAsWellHelpWins() {
        Heard cancel = heard("en", "i'm fine", 0.85);
        Heard help = heard("hi", "मदद करो", 0.8);
        assertThat(judge.fit(cancel)).isGreaterThan(judge.fit(help));
        assertThat(judge.choose(List.of(cancel, help))).isSameAs(help);
        // A negated cancel is a call for help too.
        Heard negated = heard("hi", "मैं ठीक नहीं हूँ", 0.8);
        assertThat(judge.choose(List.of(cancel, negated))).isSameAs(negated);
        // Far behind, it is another language's noise: the cancel stands (and meets the check-in's own rules).
        Heard weakHelp = heard("hi", "मदद करो", 0.5);
        assertThat(judge.choose(List.of(cancel, weakHelp))).isSameAs(cancel);
    }

    @Test
    void aLanguageOutsideTheHouseholdFitsNothing() {
        assertThat(judge.fit(heard("pl", "która godzina", 1.0))).isZero();
        assertThat(judge.fit(heard("en", "what time is it", 1.0))).isEqualTo(1.0);
    }
}
