package org.hearth.voice.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class PhraseTableTest {

    private static final PhraseTable EN = new PhraseTable(LanguageResources.builtIn("en"));

    private static double best(String heard, Intent intent) {
        PhraseTable.Input in = EN.input(Tokens.of(heard));
        return EN.phrases().stream().filter(p -> p.intent() == intent).mapToDouble(p -> EN.similarity(in, p))
                .max().orElseThrow();
    }

    @Test
    void aPhraseSaidExactlyIsFullySimilar() {
        assertThat(best("what time is it", Intent.TIME_NOW)).isEqualTo(1.0);
    }

    @Test
    void aFillerWordCostsLessThanAContentWord() {
        double extraFiller = best("what time is it the", Intent.TIME_NOW);
        double extraContent = best("what time is it kettle", Intent.TIME_NOW);
        assertThat(extraFiller).isLessThan(1.0).isGreaterThan(extraContent);
    }

    @Test
    void aNearMissFormCostsLessThanAWrongWord() {
        double nearMiss = best("i've taken my tablet", Intent.REMINDER_DONE);
        double wrong = best("i've taken my kettle", Intent.REMINDER_DONE);
        assertThat(nearMiss).isGreaterThan(wrong);
    }

    @Test
    void anUnknownWordMatchesNothing() {
        assertThat(best(IntentMatcher.UNKNOWN, Intent.HELP_EMERGENCY)).isLessThan(best("help", Intent.HELP_EMERGENCY));
    }

    /** The matcher skips phrases by their upper bound; a bound below the true similarity would hide a match. */
    @Test
    void theUpperBoundIsNeverBelowTheSimilarity() {
        for (String heard : List.of("help", "i'm not fine", "remind me to take my pills at six", "is the libary open",
                "when is my bin day", "no i'm not", "the weather is lovely today", "ring my daughter please")) {
            PhraseTable.Input in = EN.input(Tokens.of(heard));
            for (PhraseTable.Phrase p : EN.phrases()) {
                assertThat(EN.upperBound(in, p)).as("%s / %s", heard, p.intent())
                        .isGreaterThanOrEqualTo(EN.similarity(in, p) - 1e-9);
            }
        }
    }

    @Test
    void cancelsAreTheCancelPhrasesWithoutSlots() {
        assertThat(EN.cancels()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.intent()).isEqualTo(Intent.ALARM_CANCEL);
            assertThat(p.hasSlots()).isFalse();
        });
    }
}
