package org.hearth.voice.intent;

/**
 * How negations change what the words mean. A negation costs only one word in the distance, so
 * "No, I'm not fine" is close to "No, I'm fine": a cancel phrase therefore matches only words that
 * negate the same words it does (the language's {@code @negations}), and words that would have been
 * a cancel but for a negation are taken as help, to be confirmed first. See docs/voice.md.
 */
final class NegationRules {

    private final PhraseTable table;

    NegationRules(PhraseTable table) {
        this.table = table;
    }

    /** Whether the phrase may not score for these words at all, whatever their distance. */
    static boolean rulesOut(PhraseTable.Phrase p, PhraseTable.Input in) {
        return negatedCancel(p, in) || cutShortHelp(p, in);
    }

    /**
     * A cancel phrase said with a negation it lacks ("I'm not fine", "it's not a false alarm"),
     * without one it has ("I need help" for "I don't need help"), or negating another word ("I'm
     * not fine" for "I'm not hurt") means something else, often the opposite. Such a phrase never
     * scores for the cancel; see {@link #asHelp}.
     */
    private static boolean negatedCancel(PhraseTable.Phrase p, PhraseTable.Input in) {
        return p.intent().negationSensitive() && !p.negations().equals(in.negations);
    }

    /**
     * "No, I'm not" is one word short of the help phrase "No, I'm not fine" and of the cancel "No,
     * I'm not hurt"; it says neither. A help phrase that negates a word is not matched by words whose
     * last negation negates nothing, unless the phrase ends in a negation too (as verb-final
     * languages do: "હું ઠીક નથી").
     */
    private static boolean cutShortHelp(PhraseTable.Phrase p, PhraseTable.Input in) {
        return p.intent() == Intent.HELP_EMERGENCY && !p.negations().isEmpty() && Negations.dangling(in.negations)
                && !Negations.dangling(p.negations());
    }

    /**
     * Words that match a cancel phrase as closely as a cancel must but have a negation more or
     * fewer, and read as nothing closer, are taken as a call for help, with a confidence low enough
     * that the assistant asks "Did you say you need help?" first. During a check-in they raise
     * help. Words with as many negations as the phrase but another negated word ("I'm not" for
     * "I'm not hurt", often a word lost in noise) are only kept from cancelling.
     */
    IntentMatch asHelp(PhraseTable.Input in, IntentMatch decided, double acoustic) {
        double best = 0;
        for (PhraseTable.Phrase p : table.cancels()) {
            if (Negations.count(p.negations()) == Negations.count(in.negations)) {
                continue;
            }
            if (table.upperBound(in, p) >= Math.max(best, IntentMatcher.ACCEPT_SAFETY)) {
                best = Math.max(best, table.similarity(in, p));
            }
        }
        if (best < IntentMatcher.ACCEPT_SAFETY || best <= decided.similarity() && decided.intent() != Intent.NONE) {
            return decided;
        }
        double confidence = Math.min(best * Math.max(0, Math.min(1, acoustic)), IntentMatcher.RUNNER_UP_CONFIDENCE);
        return new IntentMatch(Intent.HELP_EMERGENCY, best, confidence, Intent.ALARM_CANCEL, best,
                IntentMatch.Slots.EMPTY);
    }
}
