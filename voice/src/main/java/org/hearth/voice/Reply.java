package org.hearth.voice;

import org.hearth.voice.intent.Intent;

/**
 * What the assistant answered. {@code expectsAnswer} means it asked a question and the listener
 * should listen again straight away, without waiting for the button or the wake phrase.
 */
public record Reply(Intent intent, String text, boolean expectsAnswer) {

    /** No words at all: nobody spoke and nothing was waiting for an answer. */
    public static Reply quiet(Intent intent) {
        return new Reply(intent, "", false);
    }

    public boolean isQuiet() {
        return text.isEmpty();
    }
}
