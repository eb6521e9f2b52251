package org.hearth.protocol;

import java.net.URI;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What links a gateway to a hub, printed by {@code hearth-hub homes add}: where the hub listens,
 * the home's label, its PSK identity and key. One line,
 * {@code hearth:hub?v=1&hub=coaps://HOST:PORT&label=LABEL&identity=home-ID&key=32HEX}, values
 * percent-encoded (UTF-8), as docs/hub-api.md "Pairing a home" shows. The same rules as a carer's
 * {@link PairingCode}, under its own prefix, so neither is ever taken for the other.
 *
 * <p>{@link #toString()} masks the key; only {@link #text()} reveals it.
 */
public final class HubPairingCode {

    public static final String PREFIX = "hearth:hub?";

    private final URI hub;
    private final String label;
    private final String identity;
    private final byte[] key;

    public HubPairingCode(URI hub, String label, String identity, byte[] key) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.label = Objects.requireNonNull(label, "label");
        this.identity = Objects.requireNonNull(identity, "identity");
        if (!"coaps".equals(hub.getScheme()) || hub.getHost() == null || hub.getPort() < 1) {
            throw new IllegalArgumentException("the hub must be a coaps://HOST:PORT URI, was " + hub);
        }
        if (key.length != PairingCode.KEY_BYTES) {
            throw new IllegalArgumentException("a key must be " + PairingCode.KEY_BYTES + " bytes, was " + key.length);
        }
        if (label.isBlank() || identity.isBlank()) {
            throw new IllegalArgumentException("label and identity must not be blank");
        }
        this.key = key.clone();
    }

    public URI hub() {
        return hub;
    }

    public String label() {
        return label;
    }

    public String identity() {
        return identity;
    }

    public byte[] key() {
        return key.clone();
    }

    /** The code's text. It contains the key: print it only for the installer. */
    public String text() {
        return PREFIX + "v=" + Protocol.VERSION + "&hub=" + CodeFields.enc(hub.toString()) + "&label=" + CodeFields.enc(label)
                + "&identity=" + CodeFields.enc(identity) + "&key=" + HexFormat.of().formatHex(key);
    }

    /**
     * Reads a hub pairing code.
     *
     * @throws ProtocolException in plain words; the message never repeats the key
     */
    public static HubPairingCode parse(String text) throws ProtocolException {
        CodeFields code = CodeFields.parse(text, PREFIX, "hub pairing code");
        byte[] key = code.key("key", PairingCode.KEY_BYTES);
        try {
            return new HubPairingCode(code.uri("hub"), code.require("label"), code.require("identity"), key);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("hub pairing code is not valid: " + e.getMessage());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HubPairingCode p && p.hub.equals(hub) && p.label.equals(label) && p.identity.equals(identity)
                && Arrays.equals(p.key, key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hub, label, identity);
    }

    @Override
    public String toString() {
        return "HubPairingCode[" + hub + ", " + label + ", " + identity + ", key <masked>]";
    }
}
