package org.hearth.sensors.i2c;

/** Sensirion's CRC-8: polynomial 0x31 (x^8 + x^5 + x^4 + 1), initial value 0xFF, no reflection, no final XOR. */
final class Crc8 {

    private Crc8() {
    }

    static byte sensirion(byte msb, byte lsb) {
        int crc = 0xFF;
        crc = step(crc ^ (msb & 0xFF));
        crc = step(crc ^ (lsb & 0xFF));
        return (byte) crc;
    }

    private static int step(int crc) {
        int c = crc;
        for (int bit = 0; bit < 8; bit++) {
            c = (c & 0x80) != 0 ? (c << 1) ^ 0x31 : c << 1;
        }
        return c & 0xFF;
    }
}
