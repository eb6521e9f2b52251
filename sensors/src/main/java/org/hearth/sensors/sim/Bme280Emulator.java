package org.hearth.sensors.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * A Bosch BME280's I2C register map, as its datasheet (BST-BME280-DS002) describes: chip id,
 * soft reset with an NVM copy, per-chip calibration ("trimming") registers, ctrl_hum that only takes
 * effect on the next ctrl_meas write, forced mode with a measurement that takes the datasheet's
 * typical time and sets status.measuring meanwhile, and the burst-readable data registers.
 *
 * <p>The raw ADC values are found by inverting the datasheet's double-precision compensation
 * formulas (section 8.1), so a driver using the 32-bit integer formulas (section 4.2.3) is checked
 * against an independent implementation rather than against itself.
 */
public final class Bme280Emulator extends RegisterMapDevice {

    public static final int CHIP_ID = 0x60;

    private static final int REG_CALIB_00 = 0x88;
    private static final int REG_CALIB_25 = 0xA1;
    private static final int REG_CHIP_ID = 0xD0;
    private static final int REG_RESET = 0xE0;
    private static final int REG_CALIB_26 = 0xE1;
    private static final int REG_CALIB_41 = 0xF0;
    private static final int REG_CTRL_HUM = 0xF2;
    private static final int REG_STATUS = 0xF3;
    private static final int REG_CTRL_MEAS = 0xF4;
    private static final int REG_CONFIG = 0xF5;
    private static final int REG_DATA = 0xF7;
    private static final int RESET_WORD = 0xB6;
    /** The chip's start-up time, during which it copies its trimming from NVM. */
    private static final Duration NVM_COPY = Duration.ofMillis(2);
    /** Raw pressure reported when pressure is measured; Hearth does not use it. */
    private static final int SOME_PRESSURE_ADC = 415_148;

    private final Clock clock;
    private final int chipId;
    private final Calibration calibration;
    private final byte[] trimming = new byte[256];
    private final int[] data = new int[8];
    private int ctrlHum;
    private int latchedHumOversampling;
    private int ctrlMeas;
    private int config;
    private Instant nvmReadyAt;
    private Instant measurementDoneAt;
    private double temperatureC = 21.0;
    private double humidityPct = 45.0;
    private long measurements;

    /** A genuine BME280 with typical calibration, in a 21 °C, 45 % room. */
    public Bme280Emulator(Clock clock) {
        this(clock, CHIP_ID, Calibration.typical());
    }

    /** A chip answering {@code chipId} (0x58 is a BMP280, which has no humidity sensor), trimmed with {@code calibration}. */
    public Bme280Emulator(Clock clock, int chipId, Calibration calibration) {
        super(WriteLayout.PAIRS);
        this.clock = clock;
        this.chipId = chipId;
        this.calibration = calibration;
        calibration.writeInto(trimming);
        powerOnReset();
    }

    /** The room's air from now on; the next measurement reports it. */
    public synchronized void setConditions(double temperatureC, double humidityPct) {
        this.temperatureC = temperatureC;
        this.humidityPct = humidityPct;
    }

    /** Completed measurements since power-up. */
    public synchronized long measurements() {
        beforeTransaction();
        return measurements;
    }

    @Override
    void beforeTransaction() {
        Instant now = clock.instant();
        if (mode() == 0b11) {
            measure();
        } else if (measurementDoneAt != null && !now.isBefore(measurementDoneAt)) {
            measure();
            measurementDoneAt = null;
            ctrlMeas &= ~0b11;
        }
    }

