package org.hearth.voice;

import static org.assertj.core.api.Assertions.assertThat;

import org.hearth.voice.intent.LanguageFile;
import org.hearth.voice.testkit.SafetyCorpus;
import org.hearth.voice.testkit.SafetyTrial;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The safety corpus typed in all seven languages: television, radio and conversation lines and
 * negated cancels must not cancel a pre-alarm, calls for help must raise help, and cancels must
 * cancel. See {@link SafetyTrial} for what counts as unsafe.
 */
@Tag("small")
class SafetyCorpusTest {

    @Test
    void typedInEveryLanguageNothingUnsafeAndNoHelpMissed() {
        SafetyTrial trial = new SafetyTrial();
        trial.run(SafetyCorpus.all(), SafetyTrial.TYPED);
        System.out.println(trial.summary());
        assertThat(SafetyCorpus.all()).extracting(SafetyCorpus.Case::language)
                .containsAll(LanguageFile.BUILT_IN);
        assertThat(trial.unsafeCancels()).as("unsafe cancels").isEmpty();
        assertThat(trial.unsafeAlarms()).as("unsafe alarms").isEmpty();
        assertThat(trial.missedHelp()).as("missed help").isEmpty();
        assertThat(trial.missedCancels()).as("missed cancels").isEmpty();
    }
}
