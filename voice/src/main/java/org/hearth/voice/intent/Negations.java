package org.hearth.voice.intent;

import java.util.List;
import java.util.Set;

/**
 * A language's negation words ("not", "नहीं", "nie") and word endings ("n't"), from its
 * {@code @negations} lines. The matcher counts them: a cancel phrase only matches words with as
 * many negations as the phrase has, so "I'm not fine" is never "I'm fine".
 */
record Negations(Set<String> words, List<String> suffixes) {

    static final Negations NONE = new Negations(Set.of(), List.of());

    Negations {
        words = Set.copyOf(words);
        suffixes = List.copyOf(suffixes);
    }

    boolean isNegation(String token) {
        if (words.contains(token)) {
            return true;
        }
        for (String s : suffixes) {
            if (token.length() > s.length() && token.endsWith(s)) {
                return true;
            }
        }
        return false;
    }

    /** Negations in {@code tokens}; a repeated one ("no no") counts once, as it is said for emphasis. */
    int count(List<String> tokens) {
        int n = 0;
        String previous = null;
        for (String t : tokens) {
            if (isNegation(t) && !t.equals(previous)) {
                n++;
            }
            previous = t;
        }
        return n;
    }
}