    @Override
    int readRegister(int register) {
        boolean copyingNvm = clock.instant().isBefore(nvmReadyAt);
        if ((register >= REG_CALIB_00 && register <= REG_CALIB_25) || (register >= REG_CALIB_26 && register <= REG_CALIB_41)) {
            // The datasheet only says to wait for im_update; zeros make a driver that does not wait visibly wrong.
            return copyingNvm ? 0 : trimming[register] & 0xFF;
        }
        return switch (register) {
            case REG_CHIP_ID -> chipId;
            case REG_CTRL_HUM -> ctrlHum;
            case REG_STATUS -> (measurementDoneAt != null ? 0x08 : 0) | (copyingNvm ? 0x01 : 0);
            case REG_CTRL_MEAS -> ctrlMeas;
            case REG_CONFIG -> config;
            default -> register >= REG_DATA && register < REG_DATA + data.length ? data[register - REG_DATA] : 0;
        };
    }

    @Override
    void writeRegister(int register, int value) {
        switch (register) {
            case REG_RESET -> {
                if (value == RESET_WORD) {
                    powerOnReset();
                }
            }
            case REG_CTRL_HUM -> ctrlHum = value & 0x07;
            case REG_CTRL_MEAS -> {
                ctrlMeas = value;
                latchedHumOversampling = ctrlHum;
                int mode = value & 0b11;
                if (mode == 0b01 || mode == 0b10) {
                    measurementDoneAt = clock.instant().plus(measurementTime());
                }
            }
            case REG_CONFIG -> config = value & 0xFD;
            default -> {
                // Everything else is read-only.
            }
        }
    }

    private void powerOnReset() {
        ctrlHum = 0;
        latchedHumOversampling = 0;
        ctrlMeas = 0;
        config = 0;
        measurementDoneAt = null;
        nvmReadyAt = clock.instant().plus(NVM_COPY);
        int[] resetData = {0x80, 0x00, 0x00, 0x80, 0x00, 0x00, 0x80, 0x00};
        System.arraycopy(resetData, 0, data, 0, data.length);
    }

    private int mode() {
        return ctrlMeas & 0b11;
    }

    /** Typical measurement time, datasheet section 9.1: 1 ms plus 2 ms per oversampled conversion, plus 0.5 ms per enabled P and H. */
    private Duration measurementTime() {
        int t = oversampling(ctrlMeas >> 5);
        int p = oversampling(ctrlMeas >> 2);
        int h = oversampling(latchedHumOversampling);
        double ms = 1.0 + 2.0 * t + (p > 0 ? 2.0 * p + 0.5 : 0) + (h > 0 ? 2.0 * h + 0.5 : 0);
        return Duration.ofNanos((long) (ms * 1_000_000));
    }

    private static int oversampling(int bits) {
        int code = bits & 0x07;
        return code == 0 ? 0 : Math.min(16, 1 << (code - 1));
    }

    private void measure() {
        measurements++;
        boolean doT = oversampling(ctrlMeas >> 5) > 0;
        boolean doP = oversampling(ctrlMeas >> 2) > 0;
        boolean doH = oversampling(latchedHumOversampling) > 0;
        int adcT = calibration.rawTemperature(temperatureC);
        int adcP = doP ? SOME_PRESSURE_ADC : 0x80000;
        int adcTOut = doT ? adcT : 0x80000;
        // Humidity compensation needs t_fine, so the chip reports 0x8000 for humidity without temperature.
        int adcH = doH && doT ? calibration.rawHumidity(humidityPct, adcT) : 0x8000;
        data[0] = (adcP >> 12) & 0xFF;
        data[1] = (adcP >> 4) & 0xFF;
        data[2] = (adcP & 0x0F) << 4;
        data[3] = (adcTOut >> 12) & 0xFF;
        data[4] = (adcTOut >> 4) & 0xFF;
        data[5] = (adcTOut & 0x0F) << 4;
        data[6] = (adcH >> 8) & 0xFF;
        data[7] = adcH & 0xFF;
    }

