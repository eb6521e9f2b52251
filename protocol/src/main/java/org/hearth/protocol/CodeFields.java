package org.hearth.protocol;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code name=value&...} fields of a Hearth code ({@code hearth:pair?} for a carer,
 * {@code hearth:hub?} for a hub), written and read the same way for each: values percent-encoded
 * UTF-8, and {@code v} the protocol version. Messages name the code ({@code what}) and never
 * repeat a value, since one of them is a key.
 */
final class CodeFields {

    private final String what;
    private final Map<String, String> fields;

    private CodeFields(String what, Map<String, String> fields) {
        this.what = what;
        this.fields = fields;
    }

    /** Reads {@code text}, which must start with {@code prefix}, and checks its version. */
    static CodeFields parse(String text, String prefix, String what) throws ProtocolException {
        String t = text == null ? "" : text.strip();
        if (!t.startsWith(prefix)) {
            throw new ProtocolException("not a Hearth " + what + ": it must start with " + prefix);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : t.substring(prefix.length()).split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ProtocolException(what + " has a malformed field; expected name=value pairs separated by &");
            }
            String field = pair.substring(0, eq);
            try {
                fields.put(field, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new ProtocolException(what + " field " + field + " is not percent-encoded correctly");
            }
        }
        CodeFields code = new CodeFields(what, fields);
        String v = code.require("v");
        if (!v.equals(Integer.toString(Protocol.VERSION))) {
            throw new ProtocolException(what + " is version " + v + "; this side reads version " + Protocol.VERSION);
        }
        return code;
    }

    String require(String field) throws ProtocolException {
        String value = fields.get(field);
        if (value == null || value.isBlank()) {
            throw new ProtocolException(what + " has no " + field);
        }
        return value;
    }

    /** A key of exactly {@code bytes} bytes, written in hex; the caller zeroes it when done. */
    byte[] key(String field, int bytes) throws ProtocolException {
        byte[] key;
        try {
            key = HexFormat.of().parseHex(require(field));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(what + " " + field + " must be " + bytes + " bytes (" + 2 * bytes + " hex digits)");
        }
        if (key.length != bytes) {
            throw new ProtocolException(what + " " + field + " must be " + bytes + " bytes (" + 2 * bytes + " hex digits), was "
                    + key.length);
        }
        return key;
    }

    URI uri(String field) throws ProtocolException {
        try {
            return new URI(require(field));
        } catch (URISyntaxException e) {
            throw new ProtocolException(what + " " + field + " is not a URI");
        }
    }

    /** A value as a code writes it: percent-encoded, with ':' and '/' left readable. */
    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":").replace("%2F", "/");
    }
}
