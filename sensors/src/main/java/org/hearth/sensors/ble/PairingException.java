package org.hearth.sensors.ble;

/** Finding or pairing a pendant failed, in words for the installer: no bus, no bluetoothd, no adapter, a refused pairing. */
public final class PairingException extends Exception {

    private static final long serialVersionUID = 1L;

    public PairingException(String message) {
        super(message);
    }

    public PairingException(String message, Throwable cause) {
        super(message, cause);
    }
}
