package org.hearth.gateway.domain.activity;

import java.time.Instant;
import java.util.Objects;

/**
 * One indoor temperature reading, as a BME280 or SHT31 driver reports it.
 *
 * @param sensorId the sensor's configured id
 * @param room     the room it is in
 * @param celsius  the temperature in °C
 * @param at       when, by the injected clock
 */
public record TemperatureReading(String sensorId, String room, double celsius, Instant at) {

    public TemperatureReading {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(at, "at");
        if (!Double.isFinite(celsius)) {
            throw new IllegalArgumentException("sensor " + sensorId + ": temperature is not a number");
        }
    }
}
