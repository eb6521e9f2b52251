package org.hearth.voice.intent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a reminder's slots in what was heard: replaces a task phrase ("take my pills") by
 * {@code {task}} and a time expression by {@code {time}}, so the words can be aligned with the
 * templates, and remembers what they said.
 */
final class SlotFiller {

    /** The words with their slots replaced, and the values found. */
    record Filled(List<String> tokens, IntentMatch.Slots slots) {
    }

    /** Where a slot value sits in the words; {@code spoken} is null when near misses leave it ambiguous. */
    private record SlotPlace(int at, int length, String spoken) {
    }

    private final LanguageResources language;

    SlotFiller(LanguageResources language) {
        this.language = language;
    }

    Filled fill(List<String> heard) {
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
            return new Filled(tokens, new IntentMatch.Slots(s.time(), s.halfDayKnown(), task));
        }
        return new Filled(tokens, new IntentMatch.Slots(null, false, task));
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
}
