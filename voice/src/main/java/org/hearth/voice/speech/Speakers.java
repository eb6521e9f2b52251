package org.hearth.voice.speech;

import java.io.PrintStream;
import org.hearth.voice.Speaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the speaker: espeak-ng if it is installed, else a fallback. */
public final class Speakers {

    private static final Logger LOG = LoggerFactory.getLogger(Speakers.class);

    private Speakers() {
    }

    /** espeak-ng at {@code wordsPerMinute} to the sound card, or printing to {@code out} if it is missing: for commands. */
    public static Speaker create(int wordsPerMinute, PrintStream out) {
        return create(wordsPerMinute, new PrintingSpeaker(out), "printed");
    }

    /**
     * For the daemon: espeak-ng, or nothing. What a daemon prints goes to the journal, and a reply
     * can say what the resident asked about (benefits, a medicine), so replies are never printed.
     */
    public static Speaker unprinted(int wordsPerMinute) {
        return create(wordsPerMinute, (text, language) -> { }, "not written anywhere");
    }

    private static Speaker create(int wordsPerMinute, Speaker fallback, String instead) {
        return Executables.onPath("espeak-ng")
                .<Speaker>map(path -> new EspeakSpeaker(path, wordsPerMinute, EspeakSpeaker.Output.DEVICE, fallback))
                .orElseGet(() -> {
                    LOG.warn("espeak-ng is not installed; replies are {}, not spoken (apt-get install espeak-ng)", instead);
                    return fallback;
                });
    }
}
