package org.hearth.sensors.sim;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * An Analog Devices ADXL345 accelerometer's I2C register map, as its datasheet (Rev. G) describes:
 * DEVID, BW_RATE, POWER_CTL, DATA_FORMAT (range, full resolution, justification), the six data
 * registers, and the 32-sample FIFO in bypass, FIFO or stream mode with FIFO_STATUS.
 *
 * <p>While POWER_CTL's measure bit is set the chip samples {@link AccelMotion} at the BW_RATE
 * output rate, reading the injected clock lazily on each transaction: in virtual time the FIFO
 * fills exactly as fast as time is advanced. A burst read of the data registers returns the oldest
 * FIFO entry and pops it when the transaction ends, so a single-byte read loses the rest of that
 * sample, as on the real chip.
 */
public final class Adxl345Emulator extends RegisterMapDevice {

    public static final int DEVID = 0xE5;

    private static final int REG_DEVID = 0x00;
    private static final int REG_BW_RATE = 0x2C;
    private static final int REG_POWER_CTL = 0x2D;
    private static final int REG_INT_SOURCE = 0x30;
    private static final int REG_DATA_FORMAT = 0x31;
    private static final int REG_DATAX0 = 0x32;
    private static final int REG_DATAZ1 = 0x37;
    private static final int REG_FIFO_CTL = 0x38;
    private static final int REG_FIFO_STATUS = 0x39;
    private static final int LAST_REGISTER = 0x39;
    private static final int MEASURE = 0x08;
    private static final int FIFO_DEPTH = 32;
    private static final int MODE_BYPASS = 0;
    private static final int MODE_FIFO = 1;

    private final Clock clock;
    private final int devId;
    private final int[] registers = new int[LAST_REGISTER + 1];
    private final ArrayDeque<int[]> fifo = new ArrayDeque<>(FIFO_DEPTH);
    private final double[] xyz = new double[3];
    private AccelMotion motion = AccelMotion.still();
    private int[] output = {0, 0, 0};
    private boolean newData;
    private boolean overrun;
    private long nextSampleNanos;
    private long produced;
    private long dropped;

    /** A genuine ADXL345 reading time from {@code clock}. */
    public Adxl345Emulator(Clock clock) {
        this(clock, DEVID);
    }

    /** A chip answering {@code devId} in DEVID: another part strapped to the same address, or a fake. */
    public Adxl345Emulator(Clock clock, int devId) {
        super(WriteLayout.AUTO_INCREMENT);
        this.clock = clock;
        this.devId = devId;
        registers[REG_BW_RATE] = 0x0A;
        registers[REG_INT_SOURCE] = 0x02;
    }

    /** From now on the chip feels {@code motion}. */
    public synchronized void setMotion(AccelMotion motion) {
        catchUp();
        this.motion = motion;
    }

    /** Samples taken since power-up. */
    public synchronized long samplesProduced() {
        catchUp();
        return produced;
    }

    /** Samples lost because the FIFO was full (stream mode drops the oldest, FIFO mode the newest). */
    public synchronized long samplesDropped() {
        catchUp();
        return dropped;
    }

    /** True while POWER_CTL's measure bit is set. */
    public synchronized boolean measuring() {
        return (registers[REG_POWER_CTL] & MEASURE) != 0;
    }

    @Override
    void beforeTransaction() {
        catchUp();
    }

    @Override
    int readRegister(int register) {
        if (register == REG_DEVID) {
            return devId;
        }
        if (register >= REG_DATAX0 && register <= REG_DATAZ1) {
            int[] sample = fifoMode() == MODE_BYPASS || fifo.isEmpty() ? output : fifo.peekFirst();
            int axis = (register - REG_DATAX0) / 2;
            boolean high = ((register - REG_DATAX0) & 1) == 1;
            return high ? (sample[axis] >> 8) & 0xFF : sample[axis] & 0xFF;
        }
        if (register == REG_FIFO_STATUS) {
            return Math.min(fifo.size(), FIFO_DEPTH);
        }
        if (register == REG_INT_SOURCE) {
            return intSource();
        }
        return register <= LAST_REGISTER ? registers[register] : 0;
    }

