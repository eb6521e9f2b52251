package org.hearth.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hearth.voice.intent.LanguageFile;
import org.hearth.voice.testkit.SafetyCorpus;
import org.hearth.voice.testkit.SafetyTrial;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The safety corpus typed in all seven languages, in one-language homes and in two-language ones: television, radio and conversation lines and
 * negated cancels must not cancel a pre-alarm, calls for help must raise help, and cancels must
 * cancel. See {@link SafetyTrial} for what counts as unsafe.
 */
@Tag("small")
class SafetyCorpusTest {

    @Test
    void typedInEveryLanguageNothingUnsafeAndNoHelpMissed() {
        SafetyTrial trial = new SafetyTrial();
        trial.run(SafetyCorpus.all(), SafetyTrial.TYPED);
        // Two people in one home (issue 18 §4): every line again in households of two languages, its
        // own first and second, beside English (English lines beside Punjabi); Hindi and Urdu, which
        // share words and the Devanagari script, beside each other too. Typed text is put in the
        // language whose phrases it matches best, so a line might be judged by the other
        // language's rules: nothing may cancel or call for help that must not.
        trial.run(SafetyCorpus.all(), SafetyTrial.TYPED, language -> List.of(language, partner(language)));
        trial.run(SafetyCorpus.all(), SafetyTrial.TYPED, language -> List.of(partner(language), language));
        trial.run(SafetyCorpus.all().stream().filter(c -> c.language().equals("hi") || c.language().equals("ur")).toList(),
                SafetyTrial.TYPED, language -> language.equals("hi") ? List.of("ur", "hi") : List.of("hi", "ur"));
        System.out.println(trial.summary());
        assertThat(SafetyCorpus.all()).extracting(SafetyCorpus.Case::language)
                .containsAll(LanguageFile.BUILT_IN);
        assertThat(trial.unsafeCancels()).as("unsafe cancels").isEmpty();
        assertThat(trial.unsafeAlarms()).as("unsafe alarms").isEmpty();
        assertThat(trial.missedHelp()).as("missed help").isEmpty();
        assertThat(trial.missedCancels()).as("missed cancels").isEmpty();
    }

    private static String partner(String language) {
        return language.equals("en") ? "pa" : "en";
    }
}
