package org.hearth.sensors.sim;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * An I2C bus with emulated devices at their addresses, and the faults a real bus shows: nobody
 * answering at an address, and a device that answers for a while and then stops (a loose wire,
 * a brown-out). Transactions are serialised, as on a real bus.
 */
public final class SimulatedI2cBus {

    /** What Linux's i2c-dev reports when no device acknowledges (EREMOTEIO). */
    public static final String NACK = "Remote I/O error";

    private final int number;
    private final Map<Integer, I2cTarget> devices = new HashMap<>();
    /** Transactions each address still answers before it starts failing; absent means "no fault planned". */
    private final Map<Integer, Long> answersLeft = new HashMap<>();
    private long transactions;

    /** A bus numbered as Linux numbers it; the Pi's header bus is 1. */
    public SimulatedI2cBus(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** Plugs {@code device} in at {@code address}, replacing whatever was there. */
    public synchronized void attach(int address, I2cTarget device) {
        checkAddress(address);
        devices.put(address, device);
    }

    /** Unplugs the device at {@code address}: from now on nothing acknowledges there. */
    public synchronized void unplug(int address) {
        devices.remove(address);
    }

    /** The device at {@code address} answers {@code transactions} more transactions, then fails every one until {@link #heal}. */
    public synchronized void failAfter(int address, long transactions) {
        if (transactions < 0) {
            throw new IllegalArgumentException("transactions must not be negative");
        }
        answersLeft.put(address, transactions);
    }

    /** Ends a fault planned with {@link #failAfter}. */
    public synchronized void heal(int address) {
        answersLeft.remove(address);
    }

    /** How many transactions the bus has carried, failed ones included. */
    public synchronized long transactions() {
        return transactions;
    }

    public synchronized void write(int address, byte[] data, int offset, int length) throws IOException {
        target(address).write(data, offset, length);
    }

    public synchronized void read(int address, byte[] buffer, int offset, int length) throws IOException {
        target(address).read(buffer, offset, length);
    }

    private I2cTarget target(int address) throws IOException {
        transactions++;
        I2cTarget device = devices.get(address);
        if (device == null) {
            throw new IOException(NACK);
        }
        Long left = answersLeft.get(address);
        if (left != null) {
            if (left == 0) {
                throw new IOException(NACK);
            }
            answersLeft.put(address, left - 1);
        }
        return device;
    }

    private static void checkAddress(int address) {
        if (address < 0x03 || address > 0x77) {
            throw new IllegalArgumentException(String.format("0x%02X is not a 7-bit device address", address));
        }
    }
}
