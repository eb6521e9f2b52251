package org.hearth.sensors.replay;

/**
 * A line of a recorded file that could not be read, kept so a replay can say exactly what it
 * skipped.
 *
 * @param number the line number, from 1
 * @param reason what is wrong with it, in plain words
 */
public record MalformedLine(int number, String reason) {

    @Override
    public String toString() {
        return "line " + number + ": " + reason;
    }
}
