package org.hearth.sensors.i2c;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.health.HealthReporter;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analog Devices ADXL345 (datasheet Rev. G): full resolution at +-16 g, 100 or 200 Hz, FIFO in
 * stream mode, drained every poll in one batch of {@link AccelSample}s.
 *
 * <p>Samples are spaced by the sample period. A batch continues from the previous batch's last
 * timestamp while that stays within two periods of the clock; otherwise (after an overflow, or as
 * the chip's oscillator drifts from the Pi's) it is re-anchored so its newest sample is "now".
 */
final class Adxl345Driver extends I2cDriver {

    private static final Logger LOG = LoggerFactory.getLogger(Adxl345Driver.class);

    static final int DEVID = 0xE5;
    static final int REG_DEVID = 0x00;
    static final int REG_BW_RATE = 0x2C;
    static final int REG_POWER_CTL = 0x2D;
    static final int REG_INT_ENABLE = 0x2E;
    static final int REG_DATA_FORMAT = 0x31;
    static final int REG_DATAX0 = 0x32;
    static final int REG_FIFO_CTL = 0x38;
    static final int REG_FIFO_STATUS = 0x39;
    /** FULL_RES (bit 3) and range +-16 g (bits 1:0 = 11), right-justified. */
    static final int FULL_RES_16G = 0x0B;
    /** FIFO_MODE stream (bits 7:6 = 10) with a watermark of 16 samples. */
    static final int FIFO_STREAM = 0x80 | 16;
    static final int MEASURE = 0x08;
    static final double G_PER_COUNT = 1.0 / 256.0;
    /** With no samples for this long the chip has stopped measuring (a brown-out resets it to standby). */
    private static final Duration STALL = Duration.ofSeconds(1);

    private final AccelerometerSpec spec;
    private final SensorListener listener;
    private final long periodMicros;
    private final byte[] sample = new byte[6];
    private long lastMicros = Long.MIN_VALUE;
    private Instant lastSampleAt;

    Adxl345Driver(AccelerometerSpec spec, Scheduler scheduler, HealthReporter health, ChannelOpener opener,
                  Duration retryEvery, SensorListener listener) {
        super(spec.id(), scheduler, health, opener, retryEvery);
        this.spec = spec;
        this.listener = listener;
        this.periodMicros = 1_000_000L / spec.rateHz();
    }

    @Override
    String chip() {
        return "ADXL345";
    }

    @Override
    Next setUp(I2cChannel ch) throws I2cIoException, DeviceUnavailableException {
        int devId = ch.readRegister(REG_DEVID);
        if (devId != DEVID) {
            throw new DeviceUnavailableException(String.format(
                    "the device at %s reports id 0x%02X, but an ADXL345 reports 0xE5; is another chip at this address?",
                    ch.where(), devId));
        }
        ch.writeRegister(REG_POWER_CTL, 0x00);
        ch.writeRegister(REG_BW_RATE, rateCode(spec.rateHz()));
        ch.writeRegister(REG_DATA_FORMAT, FULL_RES_16G);
        ch.writeRegister(REG_INT_ENABLE, 0x00);
        // Bypass first: it empties the FIFO of anything left from before.
        ch.writeRegister(REG_FIFO_CTL, 0x00);
        ch.writeRegister(REG_FIFO_CTL, FIFO_STREAM);
        ch.writeRegister(REG_POWER_CTL, MEASURE);
        int format = ch.readRegister(REG_DATA_FORMAT);
        int rate = ch.readRegister(REG_BW_RATE);
        if (format != FULL_RES_16G || (rate & 0x1F) != rateCode(spec.rateHz())) {
            throw new DeviceUnavailableException(String.format(
                    "the ADXL345 at %s did not keep its settings (DATA_FORMAT 0x%02X, BW_RATE 0x%02X)", ch.where(), format, rate));
        }
        lastMicros = Long.MIN_VALUE;
        lastSampleAt = scheduler.now();
        nowRunning();
        return new Next(spec.pollEvery(), this::drain);
    }

    @Override
    Next afterFailure() {
        return new Next(spec.pollEvery(), this::drain);
    }

    @Override
    void standby(I2cChannel ch) throws I2cIoException {
        ch.writeRegister(REG_POWER_CTL, 0x00);
    }

    /** Output data rate codes, datasheet Table 7 (normal power). */
    static int rateCode(int rateHz) {
        return switch (rateHz) {
            case 100 -> 0x0A;
            case 200 -> 0x0B;
            default -> throw new IllegalArgumentException("unsupported rate " + rateHz);
        };
    }

    private Next drain(I2cChannel ch) throws I2cIoException {
        int entries = ch.readRegister(REG_FIFO_STATUS) & 0x3F;
        Instant now = scheduler.now();
        if (entries == 0) {
            if (Duration.between(lastSampleAt, now).compareTo(STALL) >= 0) {
                LOG.warn("ADXL345 {} has given no samples for {} ms; setting it up again", id, Duration.between(lastSampleAt, now).toMillis());
                return new Next(Duration.ZERO, this::setUp);
            }
            return new Next(spec.pollEvery(), this::drain);
        }
        List<AccelSample> batch = new ArrayList<>(entries);
        long first = firstTimestamp(micros(now), entries);
        for (int i = 0; i < entries; i++) {
            // One burst per entry: the chip pops a FIFO entry when a read of the data registers ends.
            ch.readRegisters(REG_DATAX0, sample);
            batch.add(new AccelSample(first + i * periodMicros, axis(sample, 0), axis(sample, 2), axis(sample, 4)));
        }
        lastMicros = first + (entries - 1) * periodMicros;
        lastSampleAt = now;
        listener.onAccel(id, batch);
        delivered();
        return new Next(spec.pollEvery(), this::drain);
    }

    private long firstTimestamp(long nowMicros, int entries) {
        long anchored = nowMicros - (entries - 1) * periodMicros;
        if (lastMicros == Long.MIN_VALUE) {
            return anchored;
        }
        long continued = lastMicros + periodMicros;
        if (Math.abs(continued - anchored) <= 2 * periodMicros) {
            return continued;
        }
        // Re-anchor on the clock, but never before the previous batch: time must not run backwards.
        return Math.max(anchored, lastMicros + 1);
    }

    /** DATAx0 is the low byte; the value is 13-bit two's complement, right-justified. */
    static double axis(byte[] data, int offset) {
        int raw = (data[offset] & 0xFF) | ((data[offset + 1] & 0xFF) << 8);
        int counts = (raw << 19) >> 19;
        return counts * G_PER_COUNT;
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }
}
