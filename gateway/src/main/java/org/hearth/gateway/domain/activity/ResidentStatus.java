package org.hearth.gateway.domain.activity;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether the resident is up, in bed or out, as the activity watch concludes it now, for the
 * remote check. {@code words} are the watch's own, for people; code reads {@code state}.
 *
 * @param since when that began, or null when the watch cannot tell
 */
public record ResidentStatus(State state, Instant since, String words) {

    /** What the sensors show. */
    public enum State {
        /** Moving about at home, outside the bed. */
        UP,
        /** The bed mat is pressed. */
        IN_BED,
        /** Gone out through the entry, and no movement at home since. */
        OUT,
        /** No movement seen yet, or last seen in a bedroom with no bed mat to tell sleep from waking. */
        UNKNOWN
    }

    public ResidentStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(words, "words");
    }
}
