package org.hearth.voice.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hearth.voice.Heard;
import org.hearth.voice.testkit.ClipSynthesizer;
import org.hearth.voice.intent.IntentMatch;
import org.hearth.voice.intent.IntentMatcher;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.testkit.Clips;
import org.hearth.voice.testkit.TestModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Speech that is not for the assistant, silence and noise must never raise help or cancel an alarm. */
@Tag("medium")
class OutOfDomainSpeechTest {

    private static final List<String> SENTENCES = List.of(
            "the weather is lovely today", "i had porridge for breakfast", "my grandson is coming on sunday",
            "what's on the television tonight", "i fell asleep in my chair", "i'm going to the shops later",
            "the cat wants feeding", "i'd like a cup of tea", "the kettle has boiled", "my daughter rang yesterday",
            "help yourself to biscuits", "that film was fine", "i can't find my glasses", "the bus was late again",
            "put the radio on", "i need a new kettle", "the garden needs weeding", "have you seen my keys",
            "it's cold in the kitchen", "the doctor said i'm doing well", "my knees are stiff this morning",
            "shall we have fish on friday");

    private static final VoskSpeechRecognizer RECOGNIZER = TestModel.freshEnglish();

    private final IntentMatcher matcher = new IntentMatcher(LanguageResources.builtIn("en"));

    @Test
    void outOfDomainSentencesAreNeverHelpOrCancel() throws IOException {
        List<String> alarming = new ArrayList<>();
        String[] voices = {"en-gb", "en-us", "en-gb-x-rp"};
        for (int i = 0; i < SENTENCES.size(); i++) {
            String text = SENTENCES.get(i);
            for (int v = 0; v < 2; v++) {
                String voice = voices[(i + v) % voices.length];
                IntentMatch m = hear(Clips.speech(text, voice, v == 0 ? 130 : 175, 900));
                if (m.intent().safetyCritical()) {
                    alarming.add("[" + text + "] by " + voice + " -> " + m.intent());
                }
            }
        }
        assertThat(alarming).isEmpty();
    }

    @Test
    void outOfDomainSpeechInNoiseIsNeverHelpOrCancel() throws IOException {
        List<String> alarming = new ArrayList<>();
        byte[] noise = Clips.noise();
        for (int i = 0; i < SENTENCES.size(); i += 2) {
            byte[] clean = Clips.speech(SENTENCES.get(i), "en-gb", 150, 900);
            IntentMatch m = hear(ClipSynthesizer.mix(clean, noise, i * 7919, 10));
            if (m.intent().safetyCritical()) {
                alarming.add("[" + SENTENCES.get(i) + "] at 10 dB -> " + m.intent());
            }
        }
        assertThat(alarming).isEmpty();
    }

    @Test
    void silenceIsHeardAsSilence() throws IOException {
        Heard heard = RECOGNIZER.listen(AudioInputs.pcm(new byte[16000 * 2 * 3]));
        assertThat(heard.isSilence()).isTrue();
    }

    @Test
    void noiseAloneIsNeverHelpOrCancel() throws IOException {
        byte[] noise = Clips.noise();
        short[] n = ClipSynthesizer.samples(noise);
        for (double gain : new double[] {0.01, 0.05, 0.2, 0.5}) {
            for (int offset : new int[] {0, 80_000, 160_000}) {
                short[] chunk = new short[16000 * 3];
                for (int i = 0; i < chunk.length; i++) {
                    chunk[i] = (short) (n[(offset + i) % n.length] * gain);
                }
                IntentMatch m = hear(ClipSynthesizer.bytes(chunk));
                assertThat(m.intent().safetyCritical()).as("noise at gain %s, offset %d -> %s", gain, offset,
                        m.intent()).isFalse();
            }
        }
    }

    @Test
    void noiseBurstsAreNeverHelpOrCancel() throws IOException {
        // Door slams and claps: short loud bursts with silence between.
        short[] n = ClipSynthesizer.samples(Clips.noise());
        short[] audio = new short[16000 * 4];
        for (int burst = 0; burst < 4; burst++) {
            int start = 4000 + burst * 14000;
            for (int i = 0; i < 1600; i++) {
                audio[start + i] = (short) (n[start + i] * 0.8 * (1 - i / 1600.0));
            }
        }
        assertThat(hear(ClipSynthesizer.bytes(audio)).intent().safetyCritical()).isFalse();
    }

    private IntentMatch hear(byte[] audio) throws IOException {
        Heard heard = RECOGNIZER.listen(AudioInputs.pcm(audio));
        return matcher.match(heard.words(), heard.confidence(), heard.alternatives());
    }
}
