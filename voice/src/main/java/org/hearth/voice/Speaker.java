package org.hearth.voice;

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

    /** Stops what is being said and drops what is queued. */
    default void stop() {
    }
}
