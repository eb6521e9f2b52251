package org.hearth.voice.recognition;

import java.io.IOException;
import javax.sound.sampled.AudioInputStream;
import org.hearth.voice.Heard;

/** Hears one utterance at a time from 16 kHz mono audio. Not thread-safe: one listener owns it. */
public interface SpeechRecognizer extends AutoCloseable {

    /**
     * Reads {@code audio} until the speaker has finished, nobody spoke before the timeout, or the
     * stream ends, and returns what was said. The audio is read into memory and dropped.
     */
    Heard listen(AudioInputStream audio) throws IOException;

    @Override
    void close();
}
