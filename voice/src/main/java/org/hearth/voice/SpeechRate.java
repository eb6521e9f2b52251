package org.hearth.voice;

import java.time.LocalDate;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Slower": each one takes the speaker a step slower, down to espeak-ng's floor, until the end of
 * the day; the next day starts at the speaker's own rate.
 */
final class SpeechRate {

    /** Logged under the assistant's name, as the conversation always has been. */
    private static final Logger LOG = LoggerFactory.getLogger(Assistant.class);

    /** espeak-ng's slowest rate, words a minute. */
    static final int SLOWEST_RATE = 80;
    /** How much slower each "slower" makes it: from the usual 135, three steps reach the floor. */
    static final int RATE_STEP = 20;

    private final Speaker speaker;
    private final Scheduler scheduler;
    /** The speaker's own rate, and the day "slower" changed it. */
    private int usualRate;
    private LocalDate slowedOn;

    SpeechRate(Speaker speaker, Scheduler scheduler) {
        this.speaker = speaker;
        this.scheduler = scheduler;
    }

    /** One step slower; false if the speaker is at its slowest already or has no rate to change. */
    boolean slowDown() {
        if (speaker.rate().isEmpty()) {
            return false;
        }
        int rate = speaker.rate().getAsInt();
        int slower = Math.max(SLOWEST_RATE, rate - RATE_STEP);
        if (slower == rate) {
            return false;
        }
        if (slowedOn == null) {
            usualRate = rate;
        }
        slowedOn = today();
        speaker.rate(slower);
        LOG.info("Speech rate {} words a minute until the end of the day", slower);
        return true;
    }

    /** Call before speaking: on a day after "slower", back to the usual rate. */
    void restoreIfNewDay() {
        if (slowedOn != null && !today().equals(slowedOn)) {
            speaker.rate(usualRate);
            slowedOn = null;
        }
    }

    private LocalDate today() {
        return LocalDate.now(scheduler.clock());
    }
}
