package org.hearth.sensors.serial;

import com.pi4j.exception.Pi4JException;
import com.pi4j.io.serial.SerialBase;
import com.pi4j.io.serial.SerialConfig;
import com.pi4j.io.serial.SerialProvider;
import java.io.IOException;
import java.util.Objects;
import org.hearth.sensors.sim.SerialPeer;

/** One emulated serial device seen through Pi4J's {@code Serial}; failures are thrown as Pi4J throws them. */
final class EmulatedSerial extends SerialBase {

    private final SerialPeer peer;

    EmulatedSerial(SerialProvider provider, SerialConfig config, SerialPeer peer) {
        super(provider, config);
        this.peer = peer;
        this.isOpen = true;
    }

    @Override
    public int available() {
        return peer.available();
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        try {
            return peer.toHost(buffer, offset, length);
        } catch (IOException e) {
            throw new Pi4JException("Failed to read from " + config.device(), e);
        }
    }

    @Override
    public int write(byte b) {
        return write(new byte[] {b}, 0, 1);
    }

    @Override
    public int write(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        try {
            peer.fromHost(data, offset, length);
        } catch (IOException e) {
            throw new Pi4JException("Failed to write to " + config.device(), e);
        }
        return length;
    }
}
