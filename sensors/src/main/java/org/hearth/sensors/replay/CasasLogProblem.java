package org.hearth.sensors.replay;

/**
 * A line of a log that could not be read, kept so the replay can say which lines it skipped.
 *
 * @param line   1-based line number in the file
 * @param reason in plain words, for example "unknown state 'HALF'"
 * @param text   the line itself, shortened to 80 characters
 */
public record CasasLogProblem(int line, String reason, String text) {

    private static final int MAX_TEXT = 80;

    public CasasLogProblem {
        text = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text;
    }

    @Override
    public String toString() {
        return "line " + line + ": " + reason + " (" + text + ")";
    }
}
