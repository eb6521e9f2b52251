package org.hearth.sensors.ble;

/** Talking to the connected device failed: a missing characteristic, a refused read or write. */
public final class GattException extends Exception {

    public GattException(String message) {
        super(message);
    }

    public GattException(String message, Throwable cause) {
        super(message, cause);
    }
}
