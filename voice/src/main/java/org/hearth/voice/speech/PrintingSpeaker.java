package org.hearth.voice.speech;

import java.io.PrintStream;
import org.hearth.voice.Speaker;

/** Prints replies instead of saying them: where espeak-ng is missing, and for a quiet CLI. */
public final class PrintingSpeaker implements Speaker {

    private final PrintStream out;

    public PrintingSpeaker(PrintStream out) {
        this.out = out;
    }

    @Override
    public void say(String text, String language) {
        out.println("say[" + language + "]: " + text);
    }
}
