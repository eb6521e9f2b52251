package org.hearth.hub.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A one-time invitation, made by {@code hearth-hub invite}: a carer's to one home, or an
 * operator's to every home of an organisation. The store keeps only the SHA-256 of its code, never
 * the code.
 *
 * @param homeId      the home it grants; empty for an operator
 * @param carer       the carer's name, as the home's ladder names them ({@code via: hub}), or the operator's
 * @param level       the carer's level on that ladder, from 1
 * @param created     when it was made
 * @param expires     after this it no longer enrols anyone
 * @param operatorOrg the organisation whose homes an operator watches; empty for a carer
 */
public record Invite(String homeId, String carer, int level, Instant created, Instant expires, String operatorOrg) {

    /** A carer's invitation to one home. */
    public Invite(String homeId, String carer, int level, Instant created, Instant expires) {
        this(homeId, carer, level, created, expires, "");
    }

    /** An operator's invitation to watch every home of {@code org}. */
    public static Invite operator(String org, String name, Instant created, Instant expires) {
        if (org.isBlank()) {
            throw new IllegalArgumentException("an operator's organisation must be named");
        }
        return new Invite("", name, 1, created, expires, org);
    }

    public Invite {
        Objects.requireNonNull(homeId, "homeId");
        Objects.requireNonNull(carer, "carer");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(operatorOrg, "operatorOrg");
        if (level < 1) {
            throw new IllegalArgumentException("level counts from 1, was " + level);
        }
    }
}
