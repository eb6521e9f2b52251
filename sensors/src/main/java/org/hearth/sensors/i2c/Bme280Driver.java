package org.hearth.sensors.i2c;

import java.time.Duration;
import java.time.Instant;
import org.hearth.sensors.ClimateListener;
import org.hearth.sensors.ClimateReading;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.health.HealthReporter;
import org.hearth.time.Scheduler;

/**
 * Bosch BME280 (BST-BME280-DS002) in forced mode, as the datasheet recommends for weather
 * monitoring (section 3.5.1): temperature and humidity oversampled x1, pressure skipped, filter
 * off. Each reading: trigger a forced measurement, wait for it, read the data burst, compensate
 * with the chip's own trimming.
 */
final class Bme280Driver extends I2cDriver {

    static final int CHIP_ID = 0x60;
    static final int REG_CALIB_00 = 0x88;
    static final int REG_CHIP_ID = 0xD0;
    static final int REG_RESET = 0xE0;
    static final int REG_CALIB_26 = 0xE1;
    static final int REG_CTRL_HUM = 0xF2;
    static final int REG_STATUS = 0xF3;
    static final int REG_CTRL_MEAS = 0xF4;
    static final int REG_CONFIG = 0xF5;
    static final int REG_DATA = 0xF7;
    static final int RESET_WORD = 0xB6;
    static final int STATUS_MEASURING = 0x08;
    static final int STATUS_IM_UPDATE = 0x01;
    /** osrs_h = x1. */
    static final int CTRL_HUM_X1 = 0x01;
    /** osrs_t = x1 (bits 7:5 = 001), osrs_p skipped (4:2 = 000), sleep mode (1:0 = 00). */
    static final int CTRL_MEAS_SLEEP = 0x20;
    static final int FORCED = 0x01;
    /** The datasheet's maximum for this configuration is 6.4 ms (section 9.1). */
    private static final Duration CONVERSION = Duration.ofMillis(10);
    private static final Duration RECHECK = Duration.ofMillis(5);
    private static final Duration START_UP = Duration.ofMillis(5);
    private static final int MAX_WAITS = 20;

    private final ClimateSensorSpec spec;
    private final ClimateListener listener;
    private Bme280Compensation compensation;
    private Instant triggeredAt;
    private int waits;

    Bme280Driver(ClimateSensorSpec spec, Scheduler scheduler, HealthReporter health, ChannelOpener opener,
                 Duration retryEvery, ClimateListener listener) {
        super(spec.id(), scheduler, health, opener, retryEvery);
        this.spec = spec;
        this.listener = listener;
    }

    @Override
    String chip() {
        return "BME280";
    }

    @Override
    Next setUp(I2cChannel ch) throws I2cIoException, DeviceUnavailableException {
        int chipId = ch.readRegister(REG_CHIP_ID);
        if (chipId != CHIP_ID) {
            throw new DeviceUnavailableException(String.format("the device at %s reports chip id 0x%02X%s, but a BME280 reports 0x60",
                    ch.where(), chipId, knownChip(chipId)));
        }
        ch.writeRegister(REG_RESET, RESET_WORD);
        waits = 0;
        return new Next(START_UP, this::loadCalibration);
    }

    @Override
    Next afterFailure() {
        return new Next(spec.readEvery(), this::trigger);
    }

    private Next loadCalibration(I2cChannel ch) throws I2cIoException, DeviceUnavailableException {
        if ((ch.readRegister(REG_STATUS) & STATUS_IM_UPDATE) != 0) {
            if (++waits > MAX_WAITS) {
                throw new DeviceUnavailableException("the BME280 at " + ch.where() + " did not finish starting up");
            }
            return new Next(START_UP, this::loadCalibration);
        }
        byte[] block1 = new byte[26];
        byte[] block2 = new byte[7];
        ch.readRegisters(REG_CALIB_00, block1);
        ch.readRegisters(REG_CALIB_26, block2);
        compensation = Bme280Compensation.decode(block1, block2);
        if (compensation.t1() == 0 || compensation.t2() == 0) {
            throw new DeviceUnavailableException("the BME280 at " + ch.where() + " has no calibration data");
        }
        // ctrl_hum only takes effect once ctrl_meas is written after it (datasheet 5.4.3).
        ch.writeRegister(REG_CTRL_HUM, CTRL_HUM_X1);
        ch.writeRegister(REG_CONFIG, 0x00);
        ch.writeRegister(REG_CTRL_MEAS, CTRL_MEAS_SLEEP);
        nowRunning();
        return new Next(Duration.ZERO, this::trigger);
    }

    private Next trigger(I2cChannel ch) throws I2cIoException {
        triggeredAt = scheduler.now();
        waits = 0;
        ch.writeRegister(REG_CTRL_MEAS, CTRL_MEAS_SLEEP | FORCED);
        return new Next(CONVERSION, this::collect);
    }

    private Next collect(I2cChannel ch) throws I2cIoException {
        if ((ch.readRegister(REG_STATUS) & STATUS_MEASURING) != 0) {
            if (++waits > MAX_WAITS) {
                throw new I2cIoException("measurement did not finish");
            }
            return new Next(RECHECK, this::collect);
        }
        byte[] data = new byte[8];
        ch.readRegisters(REG_DATA, data);
        int adcT = ((data[3] & 0xFF) << 12) | ((data[4] & 0xFF) << 4) | ((data[5] & 0xFF) >> 4);
        int adcH = ((data[6] & 0xFF) << 8) | (data[7] & 0xFF);
        if (adcT == 0x80000 || adcH == 0x8000) {
            // The reset value: the chip lost its settings (a brown-out) and measured nothing.
            throw new I2cIoException("the chip returned no measurement");
        }
        int tFine = compensation.tFine(adcT);
        double celsius = compensation.centiCelsius(tFine) / 100.0;
        double humidity = compensation.humidity1024(adcH, tFine) / 1024.0;
        listener.onClimate(new ClimateReading(spec.id(), spec.room(), celsius, humidity, scheduler.now()));
        delivered();
        Duration spent = Duration.between(triggeredAt, scheduler.now());
        return new Next(spec.readEvery().minus(spent), this::trigger);
    }

    private static String knownChip(int chipId) {
        return switch (chipId) {
            case 0x58 -> " (a BMP280, which cannot measure humidity)";
            case 0x56, 0x57 -> " (a BMP280 sample, which cannot measure humidity)";
            case 0x55 -> " (a BMP180)";
            case 0x61 -> " (a BME680)";
            default -> "";
        };
    }
}
