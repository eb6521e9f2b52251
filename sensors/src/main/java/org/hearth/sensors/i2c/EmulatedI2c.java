package org.hearth.sensors.i2c;

import com.pi4j.exception.Pi4JException;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CBase;
import com.pi4j.io.i2c.I2CBus;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.hearth.sensors.sim.SimulatedI2cBus;

/**
 * One device on a {@link SimulatedI2cBus}, seen through Pi4J's {@link I2C}. Register access is
 * done as Pi4J's linuxfs provider does it on a Pi: a write of the register number, then a separate
 * read. Failures are thrown as that provider throws them: a {@link Pi4JException} around the
 * system's {@link IOException}.
 */
final class EmulatedI2c extends I2CBase<EmulatedI2c.DirectBus> {

    private final SimulatedI2cBus bus;

    EmulatedI2c(I2CProvider provider, I2CConfig config, SimulatedI2cBus bus) {
        super(provider, config, new DirectBus());
        this.bus = bus;
    }

    @Override
    public int write(byte b) {
        return write(new byte[] {b}, 0, 1);
    }

    @Override
    public int write(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        transact(() -> bus.write(device(), data, offset, length));
        return length;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        read(one, 0, 1);
        return one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        transact(() -> bus.read(device(), buffer, offset, length));
        return length;
    }

    @Override
    public int writeRegister(int register, byte b) {
        write(new byte[] {(byte) register, b}, 0, 2);
        return 1;
    }

    @Override
    public int writeRegister(int register, byte[] data, int offset, int length) {
        return writeRegister(new byte[] {(byte) register}, data, offset, length);
    }

    @Override
    public int writeRegister(byte[] register, byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        byte[] all = new byte[register.length + length];
        System.arraycopy(register, 0, all, 0, register.length);
        System.arraycopy(data, offset, all, register.length, length);
        write(all, 0, all.length);
        return length;
    }

    @Override
    public int readRegister(int register) {
        write((byte) register);
        return read();
    }

    @Override
    public int readRegister(int register, byte[] buffer, int offset, int length) {
        return readRegister(new byte[] {(byte) register}, buffer, offset, length);
    }

    @Override
    public int readRegister(byte[] register, byte[] buffer, int offset, int length) {
        write(register, 0, register.length);
        return read(buffer, offset, length);
    }

    private void transact(Transaction transaction) {
        try {
            transaction.run();
        } catch (IOException e) {
            throw new Pi4JException("Failed to execute action for device " + device() + " on bus " + bus(), e);
        }
    }

    @FunctionalInterface
    private interface Transaction {
        void run() throws IOException;
    }

    /** The simulated bus serialises transactions itself, so Pi4J's execute just runs the action. */
    static final class DirectBus implements I2CBus {
        @Override
        public <R> R execute(I2C i2c, Callable<R> action) {
            try {
                return action.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new Pi4JException(e);
            }
        }
    }
}
