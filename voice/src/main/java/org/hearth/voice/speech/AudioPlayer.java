package org.hearth.voice.speech;

import java.io.IOException;
import javax.sound.sampled.AudioInputStream;

/** Plays sound to the resident: a recorded prompt, or a tone. Blocks until it has been played. */
public interface AudioPlayer {

    void play(AudioInputStream audio) throws IOException;

    /** Cuts off what is playing; called from another thread. */
    default void stop() {
    }
}
