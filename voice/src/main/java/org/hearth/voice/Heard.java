package org.hearth.voice;

import java.util.List;
import java.util.function.Predicate;
import org.hearth.voice.intent.Hypothesis;

/**
 * What one utterance turned out to be: recognised words and the recogniser's confidence, or
 * silence. It lives in memory only; nothing writes it anywhere.
 *
 * @param words recognised words, "[unk]" mapped to {@link org.hearth.voice.intent.IntentMatcher#UNKNOWN}
 * @param confidence how sure the recogniser was, 0 to 1 (1 for typed text)
 * @param alternatives runner-up readings, best first
 * @param unseenGap how far behind the best reading every reading not in {@code alternatives} is at
 *     least: the recogniser's lattice beam, beyond which it drops readings; infinite for typed text
 *     and when the caller knows of no other reading
 * @param timing where in the audio speech ended and the utterance was closed, and what it cost
 * @param language the code of the language whose recogniser heard it, or empty when not known
 *     (typed text, one recogniser): the assistant then finds it from the words
 */
public record Heard(List<String> words, double confidence, List<Hypothesis> alternatives, double unseenGap,
        Timing timing, String language) {

    public Heard {
        language = language == null ? "" : language;
        words = List.copyOf(words);
        alternatives = List.copyOf(alternatives);
        if (!(unseenGap >= 0)) {
            throw new IllegalArgumentException("unseenGap must be 0 or more, was " + unseenGap);
        }
    }

    public Heard(List<String> words, double confidence, List<Hypothesis> alternatives, double unseenGap,
            Timing timing) {
        this(words, confidence, alternatives, unseenGap, timing, "");
    }

    public Heard(List<String> words, double confidence, List<Hypothesis> alternatives, Timing timing) {
        this(words, confidence, alternatives, Double.POSITIVE_INFINITY, timing);
    }

    /** The same hearing, as heard by {@code code}'s recogniser. */
    public Heard inLanguage(String code) {
        return new Heard(words, confidence, alternatives, unseenGap, timing, code);
    }

    public Heard(List<String> words, double confidence, Timing timing) {
        this(words, confidence, List.of(), timing);
    }

    /**
     * How much of the recogniser's belief lies on readings that {@code test} accepts: each reading
     * weighs e^-gap (the best weighs 1), and the readings it dropped weigh e^-unseenGap together.
     * A lone reading from Vosk is thus about 0.88 sure (beam 2), never 1; typed text is 1.
     */
    public double share(Predicate<List<String>> test) {
        double unseen = Math.exp(-unseenGap);
        double total = 1 + unseen;
        double yes = test.test(words) ? 1 : 0;
        for (Hypothesis h : alternatives) {
            double w = Math.exp(-h.gap());
            total += w;
            if (test.test(h.words())) {
                yes += w;
            }
        }
        return yes / total;
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
