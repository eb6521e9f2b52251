package org.hearth.sensors.sim;

import java.io.IOException;

/**
 * The device end of a serial line: what a module does with the bytes the host writes, and the
 * bytes it has sent that the host has not read yet.
 */
public interface SerialPeer {

    /** The host wrote {@code length} bytes. Throwing is the line failing ("Input/output error"). */
    void fromHost(byte[] data, int offset, int length) throws IOException;

    /** How many bytes the device has sent that the host has not read. */
    int available();

    /** Hands the host up to {@code length} of those bytes, oldest first; returns how many. */
    int toHost(byte[] buffer, int offset, int length) throws IOException;
}
