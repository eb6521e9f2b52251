package org.hearth.sensors.i2c;

import com.pi4j.io.i2c.I2C;

/**
 * One device on the bus, as the drivers use it. Pi4J reports failures as unchecked exceptions
 * wrapping the system's error; this turns them into {@link I2cIoException}s carrying just that
 * error, so a driver cannot forget one and the reason reads well on a status line.
 */
final class I2cChannel {

    private final I2C i2c;
    private final int bus;
    private final int address;

    I2cChannel(I2C i2c, int bus, int address) {
        this.i2c = i2c;
        this.bus = bus;
        this.address = address;
    }

    /** "0x53 on I2C bus 1". */
    String where() {
        return String.format("0x%02X on I2C bus %d", address, bus);
    }

    int readRegister(int register) throws I2cIoException {
        int value;
        try {
            value = i2c.readRegister(register);
        } catch (RuntimeException e) {
            throw new I2cIoException(causeOf(e));
        }
        if (value < 0) {
            throw new I2cIoException("no data");
        }
        return value & 0xFF;
    }

    /** A burst read of {@code into.length} registers from {@code register}. */
    void readRegisters(int register, byte[] into) throws I2cIoException {
        int n;
        try {
            n = i2c.readRegister(register, into, 0, into.length);
        } catch (RuntimeException e) {
            throw new I2cIoException(causeOf(e));
        }
        if (n < into.length) {
            throw new I2cIoException("short read: " + Math.max(n, 0) + " of " + into.length + " bytes");
        }
    }

    void writeRegister(int register, int value) throws I2cIoException {
        try {
            i2c.writeRegister(register, (byte) value);
        } catch (RuntimeException e) {
            throw new I2cIoException(causeOf(e));
        }
    }

    /** Writes a 16-bit command, most significant byte first, as Sensirion chips take them. */
    void writeCommand(int command) throws I2cIoException {
        try {
            i2c.write(new byte[] {(byte) (command >> 8), (byte) command}, 0, 2);
        } catch (RuntimeException e) {
            throw new I2cIoException(causeOf(e));
        }
    }

    void read(byte[] into) throws I2cIoException {
        int n;
        try {
            n = i2c.read(into, 0, into.length);
        } catch (RuntimeException e) {
            throw new I2cIoException(causeOf(e));
        }
        if (n < into.length) {
            throw new I2cIoException("short read: " + Math.max(n, 0) + " of " + into.length + " bytes");
        }
    }

    /** The innermost message: Pi4J wraps "Remote I/O error" in "Failed to execute action for device 83 on bus 1". */
    static String causeOf(Throwable e) {
        return org.hearth.sensors.Failures.innermostMessage(e);
    }
}
