package org.hearth.voice.intent;

/**
 * Whether two words are forms of one word ("tablet" for "tablets", "fell" for "fall"), which the
 * matcher counts as a near miss rather than a wrong word. Letters only: no stemming rules, so it
 * works alike in every language.
 */
final class WordForms {

    private WordForms() {
    }

    /** Both at least four letters, lengths within a quarter, and three quarters of the letters alike. */
    static boolean nearMiss(String a, String b) {
        if (a.length() < 4 || b.length() < 4 || Math.abs(a.length() - b.length()) > Math.max(a.length(), b.length()) / 4) {
            return false;
        }
        return charSimilarity(a, b) >= 0.75;
    }

    private static double charSimilarity(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(prev[j - 1] + cost, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return 1.0 - (double) prev[b.length()] / Math.max(a.length(), b.length());
    }
}