    @Override
    void writeRegister(int register, int value) {
        switch (register) {
            case REG_BW_RATE -> {
                registers[REG_BW_RATE] = value & 0x1F;
                nextSampleNanos = nanos(clock.instant()) + periodNanos();
            }
            case REG_POWER_CTL -> {
                boolean was = measuring();
                registers[REG_POWER_CTL] = value & 0x3F;
                if (!was && measuring()) {
                    nextSampleNanos = nanos(clock.instant()) + periodNanos();
                }
            }
            case REG_DATA_FORMAT -> registers[REG_DATA_FORMAT] = value & 0xEF;
            case REG_FIFO_CTL -> {
                registers[REG_FIFO_CTL] = value;
                if (fifoMode() == MODE_BYPASS) {
                    fifo.clear();
                }
            }
            default -> {
                // DEVID, data, INT_SOURCE and FIFO_STATUS are read-only; the tap and activity registers just hold values.
                boolean readOnly = register == REG_DEVID || register == REG_INT_SOURCE || register == REG_FIFO_STATUS
                        || (register >= REG_DATAX0 && register <= REG_DATAZ1);
                if (!readOnly && register >= 0x1D && register <= LAST_REGISTER) {
                    registers[register] = value;
                }
            }
        }
    }

    @Override
    void afterRead(int first, int count) {
        if (!overlaps(first, count, REG_DATAX0, REG_DATAZ1)) {
            return;
        }
        overrun = false;
        newData = false;
        if (fifoMode() != MODE_BYPASS && !fifo.isEmpty()) {
            output = fifo.removeFirst();
        }
    }

    private int intSource() {
        int watermark = registers[REG_FIFO_CTL] & 0x1F;
        boolean dataReady = fifoMode() == MODE_BYPASS ? newData : !fifo.isEmpty();
        boolean atWatermark = fifoMode() != MODE_BYPASS && fifo.size() >= watermark && watermark > 0;
        return (dataReady ? 0x80 : 0) | (atWatermark ? 0x02 : 0) | (overrun ? 0x01 : 0);
    }

    private int fifoMode() {
        return (registers[REG_FIFO_CTL] >> 6) & 0x03;
    }

    /** Output rate is 3200 Hz halved for each step below rate code 0xF (Table 7). */
    private long periodNanos() {
        int code = registers[REG_BW_RATE] & 0x0F;
        return 312_500L << (15 - code);
    }

    private void catchUp() {
        if (!measuring()) {
            return;
        }
        long now = nanos(clock.instant());
        long period = periodNanos();
        long behind = (now - nextSampleNanos) / period;
        if (behind > 2L * FIFO_DEPTH) {
            // A long jump in time: only the last FIFO's worth can still be in the chip.
            long skip = behind - FIFO_DEPTH - 1;
            nextSampleNanos += skip * period;
            produced += skip;
            dropped += fifoMode() == MODE_BYPASS ? 0 : skip;
            overrun = true;
        }
        while (nextSampleNanos <= now) {
            take(nextSampleNanos);
            nextSampleNanos += period;
        }
    }

    private void take(long atNanos) {
        motion.at(atNanos / 1000, xyz);
        int[] sample = {toRegister(xyz[0]), toRegister(xyz[1]), toRegister(xyz[2])};
        produced++;
        switch (fifoMode()) {
            case MODE_BYPASS -> {
                overrun |= newData;
                output = sample;
                newData = true;
            }
            case MODE_FIFO -> {
                if (fifo.size() < FIFO_DEPTH) {
                    fifo.addLast(sample);
                } else {
                    dropped++;
                    overrun = true;
                }
            }
            default -> {
                if (fifo.size() == FIFO_DEPTH) {
                    fifo.removeFirst();
                    dropped++;
                    overrun = true;
                }
                fifo.addLast(sample);
            }
        }
    }

    /**
     * Encodes g as DATA_FORMAT says: full resolution keeps 3.9 mg/LSB and widens to 13 bits at
     * +-16 g; otherwise 10 bits scaled to the range. Right-justified values are sign-extended to
     * 16 bits; left-justified ones have their MSB at bit 15.
     */
    private int toRegister(double g) {
        int format = registers[REG_DATA_FORMAT];
        int range = format & 0x03;
        boolean fullRes = (format & 0x08) != 0;
        boolean leftJustified = (format & 0x04) != 0;
        int bits = fullRes ? 10 + range : 10;
        double lsbPerG = fullRes ? 256.0 : 256.0 / (1 << range);
        long counts = Math.round(g * lsbPerG);
        int max = (1 << (bits - 1)) - 1;
        int clamped = (int) Math.max(-max - 1, Math.min(max, counts));
        int value = leftJustified ? clamped << (16 - bits) : clamped;
        return value & 0xFFFF;
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
