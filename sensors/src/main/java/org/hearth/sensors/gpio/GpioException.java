package org.hearth.sensors.gpio;

/** The pins could not be opened as configured. The message is for an installer. */
public final class GpioException extends Exception {

    private static final long serialVersionUID = 1L;

    public GpioException(String message) {
        super(message);
    }
}
