package org.hearth.hub.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A device granted a home, as the home's export lists it: no credential, no push keys.
 *
 * @param level   the carer's level on the home's ladder
 * @param revoked when it was revoked, if it was
 * @param push    whether it has a Web Push subscription now
 */
public record HomeDevice(String id, String carer, String name, int level, Instant created, Optional<Instant> revoked,
                         boolean push) {
}
