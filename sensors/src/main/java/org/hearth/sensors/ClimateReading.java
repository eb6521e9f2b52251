package org.hearth.sensors;

import java.time.Instant;
import java.util.Objects;

/**
 * One temperature and humidity reading from an environment sensor, already compensated by the
 * chip's own calibration (BME280) or checked by its CRC (SHT31).
 *
 * @param sensorId     the sensor's configured id
 * @param room         the sensor's room
 * @param temperatureC air temperature in degrees Celsius
 * @param humidityPct  relative humidity in percent, 0 to 100
 * @param at           when it was read, by the injected clock
 */
public record ClimateReading(String sensorId, String room, double temperatureC, double humidityPct, Instant at) {

    public ClimateReading {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(at, "at");
    }
}