    /**
     * A chip's trimming parameters (datasheet Table 16): dig_T1..T3, dig_P1..P9, dig_H1..H6.
     */
    public record Calibration(int t1, int t2, int t3, int p1, int p2, int p3, int p4, int p5, int p6, int p7, int p8,
                              int p9, int h1, int h2, int h3, int h4, int h5, int h6) {

        /** Values of the order seen on real parts. */
        public static Calibration typical() {
            return new Calibration(28094, 26504, 50, 37625, -10565, 3024, 7611, -83, -7, 9900, -10230, 4285,
                    75, 353, 0, 340, 0, 30);
        }

        /** Plausible trimming for some other chip, for tests that must not depend on one part. */
        public static Calibration random(Random random) {
            return new Calibration(26000 + random.nextInt(4000), 25000 + random.nextInt(2500), -1000 + random.nextInt(2000),
                    36000 + random.nextInt(3000), -10800 + random.nextInt(500), 2900 + random.nextInt(300),
                    6000 + random.nextInt(3000), -200 + random.nextInt(200), -7, 9900, -10230, 4285,
                    60 + random.nextInt(40), 300 + random.nextInt(100), random.nextInt(10), 250 + random.nextInt(150),
                    random.nextInt(50), 20 + random.nextInt(20));
        }

        void writeInto(byte[] map) {
            int[] words = {t1, t2, t3, p1, p2, p3, p4, p5, p6, p7, p8, p9};
            for (int i = 0; i < words.length; i++) {
                map[REG_CALIB_00 + 2 * i] = (byte) words[i];
                map[REG_CALIB_00 + 2 * i + 1] = (byte) (words[i] >> 8);
            }
            map[REG_CALIB_25] = (byte) h1;
            map[REG_CALIB_26] = (byte) h2;
            map[REG_CALIB_26 + 1] = (byte) (h2 >> 8);
            map[REG_CALIB_26 + 2] = (byte) h3;
            map[REG_CALIB_26 + 3] = (byte) (h4 >> 4);
            map[REG_CALIB_26 + 4] = (byte) ((h4 & 0x0F) | ((h5 & 0x0F) << 4));
            map[REG_CALIB_26 + 5] = (byte) (h5 >> 4);
            map[REG_CALIB_26 + 6] = (byte) h6;
        }

        /** Datasheet 8.1, temperature in double precision; also yields t_fine. */
        double temperature(int adcT) {
            double var1 = (adcT / 16384.0 - t1 / 1024.0) * t2;
            double d = adcT / 131072.0 - t1 / 8192.0;
            double var2 = d * d * t3;
            return (var1 + var2) / 5120.0;
        }

        int tFine(int adcT) {
            double var1 = (adcT / 16384.0 - t1 / 1024.0) * t2;
            double d = adcT / 131072.0 - t1 / 8192.0;
            return (int) (var1 + d * d * t3);
        }

        /** Datasheet 8.1, humidity in double precision before clamping to 0..100 %. */
        double humidity(int adcH, int tFine) {
            double h = tFine - 76800.0;
            h = (adcH - (h4 * 64.0 + h5 / 16384.0 * h))
                    * (h2 / 65536.0 * (1.0 + h6 / 67108864.0 * h * (1.0 + h3 / 67108864.0 * h)));
            return h * (1.0 - h1 * h / 524288.0);
        }

        /** The 20-bit ADC value whose compensated temperature is closest to {@code celsius}. */
        int rawTemperature(double celsius) {
            return closest(0, (1 << 20) - 1, adc -> temperature(adc), celsius);
        }

        /** The 16-bit ADC value whose compensated humidity is closest to {@code percent} at this temperature. */
        int rawHumidity(double percent, int adcT) {
            int tFine = tFine(adcT);
            return closest(0, 0xFFFF, adc -> humidity(adc, tFine), percent);
        }

        private static int closest(int low, int high, java.util.function.IntToDoubleFunction f, double target) {
            // Both compensations rise with the ADC value over the sensor's range, so bisection finds the crossing.
            int lo = low;
            int hi = high;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (f.applyAsDouble(mid) < target) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (lo > low && Math.abs(f.applyAsDouble(lo - 1) - target) < Math.abs(f.applyAsDouble(lo) - target)) {
                return lo - 1;
            }
            return lo;
        }
    }
}
