package org.hearth.voice.speech;

import java.io.PrintStream;
import org.hearth.voice.Speaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the speaker: espeak-ng if it is installed, else one that prints replies. */
public final class Speakers {

    private static final Logger LOG = LoggerFactory.getLogger(Speakers.class);

    private Speakers() {
    }

    /** espeak-ng at {@code wordsPerMinute} to the sound card, or printing to {@code out} if it is missing. */
    public static Speaker create(int wordsPerMinute, PrintStream out) {
        PrintingSpeaker printing = new PrintingSpeaker(out);
        return Executables.onPath("espeak-ng")
                .<Speaker>map(path -> new EspeakSpeaker(path, wordsPerMinute, EspeakSpeaker.Output.DEVICE, printing))
                .orElseGet(() -> {
                    LOG.warn("espeak-ng is not installed; replies are printed, not spoken (apt-get install espeak-ng)");
                    return printing;
                });
    }
}
