package org.hearth.voice.intent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A second chance for a garbled question: a content word used by one intent only ("library",
 * "council tax"'s "tax", "cope") names that intent, if no other such word disagrees and the words
 * overlap its phrases at all. Never for help, cancel, a carer call or a reminder: those act on the
 * world and need the whole phrase ({@link IntentMatcher#acting}).
 */
final class Keywords {

    /** A keyword alone is trusted only if the words also resemble the intent's phrases this much. */
    private static final double KEYWORD_FLOOR = 0.3;

    private final Map<String, Intent> distinctive;

    Keywords(PhraseTable table, LanguageResources language) {
        this.distinctive = distinctiveWords(table, language);
    }

    /** The intent the words' keywords name; {@code best} is each intent's best similarity. */
    Optional<Intent> intentOf(List<String> heard, Map<Intent, Double> best) {
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
        if (found == null || found.safetyCritical() || IntentMatcher.acting(found) || found == Intent.NONE
                || best.getOrDefault(found, 0.0) < KEYWORD_FLOOR) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    /** Content words that occur in the phrases of exactly one intent. */
    private static Map<String, Intent> distinctiveWords(PhraseTable table, LanguageResources language) {
        Map<String, Intent> owner = new HashMap<>();
        Map<String, Boolean> shared = new HashMap<>();
        for (PhraseTable.Phrase p : table.phrases()) {
            for (int id : p.tokens()) {
                String w = table.word(id);
                if (w.startsWith("{") || language.fillers().contains(w)) {
                    continue;
                }
                Intent before = owner.putIfAbsent(w, p.intent());
                if (before != null && before != p.intent()) {
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
}
