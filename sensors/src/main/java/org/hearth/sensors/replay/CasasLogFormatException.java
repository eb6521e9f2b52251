package org.hearth.sensors.replay;

/** The file is not an event log in the layout asked for; nothing sensible can be replayed from it. */
public final class CasasLogFormatException extends Exception {

    public CasasLogFormatException(String message) {
        super(message);
    }
}
