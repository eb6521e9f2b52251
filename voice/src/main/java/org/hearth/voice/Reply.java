package org.hearth.voice;

import org.hearth.voice.intent.Intent;

/**
 * What the assistant answered. {@code expectsAnswer} means it asked a question and the listener
 * should listen again straight away, without waiting for the button or the wake phrase.
 * {@code key} is the language files' reply key the text was made from ("checkin.prompt"), empty
 * for text put together from several; a speaker of recorded prompts plays the recording by it.
 */
public record Reply(Intent intent, String text, boolean expectsAnswer, String key) {

    public Reply {
        key = key == null ? "" : key;
    }

    public Reply(Intent intent, String text, boolean expectsAnswer) {
        this(intent, text, expectsAnswer, "");
    }

    /** No words at all: nobody spoke and nothing was waiting for an answer. */
    public static Reply quiet(Intent intent) {
        return new Reply(intent, "", false);
    }

    public boolean isQuiet() {
        return text.isEmpty();
    }
}
