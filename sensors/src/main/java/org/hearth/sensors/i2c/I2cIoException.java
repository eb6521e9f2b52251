package org.hearth.sensors.i2c;

/** One I2C transaction failed. The message is the cause as the system said it, for example "Remote I/O error". */
final class I2cIoException extends Exception {

    private static final long serialVersionUID = 1L;

    I2cIoException(String cause) {
        super(cause);
    }
}
