package org.hearth.voice.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.hearth.voice.testkit.ClipSynthesizer;
import org.hearth.voice.intent.LanguageFile;
import org.hearth.voice.intent.LanguageResources;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** espeak-ng for real, sound discarded: every language's voice speaks its replies. */
@Tag("medium")
class EspeakSpeakerTest {

    private static String espeak() {
        return ClipSynthesizer.onPath("espeak-ng").orElseThrow(() -> new IllegalStateException(
                "espeak-ng is not installed; the test suite needs it: apt-get install -y espeak-ng"));
    }

    @Test
    void everyLanguageIsSpokenAtASlowRate() throws Exception {
        List<String> printed = new ArrayList<>();
        try (EspeakSpeaker speaker = new EspeakSpeaker(espeak(), EspeakSpeaker.DEFAULT_RATE,
                EspeakSpeaker.Output.DISCARD, (t, l) -> printed.add(t))) {
            for (String code : LanguageFile.BUILT_IN) {
                long before = speaker.audioBytes();
                speaker.say(LanguageResources.builtIn(code).reply("help.raised").orElseThrow(), code);
                speaker.drain();
                assertThat(speaker.audioBytes() - before).as("audio bytes for %s", code).isGreaterThan(20_000);
            }
        }
        assertThat(printed).isEmpty();
    }

    @Test
    void aSlowerRateTakesLongerToSay() throws Exception {
        String text = LanguageResources.builtIn("en").reply("capabilities").orElseThrow();
        try (EspeakSpeaker speaker = new EspeakSpeaker(espeak(), EspeakSpeaker.DEFAULT_RATE,
                EspeakSpeaker.Output.DISCARD, (t, l) -> { })) {
            speaker.say(text, "en");
            speaker.drain();
            long usual = speaker.audioBytes();
            speaker.rate(EspeakSpeaker.SLOWEST);
            assertThat(speaker.rate()).hasValue(80);
            speaker.say(text, "en");
            speaker.drain();
            long slow = speaker.audioBytes() - usual;
            // Same words at 80 instead of 135 words a minute: much more audio, though pauses do not stretch.
            assertThat((double) slow / usual).isGreaterThan(1.3);
            assertThatThrownBy(() -> speaker.rate(79)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aMissingEspeakIsReportedOnceAndRepliesArePrinted() throws Exception {
        List<String> printed = new ArrayList<>();
        try (EspeakSpeaker speaker = new EspeakSpeaker("/nonexistent/espeak-ng", 130, EspeakSpeaker.Output.DEVICE,
                (t, l) -> printed.add(t))) {
            speaker.say("first", "en");
            speaker.say("second", "en");
            speaker.drain();
        }
        assertThat(printed).containsExactly("first", "second");
    }

    @Test
    void stopDropsWhatIsQueued() throws Exception {
        try (EspeakSpeaker speaker = new EspeakSpeaker(espeak(), 130, EspeakSpeaker.Output.DISCARD, (t, l) -> { })) {
            for (int i = 0; i < 5; i++) {
                speaker.say("This is a long sentence that takes a while to say, number " + i, "en");
            }
            speaker.stop();
            speaker.drain();
            assertThat(speaker.spokenCount()).isLessThan(5);
        }
    }
}
