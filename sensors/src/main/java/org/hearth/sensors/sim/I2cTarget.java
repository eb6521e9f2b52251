package org.hearth.sensors.sim;

import java.io.IOException;

/**
 * The device end of an I2C bus: what a chip does with one write transaction and one read
 * transaction. Throwing {@link IOException} is the chip not acknowledging (NACK), which Linux
 * reports as "Remote I/O error".
 */
public interface I2cTarget {

    /** The master wrote {@code length} bytes in one transaction. */
    void write(byte[] data, int offset, int length) throws IOException;

    /** The master reads {@code length} bytes in one transaction. */
    void read(byte[] buffer, int offset, int length) throws IOException;
}
