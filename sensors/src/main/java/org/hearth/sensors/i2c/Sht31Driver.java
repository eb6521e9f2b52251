package org.hearth.sensors.i2c;

import java.time.Duration;
import java.time.Instant;
import org.hearth.sensors.ClimateListener;
import org.hearth.sensors.ClimateReading;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.health.HealthReporter;
import org.hearth.time.Scheduler;

/**
 * Sensirion SHT31 (SHT3x-DIS datasheet): single-shot measurements at high repeatability without
 * clock stretching (command 0x2400, at most 15.5 ms), every word checked by its CRC-8. The chip
 * has no identity register, so it is recognised by a soft reset and a status read whose CRC is right.
 */
final class Sht31Driver extends I2cDriver {

    static final int CMD_SOFT_RESET = 0x30A2;
    static final int CMD_READ_STATUS = 0xF32D;
    static final int CMD_MEASURE_HIGH = 0x2400;
    /** Soft reset takes at most 1.5 ms. */
    private static final Duration RESET_TIME = Duration.ofMillis(2);
    /** A high-repeatability measurement takes at most 15.5 ms. */
    private static final Duration CONVERSION = Duration.ofMillis(20);

    private final ClimateSensorSpec spec;
    private final ClimateListener listener;
    private Instant triggeredAt;

    Sht31Driver(ClimateSensorSpec spec, Scheduler scheduler, HealthReporter health, ChannelOpener opener,
                Duration retryEvery, ClimateListener listener) {
        super(spec.id(), scheduler, health, opener, retryEvery);
        this.spec = spec;
        this.listener = listener;
    }

    @Override
    String chip() {
        return "SHT31";
    }

    @Override
    Next setUp(I2cChannel ch) throws I2cIoException {
        ch.writeCommand(CMD_SOFT_RESET);
        return new Next(RESET_TIME, this::checkStatus);
    }

    @Override
    Next afterFailure() {
        return new Next(spec.readEvery(), this::trigger);
    }

    private Next checkStatus(I2cChannel ch) throws I2cIoException, DeviceUnavailableException {
        ch.writeCommand(CMD_READ_STATUS);
        byte[] status = new byte[3];
        ch.read(status);
        if (Crc8.sensirion(status[0], status[1]) != status[2]) {
            throw new DeviceUnavailableException("the device at " + ch.where()
                    + " does not answer like an SHT31 (its status word fails the CRC check)");
        }
        nowRunning();
        return new Next(Duration.ZERO, this::trigger);
    }

    private Next trigger(I2cChannel ch) throws I2cIoException {
        triggeredAt = scheduler.now();
        ch.writeCommand(CMD_MEASURE_HIGH);
        return new Next(CONVERSION, this::collect);
    }

    private Next collect(I2cChannel ch) throws I2cIoException {
        byte[] data = new byte[6];
        ch.read(data);
        if (Crc8.sensirion(data[0], data[1]) != data[2] || Crc8.sensirion(data[3], data[4]) != data[5]) {
            throw new I2cIoException("the reading failed its CRC check");
        }
        int rawT = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
        int rawH = ((data[3] & 0xFF) << 8) | (data[4] & 0xFF);
        double celsius = -45.0 + 175.0 * rawT / 65535.0;
        double humidity = 100.0 * rawH / 65535.0;
        listener.onClimate(new ClimateReading(spec.id(), spec.room(), celsius, humidity, scheduler.now()));
        delivered();
        Duration spent = Duration.between(triggeredAt, scheduler.now());
        return new Next(spec.readEvery().minus(spent), this::trigger);
    }
}
