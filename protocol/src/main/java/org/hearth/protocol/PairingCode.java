package org.hearth.protocol;

import java.net.URI;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a pairing QR code holds: where the gateway listens, who the carer is, and their key.
 * The text form is one line,
 * {@code hearth:pair?v=1&gateway=coaps://HOST:PORT&name=NAME&identity=ID&key=32HEX}, with each
 * value percent-encoded (UTF-8). See docs/protocol.md, "Pairing".
 *
 * <p>{@link #toString()} masks the key; only {@link #text()} reveals it, for the QR code itself.
 */
public final class PairingCode {

    public static final String PREFIX = "hearth:pair?";
    /** Keys are 128-bit. */
    public static final int KEY_BYTES = 16;

    private final URI gateway;
    private final String name;
    private final String identity;
    private final byte[] key;

    public PairingCode(URI gateway, String name, String identity, byte[] key) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.name = Objects.requireNonNull(name, "name");
        this.identity = Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(key, "key");
        if (!"coaps".equals(gateway.getScheme()) || gateway.getHost() == null) {
            throw new IllegalArgumentException("the gateway must be a coaps:// URI with a host, was " + gateway);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a key must be " + KEY_BYTES + " bytes, was " + key.length);
        }
        if (name.isBlank() || identity.isBlank()) {
            throw new IllegalArgumentException("name and identity must not be blank");
        }
        this.key = key.clone();
    }

    public URI gateway() {
        return gateway;
    }

    public String name() {
        return name;
    }

    public String identity() {
        return identity;
    }

    public byte[] key() {
        return key.clone();
    }

    /** The text the QR code holds. It contains the key: print it only into the QR code. */
    public String text() {
        return PREFIX + "v=" + Protocol.VERSION
                + "&gateway=" + CodeFields.enc(gateway.toString())
                + "&name=" + CodeFields.enc(name)
                + "&identity=" + CodeFields.enc(identity)
                + "&key=" + HexFormat.of().formatHex(key);
    }

    /**
     * Reads the text of a pairing QR code.
     *
     * @throws ProtocolException in plain words; the message never repeats the key
     */
    public static PairingCode parse(String text) throws ProtocolException {
        CodeFields code = CodeFields.parse(text, PREFIX, "pairing code");
        byte[] key = code.key("key", KEY_BYTES);
        try {
            return new PairingCode(code.uri("gateway"), code.require("name"), code.require("identity"), key);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("pairing code is not valid: " + e.getMessage());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PairingCode p && p.gateway.equals(gateway) && p.name.equals(name) && p.identity.equals(identity)
                && Arrays.equals(p.key, key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gateway, name, identity);
    }

    @Override
    public String toString() {
        return "PairingCode[" + gateway + ", " + name + ", " + identity + ", key <masked>]";
    }
}
