package org.hearth.voice.intent;

import java.util.List;
import java.util.Set;

/**
 * A language's negation words ("not", "नहीं", "nie") and word endings ("n't"), from its
 * {@code @negations} lines. A cancel phrase only matches words that negate the same words it
 * does: "I'm not fine" is never "I'm fine", and "I'm not fine" is never "I'm not hurt".
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

    /**
     * What each negation in {@code tokens} negates: the word after it ("" at the end), in order. A
     * repeated negation ("no no") counts once, as it is said for emphasis.
     */
    String scopes(List<String> tokens) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            boolean repeated = i + 1 < tokens.size() && tokens.get(i + 1).equals(t);
            if (isNegation(t) && !repeated) {
                out.append(i + 1 < tokens.size() ? tokens.get(i + 1) : "").append('\n');
            }
        }
        return out.toString();
    }

    /** Whether the last negation in {@link #scopes} ends the words ("No, I'm not."), negating nothing said. */
    static boolean dangling(String scopes) {
        return scopes.equals("\n") || scopes.endsWith("\n\n");
    }

    /** How many negations {@link #scopes} found. */
    static int count(String scopes) {
        return (int) scopes.chars().filter(c -> c == '\n').count();
    }
}
