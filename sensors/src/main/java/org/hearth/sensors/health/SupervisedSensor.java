package org.hearth.sensors.health;

import java.time.Duration;
import java.util.Objects;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.SensorSpec;

/**
 * A sensor as health supervision sees it.
 *
 * @param id         the sensor's configured id
 * @param room       its room
 * @param kind       what it is, as the config names it: {@code pir}, {@code adxl345}, {@code bme280}...
 * @param maxSilence how long it may stay quiet before it counts as suspect
 * @param polled     true for sensors that are read (I2C), whose silence means "no readings";
 *                   false for sensors that report changes (GPIO), whose silence means "no events"
 */
public record SupervisedSensor(String id, String room, String kind, Duration maxSilence, boolean polled) {

    /** The kind a presence radar (a Seeed MR24HPC1) is listed as. */
    public static final String RADAR_KIND = "mr24hpc1";

    public SupervisedSensor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(maxSilence, "maxSilence");
        if (maxSilence.isNegative() || maxSilence.isZero()) {
            throw new IllegalArgumentException("sensor " + id + ": max silence must be positive");
        }
    }

    public static SupervisedSensor digital(SensorSpec spec) {
        return new SupervisedSensor(spec.id(), spec.room(), spec.kind().configName(), spec.maxSilence(), false);
    }

    public static SupervisedSensor accelerometer(AccelerometerSpec spec) {
        return new SupervisedSensor(spec.id(), spec.room(), "adxl345", spec.maxSilence(), true);
    }

    public static SupervisedSensor climate(ClimateSensorSpec spec) {
        return new SupervisedSensor(spec.id(), spec.room(), spec.chip().configName(), spec.maxSilence(), true);
    }

    public static SupervisedSensor radar(RadarSpec spec) {
        return new SupervisedSensor(spec.id(), spec.room(), RADAR_KIND, spec.maxSilence(), true);
    }

    public static SupervisedSensor pendant(PendantSpec spec) {
        return new SupervisedSensor(spec.id(), spec.room(), spec.profile(), spec.maxSilence(), true);
    }
}
