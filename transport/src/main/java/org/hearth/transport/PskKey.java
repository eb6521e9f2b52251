package org.hearth.transport;

import java.util.Arrays;
import java.util.Objects;

/**
 * A carer's pre-shared key: an identity and 16 secret bytes. {@link #toString()} never shows the
 * key, so it cannot leak into a log line or an exception message by accident.
 */
public final class PskKey {

    private final String identity;
    private final byte[] secret;

    public PskKey(String identity, byte[] secret) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.secret = secret.clone();
    }

    public String identity() {
        return identity;
    }

    byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PskKey k && k.identity.equals(identity) && Arrays.equals(k.secret, secret);
    }

    @Override
    public int hashCode() {
        return identity.hashCode();
    }

    @Override
    public String toString() {
        return "PskKey[" + identity + ", <masked>]";
    }
}
