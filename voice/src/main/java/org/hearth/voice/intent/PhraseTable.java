package org.hearth.voice.intent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One language's template phrases made ready to be aligned with what was heard, and the weighted
 * word distance that aligns them.
 *
 * <p>Filler words ("i", "the", "please") cost little to drop or add, a near-miss word form
 * ({@link WordForms}) costs a little, anything else costs a whole word, and "[unk]" never
 * matches. Similarity is {@code 1 - cost / weight of the longer side}. Words are interned to ids so
 * the inner loop compares ints. Read-only once made, apart from a thread-safe cache, so one table
 * may serve several threads.
 */
final class PhraseTable {

    private static final double FILLER_WEIGHT = 0.35;
    private static final double NEAR_MISS_FRACTION = 0.35;

    /**
     * One template phrase: its word ids, its weight, whether it has a {slot}, its words as a bit
     * set, and what its negations negate ({@link Negations#scopes}).
     */
    record Phrase(Intent intent, int[] tokens, double weight, boolean hasSlots, long[] wordSet, String negations) {
    }

    private final LanguageResources language;
    private final List<Phrase> phrases = new ArrayList<>();
    /** The cancel phrases without slots, for {@link NegationRules#asHelp}. */
    private final List<Phrase> cancels = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> words = new ArrayList<>();
    private final double[] wordWeights;
    /** Rows are read-only once made, so sharing them between threads is safe. */
    private final Map<String, boolean[]> nearMissRows = new ConcurrentHashMap<>();

    PhraseTable(LanguageResources language) {
        this.language = language;
        language.phrases().forEach((intent, list) -> {
            for (List<String> tokens : list) {
                boolean slots = tokens.stream().anyMatch(t -> t.startsWith("{"));
                phrases.add(new Phrase(intent, intern(tokens, true), weight(tokens), slots, null,
                        language.negations().scopes(tokens)));
            }
        });
        if (phrases.size() >= 1 << 20) {
            throw new IllegalArgumentException(language.code() + ": more than a million phrases; simplify the templates");
        }
        // Word sets and weights are sized once the vocabulary is known.
        wordWeights = new double[words.size()];
        for (int w = 0; w < wordWeights.length; w++) {
            wordWeights[w] = weight(words.get(w));
        }
        for (int i = 0; i < phrases.size(); i++) {
            Phrase p = phrases.get(i);
            phrases.set(i, new Phrase(p.intent, p.tokens, p.weight, p.hasSlots, wordSet(p.tokens), p.negations));
            if (p.intent == Intent.ALARM_CANCEL && !p.hasSlots) {
                cancels.add(phrases.get(i));
            }
        }
    }

    /** Every phrase, in the language's order; fewer than 2^20 of them. */
    List<Phrase> phrases() {
        return phrases;
    }

    List<Phrase> cancels() {
        return cancels;
    }

    /** The word a phrase's id stands for. */
    String word(int id) {
        return words.get(id);
    }

    /** What was heard, in the forms the inner loops want. */
    final class Input {
        final int[] ids;
        final double[] weights;
        final double weight;
        final boolean[][] near;
        final long[][] nearSets;
        final long[] set;
        final long[] anyNear;
        /** What the words negate; see {@link Negations#scopes}. */
        final String negations;

        private Input(List<String> tokens) {
            this.negations = language.negations().scopes(tokens);
            this.ids = intern(tokens, false);
            this.weights = weights(tokens);
            this.weight = weight(tokens);
            this.near = nearMisses(tokens);
            this.set = wordSet(ids);
            this.nearSets = new long[tokens.size()][];
            this.anyNear = new long[set.length];
            for (int i = 0; i < near.length; i++) {
                nearSets[i] = new long[set.length];
                for (int w = 0; w < near[i].length; w++) {
                    if (near[i][w]) {
                        nearSets[i][w >>> 6] |= 1L << (w & 63);
                        anyNear[w >>> 6] |= 1L << (w & 63);
                    }
                }
            }
        }
    }

    Input input(List<String> tokens) {
        return new Input(tokens);
    }

    /** A similarity {@code p} cannot beat, cheap to compute: see {@link #lowerBound}. */
    double upperBound(Input in, Phrase p) {
        double bound = Math.max(lowerBound(in, p), Math.abs(in.weight - p.weight));
        return 1 - bound / Math.max(in.weight, p.weight);
    }

    /** How alike the words and the phrase are, 1 for the same words. */
    double similarity(Input in, Phrase p) {
        return 1 - distance(in.ids, in.weights, in.near, p.tokens) / Math.max(in.weight, p.weight);
    }

