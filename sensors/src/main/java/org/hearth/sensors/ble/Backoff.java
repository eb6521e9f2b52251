package org.hearth.sensors.ble;

import java.time.Duration;

/**
 * How long to wait before calling a lost pendant again: {@link #FIRST} after the loss, doubling at
 * each failure up to a ceiling (the pendant's {@code reconnect_every}). A link that comes back, or
 * BlueZ or the adapter reappearing, starts it over. Waiting is the caller's scheduled step, never a sleep.
 */
final class Backoff {

    /** The first wait: a bluetoothd restart or a pendant at the edge of range is usually back within a second or two. */
    static final Duration FIRST = Duration.ofSeconds(1);

    private final Duration ceiling;
    private Duration next;

    Backoff(Duration ceiling) {
        if (ceiling.isNegative() || ceiling.isZero()) {
            throw new IllegalArgumentException("the backoff's ceiling must be positive");
        }
        this.ceiling = ceiling;
        reset();
    }

    /** The wait before the next call; each call doubles the one after it, up to the ceiling. */
    Duration next() {
        Duration now = next;
        next = min(next.multipliedBy(2), ceiling);
        return now;
    }

    /** The link works again (or BlueZ is back): the next loss waits {@link #FIRST} again. */
    void reset() {
        next = min(FIRST, ceiling);
    }

    Duration ceiling() {
        return ceiling;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
