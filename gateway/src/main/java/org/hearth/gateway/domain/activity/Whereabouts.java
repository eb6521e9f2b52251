package org.hearth.gateway.domain.activity;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether the resident is out, as last settled. Only settled changes are kept: a departure still
 * being judged (the door opened, minutes of silence so far) is forgotten at a restart, so the
 * restarted detector takes the resident to be home and would rather ask than assume they left.
 *
 * @param away  the resident is out
 * @param since when they went out, or when they were last known to come back
 */
public record Whereabouts(boolean away, Instant since) {

    public Whereabouts {
        Objects.requireNonNull(since, "since");
    }
}
