package org.hearth.voice.intent;

import java.util.List;

/** One way to say a slot value ("my pills") and how the assistant says it back ("take your tablets"). */
public record SlotValue(List<String> tokens, String spoken) {
    public SlotValue {
        tokens = List.copyOf(tokens);
    }
}
