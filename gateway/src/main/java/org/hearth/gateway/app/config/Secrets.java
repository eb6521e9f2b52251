package org.hearth.gateway.app.config;

import java.util.Map;
import java.util.Optional;

/** Each carer's PSK identity and key, from the secrets file (mode 0600). {@link #toString()} masks keys. */
public record Secrets(Map<String, CarerKey> carers) {

    public Secrets {
        carers = Map.copyOf(carers);
    }

    public Optional<CarerKey> forCarer(String name) {
        return Optional.ofNullable(carers.get(name));
    }

    /** One carer's key. */
    public record CarerKey(String identity, byte[] key) {
        @Override
        public String toString() {
            return "CarerKey[" + identity + ", <masked>]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CarerKey k && k.identity.equals(identity) && java.util.Arrays.equals(k.key, key);
        }

        @Override
        public int hashCode() {
            return identity.hashCode();
        }
    }
}
