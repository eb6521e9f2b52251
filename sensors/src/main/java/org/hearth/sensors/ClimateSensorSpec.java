package org.hearth.sensors;

import java.time.Duration;
import java.util.Objects;

/**
 * One configured temperature and humidity sensor on I2C.
 *
 * @param id         unique name, for example {@code climate-lounge}
 * @param room       the room it is in
 * @param chip       which chip it is
 * @param bus        the I2C bus number; the Pi's header bus is 1
 * @param address    one of the chip's {@link ClimateChip#addresses()}
 * @param readEvery  how often it is read; once a minute is plenty for room air
 * @param maxSilence the longest spell without a good read before the sensor counts as suspect
 */
public record ClimateSensorSpec(String id, String room, ClimateChip chip, int bus, int address, Duration readEvery,
                                Duration maxSilence) {

    public ClimateSensorSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(chip, "chip");
        Objects.requireNonNull(readEvery, "readEvery");
        Objects.requireNonNull(maxSilence, "maxSilence");
        String who = "climate sensor " + id + ": ";
        if (bus < 0) {
            throw new IllegalArgumentException(who + "I2C bus " + bus + " does not exist");
        }
        if (!chip.addresses().contains(address)) {
            throw new IllegalArgumentException(who + "address " + I2cAddresses.hex(address) + " is not a " + chip
                    + " address (" + I2cAddresses.either(chip.addresses()) + ")");
        }
        if (readEvery.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(who + "read interval must be at least 1 s");
        }
        if (maxSilence.compareTo(readEvery) <= 0) {
            throw new IllegalArgumentException(who + "max silence must be longer than the read interval");
        }
    }

    /** Bus 1 at the chip's usual address, read once a minute, suspect after ten minutes without a reading. */
    public static ClimateSensorSpec standard(String id, String room, ClimateChip chip) {
        return new ClimateSensorSpec(id, room, chip, 1, chip.addresses().get(0), Duration.ofMinutes(1), Duration.ofMinutes(10));
    }
}
