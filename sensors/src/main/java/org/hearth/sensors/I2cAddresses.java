package org.hearth.sensors;

import java.util.List;
import java.util.stream.Collectors;

/** Formats I2C addresses the way datasheets and {@code i2cdetect} print them. */
final class I2cAddresses {

    private I2cAddresses() {
    }

    static String hex(int address) {
        return String.format("0x%02X", address);
    }

    static String either(List<Integer> addresses) {
        return addresses.stream().map(I2cAddresses::hex).collect(Collectors.joining(" or "));
    }
}
