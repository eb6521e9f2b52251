package org.hearth.voice.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Speech for tests, made now with espeak-ng and sox in memory. Fails with an install hint when a
 * tool is missing: these tests never skip.
 */
public final class Clips {

    private static ClipSynthesizer synth;
    private static byte[] noise;

    private Clips() {
    }

    public static synchronized ClipSynthesizer synth() {
        if (synth == null) {
            synth = ClipSynthesizer.create();
        }
        return synth;
    }

    /** The phrase with 300 ms of silence before and {@code tailMs} after. */
    public static byte[] speech(String text, String voice, int wpm, int tailMs) {
        try {
            return ClipSynthesizer.pad(synth().speak(text, voice, wpm), 300, tailMs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Twenty seconds of repeatable pink noise. */
    public static synchronized byte[] noise() {
        if (noise == null) {
            try {
                noise = synth().pinkNoise(20);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return noise;
    }
}
