package org.hearth.voice.intent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scores what was heard against every template phrase of a language and picks an intent.
 *
 * <p>A grammar-mode recogniser can put any grammar words in any order, so the matcher does not look
 * phrases up: it aligns the words with each phrase by a weighted edit distance. Filler words
 * ("i", "the", "please") cost little to drop or add, near-miss word forms ("tablet"/"tablets")
 * cost a little, anything else costs a whole word, and "[unk]" never matches. Similarity is
 * {@code 1 - cost / weight of the longer side}.
 *
 * <p>Help and cancel are safety-critical. A false help alarms a family; a false cancel silences a
 * real alarm. They need a higher similarity and a clear margin over the next intent, so
 * out-of-domain speech falls to {@link Intent#NONE} instead.
 *
 * <p>A negation costs only one word in the distance, so "No, I'm not fine" is close to "No, I'm
 * fine". A cancel phrase therefore matches only words that negate the same words it does (the
 * language's {@code @negations}); words that would have been a cancel but for a negation are taken
 * as help, to be confirmed first. See docs/voice.md.
 */
public final class IntentMatcher {

    /** The token for a word the recogniser could not place in the grammar. */
    public static final String UNKNOWN = "<unk>";

    static final double ACCEPT = 0.6;
    /** Intents that reach outside the home (a message to a carer) or set something up. */
    static final double ACCEPT_ACTING = 0.65;
    static final double ACCEPT_SAFETY = 0.75;
    static final double SAFETY_MARGIN = 0.08;
    /** How far behind the best reading a runner-up may be and still count. */
    static final double MAX_GAP = 2.0;
    /** A help phrase from a runner-up must match this closely, and is then confirmed, never acted on. */
    static final double HELP_FROM_RUNNER_UP = 0.9;
    static final double RUNNER_UP_CONFIDENCE = 0.6;
    /** A keyword alone is trusted only if the words also resemble the intent's phrases this much. */
    static final double KEYWORD_FLOOR = 0.3;
    private static final double FILLER_WEIGHT = 0.35;
    private static final double NEAR_MISS_FRACTION = 0.35;

    private final LanguageResources language;
    private final List<Entry> entries = new ArrayList<>();
    /** The cancel phrases without slots, for {@link #negatedCancelAsHelp}. */
    private final List<Entry> cancels = new ArrayList<>();

    /** Words are interned to ids so the inner loop compares ints; ids of filler words are odd. */
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> words = new ArrayList<>();
    private double[] wordWeights;
    private final Map<String, Intent> distinctive;
    /** Rows are read-only once made, so sharing them between threads is safe. */
    private final Map<String, boolean[]> nearMissRows = new ConcurrentHashMap<>();

    private record Entry(Intent intent, int[] tokens, double weight, boolean hasSlots, long[] wordSet, String negations) {
    }

    public IntentMatcher(LanguageResources language) {
        this.language = language;
        language.phrases().forEach((intent, list) -> {
            for (List<String> tokens : list) {
                boolean slots = tokens.stream().anyMatch(t -> t.startsWith("{"));
                entries.add(new Entry(intent, intern(tokens, true), weight(tokens), slots, null,
                        language.negations().scopes(tokens)));
            }
        });
        if (entries.size() >= 1 << 20) {
            throw new IllegalArgumentException(language.code() + ": more than a million phrases; simplify the templates");
        }
        distinctive = distinctiveWords();
        // Word sets and weights are sized once the vocabulary is known.
        wordWeights = new double[words.size()];
        for (int w = 0; w < wordWeights.length; w++) {
            wordWeights[w] = weight(words.get(w));
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            entries.set(i, new Entry(e.intent, e.tokens, e.weight, e.hasSlots, wordSet(e.tokens), e.negations));
            if (e.intent == Intent.ALARM_CANCEL && !e.hasSlots) {
                cancels.add(entries.get(i));
            }
        }
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
    private double lowerBound(Input in, Entry e) {
        double heardMissing = 0;
        for (int i = 0; i < in.ids.length; i++) {
            if (!contains(e.wordSet, in.ids[i])) {
                boolean nearMiss = intersects(in.nearSets[i], e.wordSet);
                heardMissing += nearMiss ? in.weights[i] * NEAR_MISS_FRACTION : in.weights[i];
            }
        }
        double phraseMissing = 0;
        for (int id : e.tokens) {
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

    /** What was heard, in the forms the inner loops want. */
    private final class Input {
        final List<String> tokens;
        final int[] ids;
        final double[] weights;
        final double weight;
        final boolean[][] near;
        final long[][] nearSets;
        final long[] set;
        final long[] anyNear;
        /** What the words negate; see {@link Negations#scopes}. */
        final String negations;

        Input(List<String> tokens) {
            this.tokens = tokens;
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

    /** Known words get their id; with {@code grow} false an unknown word gets -1, which matches nothing. */
    private int[] intern(List<String> tokens, boolean grow) {
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            String t = tokens.get(i);
            Integer id = ids.get(t);
            if (id == null && grow && !t.equals(UNKNOWN)) {
                id = words.size();
                ids.put(t, id);
                words.add(t);
            }
            out[i] = id == null ? -1 - i : id;
        }
        return out;
    }

    public LanguageResources language() {
        return language;
    }

    /** Matches typed text; the typist is taken to be sure of what they wrote. */
    public IntentMatch matchText(String text) {
        return match(Tokens.of(text), 1.0);
    }

    /**
     * Matches the recogniser's best reading and, if it means nothing, its runner-up readings.
     *
     * <p>A runner-up close behind the best ({@link #MAX_GAP}) may name an ordinary intent. It may
     * name help only if it matches a help phrase almost exactly, and then with a confidence low
     * enough that the assistant asks "Did you say you need help?" first. It never cancels an alarm.
     */
    public IntentMatch match(List<String> best, double acousticConfidence, List<Hypothesis> alternatives) {
        IntentMatch first = match(best, acousticConfidence);
        if (first.intent() != Intent.NONE || alternatives.isEmpty()) {
            return first;
        }
        for (Hypothesis h : alternatives) {
            if (h.gap() > MAX_GAP) {
                break;
            }
            IntentMatch m = match(h.words(), acousticConfidence);
            if (m.intent() == Intent.NONE || m.intent().negationSensitive()) {
                continue;
            }
            if (m.intent() == Intent.HELP_EMERGENCY) {
                if (m.similarity() < HELP_FROM_RUNNER_UP) {
                    continue;
                }
                return new IntentMatch(m.intent(), m.similarity(), Math.min(m.confidence(), RUNNER_UP_CONFIDENCE),
                        m.runnerUp(), m.runnerUpSimilarity(), m.slots());
            }
            return new IntentMatch(m.intent(), m.similarity(), m.confidence() * RUNNER_UP_CONFIDENCE, m.runnerUp(),
                    m.runnerUpSimilarity(), m.slots());
        }
        return first;
    }

    /**
     * Matches recognised words. {@code acousticConfidence} is how sure the recogniser was, 0 to 1.
     */
    public IntentMatch match(List<String> heard, double acousticConfidence) {
        if (heard.isEmpty()) {
            return IntentMatch.none(Intent.NONE, 0, 0);
        }
        SlotFill fill = fillSlots(heard);
        Map<Intent, Double> best = new EnumMap<>(Intent.class);
        Input plain = new Input(heard);
        Input filled = fill.tokens.equals(heard) ? plain : new Input(fill.tokens);
        // Bound every phrase cheaply, then align the most promising first: once no phrase left can
        // reach the second-best intent's score, the top two cannot change and the rest is skipped.
        int n = entries.size();
        double[] upper = new double[n];
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            Input in = e.hasSlots ? filled : plain;
            double bound = Math.max(lowerBound(in, e), Math.abs(in.weight - e.weight));
            upper[i] = 1 - bound / Math.max(in.weight, e.weight);
            // Sort key: the bound in millionths, descending, then the index.
            order[i] = (1_000_000L - Math.round(Math.max(0, upper[i]) * 1_000_000)) << 20 | i;
        }
        Arrays.sort(order);
        double[] scores = new double[Intent.values().length];
        for (long key : order) {
            int i = (int) (key & 0xFFFFF);
            if (upper[i] + 1e-6 <= secondBest(scores)) {
                break;
            }
            Entry e = entries.get(i);
            if (upper[i] <= scores[e.intent.ordinal()] || negatedCancel(e, plain) || cutShortHelp(e, plain)) {
                continue;
            }
            Input in = e.hasSlots ? filled : plain;
            double similarity = 1 - distance(in.ids, in.weights, in.near, e.tokens) / Math.max(in.weight, e.weight);
            if (similarity > scores[e.intent.ordinal()]) {
                scores[e.intent.ordinal()] = similarity;
                best.put(e.intent, similarity);
            }
        }
        IntentMatch decided = decide(heard, best, acousticConfidence, fill.slots);
        return decided.intent() == Intent.HELP_EMERGENCY ? decided
                : negatedCancelAsHelp(plain, decided, acousticConfidence);
    }

    /**
     * A cancel phrase said with a negation it lacks ("I'm not fine", "it's not a false alarm"),
     * without one it has ("I need help" for "I don't need help"), or negating another word ("I'm
     * not fine" for "I'm not hurt") means something else, often the opposite. Such a phrase never
     * scores for the cancel; see {@link #negatedCancelAsHelp}.
     */
    private static boolean negatedCancel(Entry e, Input in) {
        return e.intent.negationSensitive() && !e.negations.equals(in.negations);
    }

    /**
     * "No, I'm not" is one word short of the help phrase "No, I'm not fine" and of the cancel "No,
     * I'm not hurt"; it says neither. A help phrase that negates a word is not matched by words whose
     * last negation negates nothing, unless the phrase ends in a negation too (as verb-final
     * languages do: "હું ઠીક નથી").
     */
    private static boolean cutShortHelp(Entry e, Input in) {
        return e.intent == Intent.HELP_EMERGENCY && !e.negations.isEmpty() && Negations.dangling(in.negations)
                && !Negations.dangling(e.negations);
    }

    /**
     * Words that match a cancel phrase as closely as a cancel must but have a negation more or
     * fewer, and read as nothing closer, are taken as a call for help, with a confidence low enough
     * that the assistant asks "Did you say you need help?" first. During a check-in they raise
     * help. Words with as many negations as the phrase but another negated word ("I'm not" for
     * "I'm not hurt", often a word lost in noise) are only kept from cancelling.
     */
    private IntentMatch negatedCancelAsHelp(Input in, IntentMatch decided, double acoustic) {
        double best = 0;
        for (Entry e : cancels) {
            if (Negations.count(e.negations) == Negations.count(in.negations)) {
                continue;
            }
            double longer = Math.max(in.weight, e.weight);
            double upper = 1 - Math.max(lowerBound(in, e), Math.abs(in.weight - e.weight)) / longer;
            if (upper >= Math.max(best, ACCEPT_SAFETY)) {
                best = Math.max(best, 1 - distance(in.ids, in.weights, in.near, e.tokens) / longer);
            }
        }
        if (best < ACCEPT_SAFETY || best <= decided.similarity() && decided.intent() != Intent.NONE) {
            return decided;
        }
        double confidence = Math.min(best * Math.max(0, Math.min(1, acoustic)), RUNNER_UP_CONFIDENCE);
        return new IntentMatch(Intent.HELP_EMERGENCY, best, confidence, Intent.ALARM_CANCEL, best,
                IntentMatch.Slots.EMPTY);
    }

    private IntentMatch decide(List<String> heard, Map<Intent, Double> best, double acoustic,
            IntentMatch.Slots slots) {
        Intent top = Intent.NONE;
        double topScore = 0;
        Intent second = Intent.NONE;
        double secondScore = 0;
        for (Map.Entry<Intent, Double> e : best.entrySet()) {
            if (e.getValue() > topScore) {
                second = top;
                secondScore = topScore;
                top = e.getKey();
                topScore = e.getValue();
            } else if (e.getValue() > secondScore) {
                second = e.getKey();
                secondScore = e.getValue();
            }
        }
        double confidence = topScore * Math.max(0, Math.min(1, acoustic));
        boolean clear = topScore - secondScore >= SAFETY_MARGIN;
        if (top.safetyCritical() && (topScore < ACCEPT_SAFETY || !clear)) {
            return new IntentMatch(Intent.NONE, topScore, confidence, top, topScore, IntentMatch.Slots.EMPTY);
        }
        boolean acting = top == Intent.CARER_CALL || top == Intent.REMINDER_SET || top == Intent.REMINDER_DAILY
                || top == Intent.REMINDER_CANCEL;
        if (topScore < (acting ? ACCEPT_ACTING : ACCEPT)) {
            Optional<Intent> byKeyword = keywordIntent(heard, best);
            if (byKeyword.isPresent()) {
                double score = best.getOrDefault(byKeyword.get(), 0.0);
                return new IntentMatch(byKeyword.get(), score, score * Math.max(0, Math.min(1, acoustic)), top,
                        topScore, IntentMatch.Slots.EMPTY);
            }
            return new IntentMatch(Intent.NONE, topScore, confidence, top, topScore, IntentMatch.Slots.EMPTY);
        }
        return new IntentMatch(top, topScore, confidence, second, secondScore,
                top == Intent.REMINDER_SET || top == Intent.REMINDER_DAILY ? slots : IntentMatch.Slots.EMPTY);
    }

    private record SlotFill(List<String> tokens, IntentMatch.Slots slots) {
    }

    /** Replaces a task phrase by {task} and a time expression by {time}, remembering their values. */
    private SlotFill fillSlots(List<String> heard) {
        List<String> tokens = new ArrayList<>(heard);
        String task = null;
        for (Map.Entry<String, List<SlotValue>> slot : language.slots().entrySet()) {
            SlotPlace place = findSlot(tokens, slot.getValue());
            if (place != null) {
                tokens.subList(place.at, place.at + place.length).clear();
                tokens.add(place.at, "{" + slot.getKey() + "}");
                if (slot.getKey().equals("task")) {
                    task = place.spoken;
                }
            }
        }
        Optional<TimeSlotParser.Span> time = language.times().find(tokens);
        if (time.isPresent()) {
            TimeSlotParser.Span s = time.get();
            tokens.subList(s.start(), s.end()).clear();
            tokens.add(s.start(), "{time}");
            return new SlotFill(tokens, new IntentMatch.Slots(s.time(), s.halfDayKnown(), task));
        }
        return new SlotFill(tokens, new IntentMatch.Slots(null, false, task));
    }

    /**
     * A second chance for a garbled question: a content word used by one intent only ("library",
     * "council tax"'s "tax", "cope") names that intent, if no other such word disagrees and the
     * words overlap its phrases at all. Never for help, cancel, a carer call or a reminder: those
     * act on the world and need the whole phrase.
     */
    private Optional<Intent> keywordIntent(List<String> heard, Map<Intent, Double> best) {
        Intent found = null;
        for (String w : heard) {
            Intent owner = distinctive.get(w);
            if (owner == null || owner == Intent.NONE) {
                continue; // small-talk words neither vote nor veto
            }
            if (found != null && found != owner) {
                return Optional.empty();
            }
            found = owner;
        }
        if (found == null || found.safetyCritical() || found == Intent.CARER_CALL || found == Intent.REMINDER_SET
                || found == Intent.REMINDER_DAILY || found == Intent.REMINDER_CANCEL || found == Intent.NONE || best.getOrDefault(found, 0.0) < KEYWORD_FLOOR) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    /** Content words that occur in the phrases of exactly one intent. */
    private Map<String, Intent> distinctiveWords() {
        Map<String, Intent> owner = new HashMap<>();
        Map<String, Boolean> shared = new HashMap<>();
        for (Entry e : entries) {
            for (int id : e.tokens) {
                String w = words.get(id);
                if (w.startsWith("{") || language.fillers().contains(w)) {
                    continue;
                }
                Intent before = owner.putIfAbsent(w, e.intent);
                if (before != null && before != e.intent) {
                    shared.put(w, true);
                }
            }
        }
        // Slot values belong to reminders, whatever else uses their words.
        for (List<SlotValue> values : language.slots().values()) {
            for (SlotValue v : values) {
                v.tokens().forEach(t -> shared.put(t, true));
            }
        }
        shared.keySet().forEach(owner::remove);
        return owner;
    }

    /** Where a slot value sits in the words; {@code spoken} is null when near misses leave it ambiguous. */
    private record SlotPlace(int at, int length, String spoken) {
    }

    /**
     * The longest slot value said exactly, else one of three or more words said with one word
     * wrong ("take my feel" for "take my pills"). When several values fit that loosely and say
     * different things, the slot is still placed but its value is left unknown, so a reminder
     * falls back to "this is your reminder" rather than naming the wrong task.
     */
    private static SlotPlace findSlot(List<String> tokens, List<SlotValue> values) {
        SlotValue exact = null;
        int exactAt = -1;
        for (SlotValue v : values) {
            int i = indexOf(tokens, v.tokens());
            if (i >= 0 && (exact == null || v.tokens().size() > exact.tokens().size())) {
                exact = v;
                exactAt = i;
            }
        }
        if (exact != null) {
            return new SlotPlace(exactAt, exact.tokens().size(), exact.spoken());
        }
        SlotPlace loose = null;
        boolean ambiguous = false;
        for (SlotValue v : values) {
            int n = v.tokens().size();
            if (n < 3) {
                continue;
            }
            for (int i = 0; i + n <= tokens.size(); i++) {
                int wrong = 0;
                for (int k = 0; k < n && wrong <= 1; k++) {
                    if (!tokens.get(i + k).equals(v.tokens().get(k))) {
                        wrong++;
                    }
                }
                if (wrong == 1) {
                    if (loose == null) {
                        loose = new SlotPlace(i, n, v.spoken());
                    } else if (loose.at != i || loose.length != n || !v.spoken().equals(loose.spoken)) {
                        ambiguous = true;
                    }
                }
            }
        }
        if (loose == null) {
            return null;
        }
        return ambiguous ? new SlotPlace(loose.at, loose.length, null) : loose;
    }

    private static int indexOf(List<String> haystack, List<String> needle) {
        outer:
        for (int i = 0; i + needle.size() <= haystack.size(); i++) {
            for (int k = 0; k < needle.size(); k++) {
                if (!haystack.get(i + k).equals(needle.get(k))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
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

    private static double secondBest(double[] scores) {
        double first = 0;
        double second = 0;
        for (double v : scores) {
            if (v > first) {
                second = first;
                first = v;
            } else if (v > second) {
                second = v;
            }
        }
        return second;
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
        if (!a.equals(UNKNOWN) && !a.startsWith("{")) {
            for (int w = 0; w < row.length; w++) {
                String b = words.get(w);
                row[w] = !b.startsWith("{") && nearMiss(a, b);
            }
        }
        if (nearMissRows.size() > 10_000) {
            nearMissRows.clear(); // typed text is unbounded; recognised words are not
        }
        nearMissRows.put(a, row);
        return row;
    }

    /** "tablet" for "tablets", "fell" for "fall": same word, another form. */
    private static boolean nearMiss(String a, String b) {
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
