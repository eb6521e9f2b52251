package org.hearth.voice.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.hearth.voice.Heard;
import org.hearth.voice.testkit.ClipSynthesizer;
import org.hearth.voice.testkit.Clips;
import org.hearth.voice.testkit.TestModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The final result must come within 1.2 s of the end of speech in grammar mode. Each clip has
 * three seconds of silence after the words, as a live microphone would; the latency is the audio
 * the recogniser consumed past the true end of speech (measured from the samples) plus the
 * wall-clock time of the final decoding step. Decoding runs far faster than real time, so live
 * the closing chunk is decoded as it arrives and these two parts add up. A wall-clock benchmark:
 * tag {@code bench}, run by {@code ./run-benches}, which prints its {@code endpoint:} lines.
 */
@Tag("bench")
class EndpointLatencyTest {

    @ParameterizedTest
    @CsvSource({
        "help, help.emergency, en-gb",
        "help me, help.emergency, en-us",
        "i've fallen and i can't get up, help.emergency, en-gb-scotland",
        "i'm fine, alarm.cancel, en-gb",
        "what time is it, time.now, en-gb-x-rp",
        "when is my bin collection, council.bins.next, en-us",
        "yes, yes, en-gb",
    })
    void finalResultWithinOnePointTwoSecondsOfTheEndOfSpeech(String text, String intentForReading, String voice)
            throws IOException {
        byte[] clip = Clips.speech(text, voice, 150, 3000);
        long speechEnd = speechEndMs(clip);
        Heard heard = TestModel.english().listen(AudioInputs.pcm(clip));
        long latency = heard.timing().closedMs() - speechEnd + heard.timing().finalNanos() / 1_000_000;
        System.out.printf("endpoint: text=\"%s\" voice=%s latency_ms=%d%n", text, voice, latency);
        // Recognition accuracy is SpokenAccuracyTest's business; here the words only need to be heard.
        assertThat(heard.isSilence()).as("heard something for [%s]", text).isFalse();
        assertThat(heard.timing().closedMs()).as("the utterance closed before the stream ended")
                .isLessThan(ClipSynthesizer.durationMs(clip));
        assertThat(latency).as("ms from end of speech to final result").isLessThanOrEqualTo(1200);
    }

    /** The end of the last 10 ms frame louder than -45 dBFS. */
    static long speechEndMs(byte[] pcm) {
        short[] s = ClipSynthesizer.samples(pcm);
        int frame = 160;
        long end = 0;
        for (int start = 0; start + frame <= s.length; start += frame) {
            double p = 0;
            for (int i = start; i < start + frame; i++) {
                p += (double) s[i] * s[i];
            }
            double db = 10 * Math.log10(p / frame / (32768.0 * 32768.0) + 1e-12);
            if (db > -45) {
                end = (start + frame) * 1000L / 16000;
            }
        }
        return end;
    }

}
