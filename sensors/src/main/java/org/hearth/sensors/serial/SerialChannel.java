package org.hearth.sensors.serial;

import com.pi4j.io.serial.Serial;
import java.io.IOException;

/** A serial port as the radar driver uses it: Pi4J's unchecked failures become {@link IOException}s with just the system's words. */
final class SerialChannel implements AutoCloseable {

    private final Serial serial;
    private final Runnable release;

    /** @param release forgets the port in Pi4J's registry, so it can be opened again under the same id */
    SerialChannel(Serial serial, Runnable release) {
        this.serial = serial;
        this.release = release;
    }

    /** Reads what is waiting, up to {@code into.length} bytes, without blocking; returns how many (0 for none). */
    int read(byte[] into) throws IOException {
        try {
            int ready = serial.available();
            return ready <= 0 ? 0 : Math.max(serial.read(into, 0, Math.min(ready, into.length)), 0);
        } catch (RuntimeException e) {
            throw new IOException(causeOf(e), e);
        }
    }

    void write(byte[] data) throws IOException {
        try {
            serial.write(data, 0, data.length);
        } catch (RuntimeException e) {
            throw new IOException(causeOf(e), e);
        }
    }

    @Override
    public void close() {
        try {
            serial.close();
            release.run();
        } catch (RuntimeException e) {
            // a port that failed may not close cleanly; it is opened afresh anyway
        }
    }

    /** The innermost message, as I2C's channel does it. */
    static String causeOf(Throwable e) {
        return org.hearth.sensors.Failures.innermostMessage(e);
    }
}
