package org.hearth.hub.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A carer's one-time invitation to a home, made by {@code hearth-hub invite}. The store keeps
 * only the SHA-256 of its code, never the code.
 *
 * @param homeId  the home it grants
 * @param carer   the carer's name, as the home's ladder names them ({@code via: hub})
 * @param level   the carer's level on that ladder, from 1
 * @param created when it was made
 * @param expires after this it no longer enrols anyone
 */
public record Invite(String homeId, String carer, int level, Instant created, Instant expires) {

    public Invite {
        Objects.requireNonNull(homeId, "homeId");
        Objects.requireNonNull(carer, "carer");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        if (level < 1) {
            throw new IllegalArgumentException("level counts from 1, was " + level);
        }
    }
}
