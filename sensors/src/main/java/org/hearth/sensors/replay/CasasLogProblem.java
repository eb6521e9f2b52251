package org.hearth.sensors.replay;

/**
 * A line of a log that could not be read, kept so the replay can say which lines it skipped.
 *
 * @param line   1-based line number in the file
 * @param reason in plain words, for example "unknown state 'HALF'"
 * @param text   the line itself, shortened to 80 characters, with tabs, control characters and
 *               anything outside printable ASCII escaped ({@code \t}, {@code \u00e9}) so that a
 *               message shows exactly what is in the file and cannot garble a terminal or a log
 */
public record CasasLogProblem(int line, String reason, String text) {

    private static final int MAX_TEXT = 80;

    public CasasLogProblem {
        text = escape(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text);
    }

    static String escape(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (char c : raw.toCharArray()) {
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append(c);
                    } else {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "line " + line + ": " + reason + " (\"" + text + "\")";
    }
}
