package org.hearth.sensors;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One configured ADXL345 accelerometer on I2C.
 *
 * @param id         unique name, for example {@code accel-hall}
 * @param room       the room it is in
 * @param bus        the I2C bus number; the Pi's header bus (SDA BCM 2, SCL BCM 3) is 1
 * @param address    0x53 (SDO/ALT ADDRESS to ground) or 0x1D (to 3.3 V)
 * @param rateHz     output data rate, 100 or 200 samples a second
 * @param pollEvery  how often the FIFO is drained; it holds 32 samples, so this must not let it overflow
 * @param maxSilence the longest spell without a good read before the sensor counts as suspect
 */
public record AccelerometerSpec(String id, String room, int bus, int address, int rateHz, Duration pollEvery,
                                Duration maxSilence) {

    public static final List<Integer> ADDRESSES = List.of(0x53, 0x1D);
    public static final List<Integer> RATES_HZ = List.of(100, 200);
    /** Samples the ADXL345's FIFO holds before it starts dropping the oldest. */
    public static final int FIFO_DEPTH = 32;

    public AccelerometerSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(pollEvery, "pollEvery");
        Objects.requireNonNull(maxSilence, "maxSilence");
        String who = "accelerometer " + id + ": ";
        if (bus < 0) {
            throw new IllegalArgumentException(who + "I2C bus " + bus + " does not exist");
        }
        if (!ADDRESSES.contains(address)) {
            throw new IllegalArgumentException(who + "address " + I2cAddresses.hex(address)
                    + " is not an ADXL345 address (" + I2cAddresses.either(ADDRESSES) + ")");
        }
        if (!RATES_HZ.contains(rateHz)) {
            throw new IllegalArgumentException(who + "rate " + rateHz + " Hz is not supported (100 or 200)");
        }
        // Leave a quarter of the FIFO spare so a late poll on a busy Pi loses nothing.
        long maxPollMillis = 1000L * FIFO_DEPTH * 3 / 4 / rateHz;
        if (pollEvery.isNegative() || pollEvery.isZero() || pollEvery.toMillis() > maxPollMillis) {
            throw new IllegalArgumentException(who + "poll interval " + pollEvery.toMillis() + " ms must be between 1 and "
                    + maxPollMillis + " ms at " + rateHz + " Hz, or the FIFO overflows");
        }
        if (maxSilence.isNegative() || maxSilence.isZero()) {
            throw new IllegalArgumentException(who + "max silence must be positive");
        }
    }

    /** Bus 1 at 0x53, 200 Hz, drained every 100 ms, suspect after a minute without data. */
    public static AccelerometerSpec standard(String id, String room) {
        return new AccelerometerSpec(id, room, 1, 0x53, 200, defaultPollEvery(200), Duration.ofMinutes(1));
    }

    /**
     * How often to drain the FIFO at {@code rateHz}: when it holds 20 of its 32 samples (100 ms at
     * 200 Hz, 200 ms at 100 Hz). Each drain wakes the I2C thread and the event loop, the daemon's
     * main cost at rest, so draining no more often than this keeps a Pi idle; the 12 samples left
     * spare absorb a late poll, and a fall's impact is seen 0.2 s later at worst.
     */
    public static Duration defaultPollEvery(int rateHz) {
        return Duration.ofMillis(1000L * 20 / Math.max(1, rateHz));
    }

    public Duration samplePeriod() {
        return Duration.ofNanos(1_000_000_000L / rateHz);
    }
}
