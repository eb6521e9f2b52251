package org.hearth.sensors.gpio;

import java.time.Duration;
import java.util.function.Consumer;
import org.hearth.time.Scheduler;

/**
 * Turns a bouncing line into clean changes. The first edge after a quiet spell is reported at
 * once, so a pulled cord costs no latency; edges within {@code window} after a reported change
 * are bounce and are ignored; when the window ends, the line's level then is reported if it
 * differs, so a short genuine pulse is never left stuck active.
 *
 * <p>Not thread-safe: call {@link #onLevel} on the scheduler's thread.
 */
final class Debouncer {

    private final Scheduler scheduler;
    private final Duration window;
    private final Consumer<Boolean> onChange;
    private boolean stable;
    private boolean raw;
    private boolean settling;

    Debouncer(Scheduler scheduler, Duration window, boolean initial, Consumer<Boolean> onChange) {
        this.scheduler = scheduler;
        this.window = window;
        this.onChange = onChange;
        this.stable = initial;
        this.raw = initial;
    }

    void onLevel(boolean level) {
        raw = level;
        if (!settling && level != stable) {
            report(level);
        }
    }

    private void report(boolean level) {
        stable = level;
        onChange.accept(level);
        if (!window.isZero()) {
            settling = true;
            scheduler.schedule(window, this::settle);
        }
    }

    private void settle() {
        settling = false;
        if (raw != stable) {
            report(raw);
        }
    }
}
