package org.hearth.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The wall clock was set: it now reads {@code after} where the monotonic clock says it should read
 * {@code before}. A Raspberry Pi has no real-time clock; it boots from the last saved time (or
 * 1970) and is set when NTP first answers, minutes later, by hours or days, now and then backwards.
 *
 * <p>Whoever keeps instants read before the jump moves them by {@link #by()}: the time between two
 * moments is what the monotonic clock measured, and the new wall clock tells the time of day.
 *
 * @param before what the wall clock would read had it not been set
 * @param after  what it reads now
 */
public record ClockJump(Instant before, Instant after) {

    public ClockJump {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** How far the wall clock moved, beyond the time that passed: positive forwards, negative backwards. */
    public Duration by() {
        return Duration.between(before, after);
    }

    /** An instant read before the jump, in the wall clock's terms after it. */
    public Instant rebase(Instant readBefore) {
        return readBefore == null ? null : readBefore.plus(by());
    }
}
