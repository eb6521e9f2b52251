package org.hearth.sensors.ble;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hearth.sensors.PendantSpec;

/**
 * The ids and Bluetooth addresses a {@link PendantSet}'s pendants took, so that the real set and
 * the emulated one refuse the same things: two pendants with one id (their health and alerts would
 * mix), or with one address (one device read twice). Not thread-safe: its set's lock guards it.
 */
final class PendantIds {

    /** Each pendant's id by its address, in the order added. */
    private final Map<String, String> owners = new LinkedHashMap<>();

    /** Takes {@code spec}'s id and address, or throws, taking nothing, if another pendant has either. */
    void claim(PendantSpec spec) {
        if (owners.containsValue(spec.id())) {
            throw new IllegalArgumentException("two pendants are named " + spec.id());
        }
        String owner = owners.putIfAbsent(spec.address(), spec.id());
        if (owner != null) {
            throw new IllegalArgumentException(owner + " and " + spec.id() + " are both " + spec.address());
        }
    }

    /** The ids taken, in the order added. */
    Collection<String> ids() {
        return Collections.unmodifiableCollection(owners.values());
    }
}
