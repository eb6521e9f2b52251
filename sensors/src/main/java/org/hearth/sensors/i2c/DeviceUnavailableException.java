package org.hearth.sensors.i2c;

/** The device cannot be used at all: no bus, nobody answering, or the wrong chip. The message is the whole reason, for an installer. */
final class DeviceUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    DeviceUnavailableException(String reason) {
        super(reason);
    }
}
