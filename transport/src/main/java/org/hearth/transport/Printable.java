package org.hearth.transport;

/**
 * Text taken from the network, made safe to log: control characters (newlines, ESC) and
 * anything outside printable ASCII are escaped, and long text is cut, so a packet can neither
 * forge a log line nor flood one.
 */
public final class Printable {

    static final int MAX_CHARS = 120;

    private Printable() {
    }

    public static String of(Object value) {
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_CHARS) + 8);
        for (int i = 0; i < s.length(); i++) {
            if (out.length() >= MAX_CHARS) {
                return out.append("...(").append(s.length()).append(" chars)").toString();
            }
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.append(c);
            } else if (c == '\\') {
                out.append("\\\\");
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }
}
