package org.hearth.voice;

import java.util.List;
import org.hearth.voice.intent.Hypothesis;

/**
 * What one utterance turned out to be: recognised words and the recogniser's confidence, or
 * silence. It lives in memory only; nothing writes it anywhere.
 *
 * @param words recognised words, "[unk]" mapped to {@link org.hearth.voice.intent.IntentMatcher#UNKNOWN}
 * @param confidence how sure the recogniser was, 0 to 1 (1 for typed text)
 * @param alternatives runner-up readings, best first
 * @param timing where in the audio speech ended and the utterance was closed, and what it cost
 */
public record Heard(List<String> words, double confidence, List<Hypothesis> alternatives, Timing timing) {

    public Heard {
        words = List.copyOf(words);
        alternatives = List.copyOf(alternatives);
    }

    public Heard(List<String> words, double confidence, Timing timing) {
        this(words, confidence, List.of(), timing);
    }

    public static Heard silence(Timing timing) {
        return new Heard(List.of(), 0, timing);
    }

    public static Heard text(List<String> words) {
        return new Heard(words, 1.0, Timing.NONE);
    }

    public boolean isSilence() {
        return words.isEmpty();
    }

    /**
     * Audio positions in milliseconds from the start of the stream, and decoder time.
     *
     * @param speechEndMs where the voice activity detector last heard speech, or -1
     * @param closedMs where the utterance was closed (endpoint, timeout or end of stream)
     * @param audioMs how much audio was read
     * @param decodeNanos time spent inside the recogniser for this utterance
     * @param finalNanos time of the last step, from the closing chunk to the final result
     */
    public record Timing(long speechEndMs, long closedMs, long audioMs, long decodeNanos, long finalNanos) {
        public static final Timing NONE = new Timing(-1, 0, 0, 0, 0);
    }
}
