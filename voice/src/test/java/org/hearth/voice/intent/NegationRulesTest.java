package org.hearth.voice.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class NegationRulesTest {

    private static final PhraseTable EN = new PhraseTable(LanguageResources.builtIn("en"));
    private static final NegationRules RULES = new NegationRules(EN);

    private static PhraseTable.Phrase phrase(Intent intent, String text) {
        List<String> tokens = Tokens.of(text);
        return EN.phrases().stream().filter(p -> p.intent() == intent)
                .filter(p -> EN.similarity(EN.input(tokens), p) == 1.0).findFirst().orElseThrow();
    }

    @Test
    void aCancelPhraseNeverScoresForWordsThatNegateOtherwise() {
        PhraseTable.Phrase fine = phrase(Intent.ALARM_CANCEL, "i'm fine");
        assertThat(NegationRules.rulesOut(fine, EN.input(Tokens.of("i'm fine")))).isFalse();
        assertThat(NegationRules.rulesOut(fine, EN.input(Tokens.of("i'm not fine")))).isTrue();
        PhraseTable.Phrase noHelp = phrase(Intent.ALARM_CANCEL, "i don't need help");
        assertThat(NegationRules.rulesOut(noHelp, EN.input(Tokens.of("i need help")))).isTrue();
    }

    @Test
    void wordsCutShortAfterANegationAreNotAHelpPhrase() {
        PhraseTable.Phrase notFine = phrase(Intent.HELP_EMERGENCY, "i'm not fine");
        assertThat(NegationRules.rulesOut(notFine, EN.input(Tokens.of("no i'm not")))).isTrue();
        assertThat(NegationRules.rulesOut(notFine, EN.input(Tokens.of("i'm not fine")))).isFalse();
    }

    @Test
    void aNegatedCancelIsTakenAsHelpToBeConfirmed() {
        IntentMatch nothing = IntentMatch.none(Intent.NONE, 0, 0);
        IntentMatch m = RULES.asHelp(EN.input(Tokens.of("it's not a false alarm")), nothing, 1.0);
        assertThat(m.intent()).isEqualTo(Intent.HELP_EMERGENCY);
        assertThat(m.confidence()).isLessThanOrEqualTo(IntentMatcher.RUNNER_UP_CONFIDENCE);
        assertThat(m.runnerUp()).isEqualTo(Intent.ALARM_CANCEL);
    }

    @Test
    void wordsWithTheCancelsOwnNegationsAreLeftAsDecided() {
        IntentMatch nothing = IntentMatch.none(Intent.NONE, 0, 0);
        assertThat(RULES.asHelp(EN.input(Tokens.of("i'm fine")), nothing, 1.0)).isSameAs(nothing);
    }
}
