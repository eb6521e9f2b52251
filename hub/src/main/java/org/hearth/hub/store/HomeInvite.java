package org.hearth.hub.store;

import java.time.Instant;
import java.util.Optional;

/** An invite to a home, as the home's export lists it: never its code (the store has only a hash). */
public record HomeInvite(String carer, int level, Instant created, Instant expires, Optional<Instant> used) {
}
