package org.hearth.hub.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A home the hub serves: its gateway proves it is this home with the PSK {@code identity} and
 * {@code key}. {@link #toString()} never shows the key.
 *
 * @param id       short, random, stable; the identity is {@code home-<id>}
 * @param label    what the installer called it ("Flat 12"); a pseudonym, never the resident's name
 * @param identity the PSK identity the gateway offers
 * @param key      the 16-byte pre-shared key
 * @param created  when it was added
 * @param phone    the resident's phone number, normalised ({@link PhoneNumbers}), for carers to call; empty when none is set
 */
public record Home(String id, String label, String identity, byte[] key, Instant created, java.util.Optional<String> phone) {

    /** A home with no phone number set. */
    public Home(String id, String label, String identity, byte[] key, Instant created) {
        this(id, label, identity, key, created, java.util.Optional.empty());
    }

    /** The PSK identity of a home's gateway. */
    public static String identityOf(String id) {
        return "home-" + id;
    }

    public Home {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(identity, "identity");
        key = key.clone();
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(phone, "phone");
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Home h && h.id.equals(id) && h.label.equals(label) && h.identity.equals(identity)
                && java.util.Arrays.equals(h.key, key) && h.created.equals(created) && h.phone.equals(phone);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Home[" + id + ", " + label + ", " + identity + ", key <masked>]";
    }
}
