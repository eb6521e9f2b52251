package org.hearth.voice.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.hearth.voice.AssistantSettings;
import org.hearth.voice.Heard;
import org.hearth.voice.LanguageJudge;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.testkit.Clips;
import org.hearth.voice.testkit.SafetyCorpus;
import org.hearth.voice.testkit.SafetyCorpus.Case;
import org.hearth.voice.testkit.SafetyTrial;
import org.hearth.voice.testkit.TestModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The English part of the safety corpus spoken by espeak-ng at two rates and heard through the real
 * model, at a check-in and after the button, as {@link SafetyTrial} plays it; then again at the
 * slower rate in a Punjabi and English home. Each hearing is a new
 * recognition of the clip, with the recogniser's real readings and confidences.
 */
@Tag("medium")
class SpokenSafetyTest {

    private static final VoskSpeechRecognizer RECOGNIZER = TestModel.freshEnglish();
    private static final int[] RATES = {130, 175};

    @Test
    void spokenEnglishNothingUnsafeAndNoHelpMissed() {
        SafetyTrial trial = new SafetyTrial();
        for (int rate : RATES) {
            trial.run(SafetyCorpus.spokenEnglish(), c -> hear(c, rate));
        }
        // A Punjabi and English home (issue 18 §4): Punjabi has no model, so the English recogniser
        // listens behind the several-language recogniser and its judge, as the daemon wires it.
        MultilingualRecognizer household = new MultilingualRecognizer(List.of(new MultilingualRecognizer.Ear("en",
                RECOGNIZER)), new LanguageJudge(List.of(LanguageResources.builtIn("pa"), LanguageResources.builtIn("en"))));
        trial.run(SafetyCorpus.spokenEnglish(), c -> hear(household, c, RATES[0]), language -> List.of("pa", "en"));
        System.out.println(trial.summary());
        trial.missedCancels().forEach(m -> System.out.println("missed cancel " + m));
        assertThat(trial.unsafeCancels()).as("unsafe cancels").isEmpty();
        assertThat(trial.unsafeAlarms()).as("unsafe alarms").isEmpty();
        assertThat(trial.missedHelp()).as("missed help").isEmpty();
        assertThat(trial.missedCancels()).as("missed cancels").isEmpty();
    }

    @Test
    void aLoneReadingIsNoLongerCertainSoSpokenHelpIsConfirmed() throws IOException {
        Heard heard = RECOGNIZER.listen(AudioInputs.pcm(Clips.speech("help me", "en-gb", 130, 900)));
        assertThat(heard.words()).containsExactly("help", "me");
        assertThat(heard.unseenGap()).isEqualTo(2.0); // the English model's --lattice-beam
        assertThat(heard.confidence()).isLessThan(AssistantSettings.DEFAULT.helpActAbove());
    }

    private static Heard hear(Case c, int rate) {
        return hear(RECOGNIZER, c, rate);
    }

    private static Heard hear(SpeechRecognizer recognizer, Case c, int rate) {
        try {
            return recognizer.listen(AudioInputs.pcm(Clips.speech(c.text(), "en-gb", rate, 900)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
