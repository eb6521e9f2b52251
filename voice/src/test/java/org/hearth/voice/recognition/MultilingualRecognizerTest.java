package org.hearth.voice.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioInputStream;
import org.hearth.voice.Heard;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every recogniser hears the same audio, and the judge gets one tagged hearing per language. Fakes stand in for Vosk. */
@Tag("small")
class MultilingualRecognizerTest {

    /** Reads 0.2 s (its "endpoint"), remembers the bytes, and says what it was told to. */
    private static final class Scripted implements SpeechRecognizer {
        private final Heard answer;
        final List<byte[]> heard = new ArrayList<>();
        boolean closed;

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
            closed = true;
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
    void eachLanguageHearsTheSameUtteranceAndTheJudgeGetsThemAllTagged() throws IOException {
        Scripted en = new Scripted(List.of("what", "time", "is", "it"), 0.6);
        Scripted pl = new Scripted(List.of("która", "godzina"), 0.9);
        List<Heard> judged = new ArrayList<>();
        MultilingualRecognizer ears = new MultilingualRecognizer(List.of(new MultilingualRecognizer.Ear("en", en),
                new MultilingualRecognizer.Ear("pl", pl)), hearings -> {
                    judged.addAll(hearings);
                    return hearings.get(1);
                });
        Heard heard = ears.listen(microphone());

        assertThat(judged).extracting(Heard::language).containsExactly("en", "pl");
        assertThat(heard.language()).isEqualTo("pl");
        assertThat(heard.words()).containsExactly("która", "godzina");
        // The second recogniser decoded exactly the audio the first read up to its endpoint.
        assertThat(pl.heard.get(0)).hasSize(6400).isEqualTo(en.heard.get(0));
        ears.close();
        assertThat(en.closed && pl.closed).isTrue();
    }
}
