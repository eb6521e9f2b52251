package org.hearth.protocol;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
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
                + "&gateway=" + enc(gateway.toString())
                + "&name=" + enc(name)
                + "&identity=" + enc(identity)
                + "&key=" + HexFormat.of().formatHex(key);
    }

    /**
     * Reads the text of a pairing QR code.
     *
     * @throws ProtocolException in plain words; the message never repeats the key
     */
    public static PairingCode parse(String text) throws ProtocolException {
        String t = text == null ? "" : text.strip();
        if (!t.startsWith(PREFIX)) {
            throw new ProtocolException("not a Hearth pairing code: it must start with " + PREFIX);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : t.substring(PREFIX.length()).split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ProtocolException("pairing code has a malformed field; expected name=value pairs separated by &");
            }
            String field = pair.substring(0, eq);
            try {
                fields.put(field, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new ProtocolException("pairing code field " + field + " is not percent-encoded correctly");
            }
        }
        String v = require(fields, "v");
        if (!v.equals(Integer.toString(Protocol.VERSION))) {
            throw new ProtocolException("pairing code is version " + v + "; this side reads version " + Protocol.VERSION);
        }
        byte[] key;
        try {
            key = HexFormat.of().parseHex(require(fields, "key"));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("pairing code key must be " + 2 * KEY_BYTES + " hex digits");
        }
        if (key.length != KEY_BYTES) {
            throw new ProtocolException("pairing code key must be " + 2 * KEY_BYTES + " hex digits, was " + 2 * key.length);
        }
        URI gateway;
        try {
            gateway = new URI(require(fields, "gateway"));
        } catch (URISyntaxException e) {
            throw new ProtocolException("pairing code gateway is not a URI");
        }
        try {
            return new PairingCode(gateway, require(fields, "name"), require(fields, "identity"), key);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("pairing code is not valid: " + e.getMessage());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static String require(Map<String, String> fields, String field) throws ProtocolException {
        String value = fields.get(field);
        if (value == null || value.isBlank()) {
            throw new ProtocolException("pairing code has no " + field);
        }
        return value;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":").replace("%2F", "/");
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
