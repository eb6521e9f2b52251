package org.hearth.sensors;

import java.time.Duration;
import java.util.Objects;

/**
 * One configured digital sensor.
 *
 * @param id         unique name, for example {@code cord-bathroom}
 * @param room       the room it is in, as the installer named it
 * @param kind       what it senses
 * @param pin        BCM GPIO number, 2 to 27
 * @param pull       the pin's pull resistor
 * @param activeLow  true when the line reads low while the sensor is active
 * @param debounce   edges closer than this after a change are contact bounce
 * @param maxSilence the longest quiet spell before the sensor counts as suspect
 */
public record SensorSpec(String id, String room, SensorKind kind, int pin, Pull pull, boolean activeLow,
                         Duration debounce, Duration maxSilence) {

    public static final int LOWEST_PIN = 2;
    public static final int HIGHEST_PIN = 27;

    public SensorSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pull, "pull");
        Objects.requireNonNull(debounce, "debounce");
        Objects.requireNonNull(maxSilence, "maxSilence");
        if (pin < LOWEST_PIN || pin > HIGHEST_PIN) {
            throw new IllegalArgumentException("sensor " + id + ": pin " + pin + " is outside BCM " + LOWEST_PIN + "-" + HIGHEST_PIN);
        }
    }
}
