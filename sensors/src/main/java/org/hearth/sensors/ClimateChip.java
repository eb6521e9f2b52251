package org.hearth.sensors;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The temperature and humidity chips Hearth drives, with the I2C addresses each can answer at. */
public enum ClimateChip {
    /** Bosch BME280: SDO to ground answers at 0x76, SDO to 3.3 V at 0x77. */
    BME280(0x76, 0x77),
    /** Sensirion SHT31: ADDR to ground answers at 0x44, ADDR to 3.3 V at 0x45. */
    SHT31(0x44, 0x45);

    private final List<Integer> addresses;

    ClimateChip(Integer... addresses) {
        this.addresses = List.of(addresses);
    }

    /** The addresses the chip can be strapped to; the first is the usual one. */
    public List<Integer> addresses() {
        return addresses;
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ClimateChip> fromConfigName(String name) {
        return Arrays.stream(values()).filter(c -> c.configName().equals(name)).findFirst();
    }
}
