package org.hearth.voice.intent;

import java.util.List;

/**
 * A runner-up reading of an utterance from the recogniser's n-best list, and how far its score
 * fell behind the best reading (0 is a tie; Vosk's lattice scores differ by a few units).
 */
public record Hypothesis(List<String> words, double gap) {
    public Hypothesis {
        words = List.copyOf(words);
    }
}
