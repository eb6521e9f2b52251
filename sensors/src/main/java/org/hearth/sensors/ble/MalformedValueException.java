package org.hearth.sensors.ble;

/** A notification whose value is not what the profile says it sends; the message says what is wrong. */
public final class MalformedValueException extends Exception {

    public MalformedValueException(String message) {
        super(message);
    }
}
