package org.hearth.protocol;

import java.time.Instant;
import java.util.Objects;

/**
 * The gateway is alive: POST {@code /heartbeat} on each carer endpoint, every interval.
 *
 * @param v        protocol version
 * @param home     the home's label
 * @param at       when sent
 * @param seq      increases by one per heartbeat since the gateway started
 * @param interval seconds until the next heartbeat is due; carers alarm after three missed
 * @param state    {@code running}, or {@code stopping} on an orderly shutdown
 */
public record Heartbeat(int v, String home, Instant at, long seq, long interval, String state) {

    public static final String RUNNING = "running";
    public static final String STOPPING = "stopping";

    public Heartbeat {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(state, "state");
        if (interval < 1) {
            throw new IllegalArgumentException("interval must be at least 1 s, was " + interval);
        }
    }
}
