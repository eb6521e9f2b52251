package org.hearth.hub.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of {@code GET /homes}: a home with what needs someone, read for many homes in one query.
 *
 * @param openAlerts   how many of its alerts are not resolved
 * @param lastHeard    the last heartbeat, if any was heard
 * @param silent       whether GATEWAY SILENT is its newest gateway event
 * @param unanswered   how many of its open alerts nobody has acknowledged
 * @param waitingSince when the hub received the oldest of those, if any
 * @param phone        the resident's phone number, normalised, if one is set
 */
public record HomeOverview(String id, String label, long openAlerts, Optional<Instant> lastHeard, boolean silent, long unanswered,
                           Optional<Instant> waitingSince, Optional<String> phone) {

    /** A heartbeat heard and no GATEWAY SILENT since. */
    public boolean connected() {
        return lastHeard.isPresent() && !silent;
    }
}
