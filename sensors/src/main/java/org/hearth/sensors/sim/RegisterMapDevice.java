package org.hearth.sensors.sim;

import java.io.IOException;

/**
 * A chip whose I2C interface is a register map: a write's first byte sets the register pointer,
 * and reads carry on from the pointer, which increments after each byte. Subclasses give each
 * register its meaning.
 */
abstract class RegisterMapDevice implements I2cTarget {

    /** How a multi-byte write is laid out on this chip. */
    enum WriteLayout {
        /** register, value, value...: values go to consecutive registers (ADXL345). */
        AUTO_INCREMENT,
        /** register, value, register, value...: address/data pairs (BME280). */
        PAIRS
    }

    private final WriteLayout layout;
    private int pointer;

    RegisterMapDevice(WriteLayout layout) {
        this.layout = layout;
    }

    @Override
    public final synchronized void write(byte[] data, int offset, int length) throws IOException {
        beforeTransaction();
        if (length == 0) {
            return;
        }
        if (layout == WriteLayout.PAIRS) {
            for (int i = 0; i < length; i += 2) {
                pointer = data[offset + i] & 0xFF;
                if (i + 1 < length) {
                    writeRegister(pointer, data[offset + i + 1] & 0xFF);
                }
            }
            return;
        }
        pointer = data[offset] & 0xFF;
        for (int i = 1; i < length; i++) {
            writeRegister(pointer, data[offset + i] & 0xFF);
            pointer = (pointer + 1) & 0xFF;
        }
    }

    @Override
    public final synchronized void read(byte[] buffer, int offset, int length) throws IOException {
        beforeTransaction();
        int first = pointer;
        for (int i = 0; i < length; i++) {
            buffer[offset + i] = (byte) readRegister(pointer);
            pointer = (pointer + 1) & 0xFF;
        }
        afterRead(first, length);
    }

    /** Brings the chip's state up to the present, for chips that change by themselves over time. */
    void beforeTransaction() {
    }

    abstract int readRegister(int register);

    abstract void writeRegister(int register, int value) throws IOException;

    /** Called once a burst read of {@code count} registers from {@code first} has ended. */
    void afterRead(int first, int count) {
    }

    static boolean overlaps(int first, int count, int from, int to) {
        return first <= to && first + count - 1 >= from;
    }
}
