package org.hearth.gateway.app.config;

import java.util.Map;
import java.util.Optional;

/** Each carer's PSK identity and key, from the secrets file (mode 0600). {@link #toString()} masks keys. */
public record Secrets(Map<String, CarerKey> carers, HubKey hub) {

    public Secrets {
        carers = Map.copyOf(carers);
    }

    /** Carers' keys and no hub key. */
    public Secrets(Map<String, CarerKey> carers) {
        this(carers, null);
    }

    /** The care hub's key, when this home has one. */
    public Optional<HubKey> hubKey() {
        return Optional.ofNullable(hub);
    }

    /** The key this home shares with its care hub; its identity is in the config. */
    public record HubKey(byte[] key) {
        @Override
        public String toString() {
            return "HubKey[<masked>]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof HubKey k && java.util.Arrays.equals(k.key, key);
        }

        @Override
        public int hashCode() {
            return 1;
        }
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
