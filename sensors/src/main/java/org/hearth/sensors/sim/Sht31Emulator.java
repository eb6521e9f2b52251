package org.hearth.sensors.sim;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A Sensirion SHT31's I2C command interface, as its datasheet (SHT3x-DIS, version 7) describes:
 * 16-bit commands; single-shot measurements with and without clock stretching, each repeatability
 * taking its maximum duration, during which the chip does not acknowledge; results as big-endian
 * words each followed by a CRC-8 (polynomial 0x31, init 0xFF); soft reset; the status register;
 * the heater. A read with no result ready is not acknowledged, as on the real chip.
 */
public final class Sht31Emulator implements I2cTarget {

    private static final Duration RESET_TIME = Duration.ofNanos(1_500_000);
    private static final int STATUS_AFTER_RESET = 0x8010;
    private static final int STATUS_HEATER = 0x2000;
    private static final int STATUS_COMMAND_FAILED = 0x0002;

    private final Clock clock;
    private double temperatureC = 21.0;
    private double humidityPct = 45.0;
    private int status = STATUS_AFTER_RESET;
    private Instant busyUntil = Instant.MIN;
    private byte[] result;
    private Instant resultReadyAt = Instant.MIN;
    private int corruptCrcs;
    private long measurements;

    public Sht31Emulator(Clock clock) {
        this.clock = clock;
    }

    /** The room's air from now on; the next measurement reports it. */
    public synchronized void setConditions(double temperatureC, double humidityPct) {
        this.temperatureC = temperatureC;
        this.humidityPct = humidityPct;
    }

    /** The next {@code readings} results carry a wrong CRC, as electrical noise on a long cable would cause. */
    public synchronized void corruptNextCrcs(int readings) {
        this.corruptCrcs = readings;
    }

    /** Measurements started since power-up. */
    public synchronized long measurements() {
        return measurements;
    }

    @Override
    public synchronized void write(byte[] data, int offset, int length) throws IOException {
        Instant now = clock.instant();
        if (now.isBefore(busyUntil)) {
            throw new IOException(SimulatedI2cBus.NACK);
        }
        if (length == 0) {
            return;
        }
        if (length != 2) {
            status |= STATUS_COMMAND_FAILED;
            throw new IOException(SimulatedI2cBus.NACK);
        }
        int command = ((data[offset] & 0xFF) << 8) | (data[offset + 1] & 0xFF);
        status &= ~STATUS_COMMAND_FAILED;
        result = null;
        switch (command) {
            case 0x2400 -> singleShot(now, Duration.ofNanos(15_500_000), false);
            case 0x240B -> singleShot(now, Duration.ofNanos(6_500_000), false);
            case 0x2416 -> singleShot(now, Duration.ofNanos(4_500_000), false);
            case 0x2C06, 0x2C0D, 0x2C10 -> singleShot(now, Duration.ZERO, true);
            case 0x30A2 -> {
                status = STATUS_AFTER_RESET;
                busyUntil = now.plus(RESET_TIME);
            }
            case 0xF32D -> {
                result = word(status);
                resultReadyAt = now;
            }
            case 0x3041 -> status &= STATUS_HEATER;
            case 0x306D -> status |= STATUS_HEATER;
            case 0x3066 -> status &= ~STATUS_HEATER;
            default -> {
                status |= STATUS_COMMAND_FAILED;
                throw new IOException(SimulatedI2cBus.NACK);
            }
        }
    }

    @Override
    public synchronized void read(byte[] buffer, int offset, int length) throws IOException {
        Instant now = clock.instant();
        if (now.isBefore(busyUntil) || result == null || now.isBefore(resultReadyAt)) {
            throw new IOException(SimulatedI2cBus.NACK);
        }
        for (int i = 0; i < length; i++) {
            buffer[offset + i] = i < result.length ? result[i] : (byte) 0xFF;
        }
        result = null;
    }

    private void singleShot(Instant now, Duration duration, boolean clockStretching) {
        measurements++;
        int rawT = (int) Math.round(Math.max(0, Math.min(65535, (temperatureC + 45.0) / 175.0 * 65535.0)));
        int rawH = (int) Math.round(Math.max(0, Math.min(65535, humidityPct / 100.0 * 65535.0)));
        byte[] t = word(rawT);
        byte[] h = word(rawH);
        result = new byte[] {t[0], t[1], t[2], h[0], h[1], h[2]};
        if (corruptCrcs > 0) {
            corruptCrcs--;
            result[2] ^= 0x5A;
        }
        resultReadyAt = now.plus(duration);
        // Without clock stretching the chip lets go of the bus and ignores it until done.
        busyUntil = clockStretching ? Instant.MIN : resultReadyAt;
    }

    private static byte[] word(int value) {
        byte msb = (byte) (value >> 8);
        byte lsb = (byte) value;
        return new byte[] {msb, lsb, crc(msb, lsb)};
    }

    /**
     * CRC-8 as the datasheet's Table 20 specifies. Written here and again in the driver on purpose:
     * the emulator must not share the code it checks. Both are tested against 0xBEEF -> 0x92.
     */
    static byte crc(byte first, byte second) {
        int crc = 0xFF;
        for (byte b : new byte[] {first, second}) {
            crc ^= b & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x31) & 0xFF : (crc << 1) & 0xFF;
            }
        }
        return (byte) crc;
    }
}
