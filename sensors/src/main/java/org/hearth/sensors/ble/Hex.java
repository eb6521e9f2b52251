package org.hearth.sensors.ble;

import java.util.HexFormat;

/** Bytes as an installer reads them in {@code btmon}: {@code 01 ff}. */
final class Hex {

    private static final HexFormat FORMAT = HexFormat.ofDelimiter(" ");

    private Hex() {
    }

    static String of(byte[] value) {
        return value.length == 0 ? "empty" : FORMAT.formatHex(value);
    }
}
