package org.hearth.voice.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class KeywordsTest {

    private static final LanguageResources EN = LanguageResources.builtIn("en");
    private static final Keywords KEYWORDS = new Keywords(new PhraseTable(EN), EN);

    @Test
    void aWordOnlyOneIntentUsesNamesIt() {
        assertThat(KEYWORDS.intentOf(Tokens.of("library hmm"), Map.of(Intent.COUNCIL_LIBRARY_HOURS, 0.4)))
                .contains(Intent.COUNCIL_LIBRARY_HOURS);
    }

    @Test
    void notWhenTheWordsHardlyResembleTheIntentsPhrases() {
        assertThat(KEYWORDS.intentOf(Tokens.of("library hmm"), Map.of(Intent.COUNCIL_LIBRARY_HOURS, 0.29))).isEmpty();
    }

    @Test
    void twoKeywordsThatDisagreeNameNothing() {
        assertThat(KEYWORDS.intentOf(Tokens.of("library tax"),
                Map.of(Intent.COUNCIL_LIBRARY_HOURS, 0.5, Intent.COUNCIL_TAX_PAY, 0.5))).isEmpty();
    }

    @Test
    void neverAnIntentThatActsOnTheWorld() {
        // "remind" belongs to reminders alone, yet a reminder needs its whole phrase.
        assertThat(KEYWORDS.intentOf(Tokens.of("remind"),
                Map.of(Intent.REMINDER_SET, 0.5, Intent.REMINDER_DAILY, 0.5))).isEmpty();
    }
}
