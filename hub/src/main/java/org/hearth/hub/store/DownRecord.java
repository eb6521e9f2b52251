package org.hearth.hub.store;

import java.time.Instant;
import java.util.Optional;

/**
 * An entry queued for a home's gateway, applied or not: what carers did through the hub.
 *
 * @param body    the entry's other fields, a JSON object, as {@link DownEntry#body()}
 * @param applied when the gateway said it applied it, if it has
 */
public record DownRecord(long seq, String kind, String body, Instant created, Optional<Instant> applied) {
}
