package org.hearth.voice.intent;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores what was heard against every template phrase of a language and picks an intent.
 *
 * <p>A grammar-mode recogniser can put any grammar words in any order, so the matcher does not look
 * phrases up: it aligns the words with each phrase by a weighted edit distance ({@link PhraseTable}),
 * after finding a reminder's slots ({@link SlotFiller}). This class holds the search and the rules
 * for accepting its result.
 *
 * <p>Help and cancel are safety-critical. A false help alarms a family; a false cancel silences a
 * real alarm. They need a higher similarity and a clear margin over the next intent, so
 * out-of-domain speech falls to {@link Intent#NONE} instead. Negations have their own rules
 * ({@link NegationRules}); a garbled question gets a second chance from its keywords
 * ({@link Keywords}). See docs/voice.md.
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

    private final LanguageResources language;
    private final PhraseTable table;
    private final SlotFiller slots;
    private final Keywords keywords;
    private final NegationRules negations;

    public IntentMatcher(LanguageResources language) {
        this.language = language;
        this.table = new PhraseTable(language);
        this.slots = new SlotFiller(language);
        this.keywords = new Keywords(table, language);
        this.negations = new NegationRules(table);
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
        SlotFiller.Filled fill = slots.fill(heard);
        Map<Intent, Double> best = new EnumMap<>(Intent.class);
        PhraseTable.Input plain = table.input(heard);
        PhraseTable.Input filled = fill.tokens().equals(heard) ? plain : table.input(fill.tokens());
        // Bound every phrase cheaply, then align the most promising first: once no phrase left can
        // reach the second-best intent's score, the top two cannot change and the rest is skipped.
        List<PhraseTable.Phrase> phrases = table.phrases();
        int n = phrases.size();
        double[] upper = new double[n];
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            PhraseTable.Phrase e = phrases.get(i);
            upper[i] = table.upperBound(e.hasSlots() ? filled : plain, e);
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
            PhraseTable.Phrase e = phrases.get(i);
            if (upper[i] <= scores[e.intent().ordinal()] || NegationRules.rulesOut(e, plain)) {
                continue;
            }
            double similarity = table.similarity(e.hasSlots() ? filled : plain, e);
            if (similarity > scores[e.intent().ordinal()]) {
                scores[e.intent().ordinal()] = similarity;
                best.put(e.intent(), similarity);
            }
        }
        IntentMatch decided = decide(heard, best, acousticConfidence, fill.slots());
        return decided.intent() == Intent.HELP_EMERGENCY ? decided
                : negations.asHelp(plain, decided, acousticConfidence);
    }

    /** Intents that act on the world (a message to a carer, a reminder set or cancelled): they need more. */
    static boolean acting(Intent intent) {
        return intent == Intent.CARER_CALL || intent == Intent.REMINDER_SET || intent == Intent.REMINDER_DAILY
                || intent == Intent.REMINDER_CANCEL;
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
        if (topScore < (acting(top) ? ACCEPT_ACTING : ACCEPT)) {
            Optional<Intent> byKeyword = keywords.intentOf(heard, best);
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
}
