package org.hearth.hub.store;

import java.util.Optional;

/** What presenting an invite code did: a new device, or why not. */
public record Enrolment(Status status, Optional<Device> device) {

    public enum Status {
        /** A device was made; the invite is used up. */
        ENROLLED,
        /** No invite has this code. */
        NOT_FOUND,
        /** The invite is older than its expiry. */
        EXPIRED,
        /** The invite enrolled a device before. */
        ALREADY_USED
    }

    static Enrolment refused(Status status) {
        return new Enrolment(status, Optional.empty());
    }
}
