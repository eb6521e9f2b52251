package org.hearth.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.hearth.time.VirtualScheduler;
import org.hearth.voice.intent.Intent;
import org.hearth.voice.intent.IntentMatch;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.testkit.RecordingSpeaker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class HelpConfirmationTest {

    private final RecordingSpeaker speaker = new RecordingSpeaker();
    private final SpokenLanguages spoken = new SpokenLanguages(List.of(LanguageResources.builtIn("en")), speaker,
            new SpeechRate(speaker, new VirtualScheduler(Instant.parse("2026-03-10T08:00:00Z"), ZoneId.of("UTC"))));
    private int raised;
    private final HelpConfirmation help = new HelpConfirmation(spoken, AssistantSettings.DEFAULT, () -> {
        raised++;
        return spoken.say(Intent.HELP_EMERGENCY, "help.raised", Map.of());
    });

    private static IntentMatch heard(Intent intent, double confidence) {
        return new IntentMatch(intent, 1.0, confidence, Intent.NONE, 0, IntentMatch.Slots.EMPTY);
    }

    @Test
    void aSureCallIsRaisedAtOnce() {
        assertThat(help.request(heard(Intent.HELP_EMERGENCY, AssistantSettings.DEFAULT.helpActAbove())).key())
                .isEqualTo("help.raised");
        assertThat(raised).isEqualTo(1);
        assertThat(help.isAsking()).isFalse();
    }

    @Test
    void anUnsureCallIsAskedFirstAndNoDeclinesIt() {
        Reply asked = help.request(heard(Intent.HELP_EMERGENCY, 0.6));
        assertThat(asked.key()).isEqualTo("help.confirm");
        assertThat(asked.expectsAnswer()).isTrue();
        assertThat(help.isAsking()).isTrue();
        assertThat(help.answer(heard(Intent.NO, 1.0)).key()).isEqualTo("help.declined");
        assertThat(help.isAsking()).isFalse();
        assertThat(raised).isZero();
    }

    @Test
    void yesRaisesIt() {
        help.request(heard(Intent.HELP_EMERGENCY, 0.6));
        help.answer(heard(Intent.YES, 1.0));
        assertThat(raised).isEqualTo(1);
        assertThat(help.isAsking()).isFalse();
    }

    @Test
    void aSecondUnclearAnswerCountsAsYes() {
        help.request(heard(Intent.HELP_EMERGENCY, 0.6));
        assertThat(help.answer(heard(Intent.TIME_NOW, 1.0)).key()).isEqualTo("help.confirm");
        assertThat(raised).isZero();
        help.answer(heard(Intent.NONE, 0.0));
        assertThat(raised).isEqualTo(1);
    }

    @Test
    void aFreshQuestionStartsTheUnclearCountAgain() {
        help.request(heard(Intent.HELP_EMERGENCY, 0.6));
        help.answer(heard(Intent.NONE, 0.0));
        help.answer(heard(Intent.NO, 1.0));
        help.request(heard(Intent.HELP_EMERGENCY, 0.6));
        assertThat(help.answer(heard(Intent.NONE, 0.0)).key()).isEqualTo("help.confirm");
        assertThat(raised).isZero();
    }

    @Test
    void silenceCountsAsYes() {
        help.request(heard(Intent.HELP_EMERGENCY, 0.6));
        help.silence();
        assertThat(raised).isEqualTo(1);
        assertThat(help.isAsking()).isFalse();
    }
}