    private long[] wordSet(int[] ids) {
        long[] set = new long[(words.size() + 63) / 64];
        for (int id : ids) {
            if (id >= 0) {
                set[id >>> 6] |= 1L << (id & 63);
            }
        }
        return set;
    }

    private static boolean contains(long[] set, int id) {
        return id >= 0 && (set[id >>> 6] & (1L << (id & 63))) != 0;
    }

    /**
     * A lower bound of the distance, cheap to compute: a heard word the phrase lacks must be
     * dropped or replaced, which costs its full weight unless the phrase has a near miss of it;
     * likewise a phrase word that was not heard. Each side alone bounds the distance.
     */
    private double lowerBound(Input in, Phrase p) {
        double heardMissing = 0;
        for (int i = 0; i < in.ids.length; i++) {
            if (!contains(p.wordSet, in.ids[i])) {
                boolean nearMiss = intersects(in.nearSets[i], p.wordSet);
                heardMissing += nearMiss ? in.weights[i] * NEAR_MISS_FRACTION : in.weights[i];
            }
        }
        double phraseMissing = 0;
        for (int id : p.tokens) {
            if (!contains(in.set, id)) {
                phraseMissing += contains(in.anyNear, id) ? wordWeights[id] * NEAR_MISS_FRACTION : wordWeights[id];
            }
        }
        return Math.max(heardMissing, phraseMissing);
    }

    private static boolean intersects(long[] a, long[] b) {
        for (int k = 0; k < a.length; k++) {
            if ((a[k] & b[k]) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Known words get their id; with {@code grow} false an unknown word gets -1, which matches nothing. */
    private int[] intern(List<String> tokens, boolean grow) {
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            String t = tokens.get(i);
            Integer id = ids.get(t);
            if (id == null && grow && !t.equals(IntentMatcher.UNKNOWN)) {
                id = words.size();
                ids.put(t, id);
                words.add(t);
            }
            out[i] = id == null ? -1 - i : id;
        }
        return out;
    }

    private double weight(List<String> tokens) {
        double w = 0;
        for (String t : tokens) {
            w += weight(t);
        }
        return w;
    }

    private double weight(String token) {
        return language.fillers().contains(token) ? FILLER_WEIGHT : 1.0;
    }

    private double[] weights(List<String> tokens) {
        double[] w = new double[tokens.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weight(tokens.get(i));
        }
        return w;
    }

    /** Weighted Levenshtein distance over words; {@code a} is what was heard, {@code b} a phrase. */
    private double distance(int[] a, double[] aw, boolean[][] near, int[] b) {
        int n = a.length;
        int m = b.length;
        double[] prev = new double[m + 1];
        double[] cur = new double[m + 1];
        double[] bw = new double[m];
        for (int j = 1; j <= m; j++) {
            bw[j - 1] = wordWeights[b[j - 1]];
            prev[j] = prev[j - 1] + bw[j - 1];
        }
        for (int i = 1; i <= n; i++) {
            double wa = aw[i - 1];
            cur[0] = prev[0] + wa;
            for (int j = 1; j <= m; j++) {
                int bj = b[j - 1];
                double sub = prev[j - 1];
                if (a[i - 1] != bj) {
                    double full = Math.max(wa, bw[j - 1]);
                    sub += near[i - 1][bj] ? full * NEAR_MISS_FRACTION : full;
                }
                double del = prev[j] + wa;
                double ins = cur[j - 1] + bw[j - 1];
                cur[j] = Math.min(sub, Math.min(del, ins));
            }
            double[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    /** For each heard word, which template words are near misses of it. */
    private boolean[][] nearMisses(List<String> heard) {
        boolean[][] near = new boolean[heard.size()][];
        for (int i = 0; i < near.length; i++) {
            near[i] = nearMissRow(heard.get(i));
        }
        return near;
    }

    private boolean[] nearMissRow(String a) {
        boolean[] cached = nearMissRows.get(a);
        if (cached != null) {
            return cached;
        }
        boolean[] row = new boolean[words.size()];
        if (!a.equals(IntentMatcher.UNKNOWN) && !a.startsWith("{")) {
            for (int w = 0; w < row.length; w++) {
                String b = words.get(w);
                row[w] = !b.startsWith("{") && WordForms.nearMiss(a, b);
            }
        }
        if (nearMissRows.size() > 10_000) {
            nearMissRows.clear(); // typed text is unbounded; recognised words are not
        }
        nearMissRows.put(a, row);
        return row;
    }
}
