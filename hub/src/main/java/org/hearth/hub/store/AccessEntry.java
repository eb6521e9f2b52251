package org.hearth.hub.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a home's access log: a device read or acted on the home's data, or was refused it.
 *
 * @param what what was asked, e.g. {@code alerts}, {@code alert 3f2b…}, {@code refused summary}
 */
public record AccessEntry(Instant at, String deviceId, String homeId, String what) {

    public AccessEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(homeId, "homeId");
        Objects.requireNonNull(what, "what");
    }
}
