package org.hearth.voice;

import java.util.OptionalInt;

/**
 * Says a reply out loud. {@link org.hearth.voice.speech.EspeakSpeaker} is the real one; the
 * gateway may wrap it (to duck an alarm tone, say).
 */
public interface Speaker {

    /**
     * Starts saying {@code text} in the language with code {@code language} (en, gu, hi, pa, ur,
     * pl, bn) and returns without waiting for it to finish. Replies queue; they never overlap.
     */
    void say(String text, String language);

    /**
     * Says a reply made from the language files' reply {@code key} ("checkin.prompt"; empty for
     * text put together from several). A speaker of recorded prompts plays the recording of that
     * key instead of the words; every other speaker just says the text.
     */
    default void say(String text, String language, String key) {
        say(text, language);
    }

    /** Stops what is being said and drops what is queued. */
    default void stop() {
    }

    /**
     * Waits until everything queued has been said. The listener calls it before it opens the
     * microphone, so the device never hears its own "say I'm fine" as the resident's answer.
     * Called from the listener's thread.
     */
    default void awaitSilence() throws InterruptedException {
    }

    /** How fast it speaks, in words a minute; empty if this speaker has no rate to change. */
    default OptionalInt rate() {
        return OptionalInt.empty();
    }

    /** Speaks at {@code wordsPerMinute} from the next reply on. Ignored by a speaker with no rate. */
    default void rate(int wordsPerMinute) {
    }
}
