package org.hearth.sensors.sim;

import java.io.IOException;

/** Raw register access on a simulated bus, the way i2c-tools would do it, for emulator tests. */
final class BusProbe {

    private final SimulatedI2cBus bus;
    private final int address;

    BusProbe(SimulatedI2cBus bus, int address) {
        this.bus = bus;
        this.address = address;
    }

    int get(int register) throws IOException {
        return burst(register, 1)[0] & 0xFF;
    }

    byte[] burst(int register, int length) throws IOException {
        bus.write(address, new byte[] {(byte) register}, 0, 1);
        byte[] out = new byte[length];
        bus.read(address, out, 0, length);
        return out;
    }

    void set(int register, int value) throws IOException {
        bus.write(address, new byte[] {(byte) register, (byte) value}, 0, 2);
    }

    void command(int command) throws IOException {
        bus.write(address, new byte[] {(byte) (command >> 8), (byte) command}, 0, 2);
    }

    byte[] read(int length) throws IOException {
        byte[] out = new byte[length];
        bus.read(address, out, 0, length);
        return out;
    }
}
