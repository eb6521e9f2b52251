package org.hearth.voice.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioInputStream;
import org.hearth.voice.Heard;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Which language's hearing wins, and that every recogniser hears the same audio. Fakes stand in for Vosk. */
@Tag("small")
class MultilingualRecognizerTest {

    /** Reads 0.2 s (its "endpoint"), remembers the bytes, and says what it was told to. */
    private static final class Scripted implements SpeechRecognizer {
        private final Heard answer;
        final List<byte[]> heard = new ArrayList<>();

        Scripted(List<String> words, double confidence) {
            this.answer = words.isEmpty() ? Heard.silence(Heard.Timing.NONE)
                    : new Heard(words, confidence, Heard.Timing.NONE);
        }

        @Override
        public Heard listen(AudioInputStream audio) throws IOException {
            heard.add(audio.readNBytes(6400));
            return answer;
        }

        @Override
        public void close() {
        }
    }

    private static AudioInputStream microphone() {
        byte[] pcm = new byte[16000 * 2];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (byte) (i * 31);
        }
        return AudioInputs.pcm(pcm);
    }

    @Test
    void theSurerHearingWinsAndIsTaggedWithItsLanguage() throws IOException {
        Scripted en = new Scripted(List.of("what", "time", "is", "it"), 0.6);
        Scripted pl = new Scripted(List.of("która", "godzina"), 0.9);
        Heard heard = new MultilingualRecognizer(List.of(new MultilingualRecognizer.Ear("en", en),
                new MultilingualRecognizer.Ear("pl", pl))).listen(microphone());

        assertThat(heard.language()).isEqualTo("pl");
        assertThat(heard.words()).containsExactly("która", "godzina");
        // The second recogniser decoded exactly the audio the first read up to its endpoint.
        assertThat(pl.heard.get(0)).hasSize(6400).isEqualTo(en.heard.get(0));
    }

    @Test
    void aTieGoesToTheMainLanguageAndSilenceLosesToWords() throws IOException {
        Heard tie = new MultilingualRecognizer(List.of(
                new MultilingualRecognizer.Ear("en", new Scripted(List.of("help"), 0.83)),
                new MultilingualRecognizer.Ear("hi", new Scripted(List.of("मदद"), 0.83)))).listen(microphone());
        assertThat(tie.language()).isEqualTo("en");

        Heard words = new MultilingualRecognizer(List.of(
                new MultilingualRecognizer.Ear("en", new Scripted(List.of(), 0)),
                new MultilingualRecognizer.Ear("hi", new Scripted(List.of("मदद"), 0.55)))).listen(microphone());
        assertThat(words.language()).isEqualTo("hi");
        assertThat(words.words()).containsExactly("मदद");
    }
}
