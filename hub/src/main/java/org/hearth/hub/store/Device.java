package org.hearth.hub.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A carer's or an operator's device, enrolled with an invite. Its credential is kept only as a
 * SHA-256 hash and is not part of this record.
 *
 * @param id          short and random, {@code d-} and 8 characters; what {@code hearth-hub revoke} takes
 * @param carer       the carer's (or operator's) name from the invite
 * @param name        what the carer called the device ("Priya's phone")
 * @param created     when it enrolled
 * @param homes       the homes it may see, each with the carer's level there; an operator's are
 *                    every home of its organisation as the store holds them now, at level 0
 * @param operatorOrg the organisation an operator's device watches; empty for a carer's
 */
public record Device(String id, String carer, String name, Instant created, List<Grant> homes, String operatorOrg) {

    /** A carer's device. */
    public Device(String id, String carer, String name, Instant created, List<Grant> homes) {
        this(id, carer, name, created, homes, "");
    }

    /** An operator watches the homes of an organisation; only the homes' carers act on their alerts. */
    public boolean operator() {
        return !operatorOrg.isEmpty();
    }

    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(carer, "carer");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(operatorOrg, "operatorOrg");
        homes = List.copyOf(homes);
    }

    /** Whether this device may see the home's data. */
    public boolean maySee(String homeId) {
        return homes.stream().anyMatch(g -> g.homeId().equals(homeId));
    }

    /** A home a device may see, and the carer's level on that home's ladder. */
    public record Grant(String homeId, int level) {
    }
}
