package org.hearth.sensors.i2c;

/**
 * A BME280's trimming parameters and the datasheet's 32-bit integer compensation
 * (BST-BME280-DS002, section 4.2.3), which is what Bosch recommends and gives 0.01 °C and
 * 1/1024 %RH steps. Pressure is not used by Hearth, so its trimming is read but not kept.
 */
record Bme280Compensation(int t1, int t2, int t3, int h1, int h2, int h3, int h4, int h5, int h6) {

    /**
     * Decodes the two calibration blocks.
     *
     * @param block1 the 26 bytes from 0x88 (dig_T1..dig_P9, a reserved byte, dig_H1 at 0xA1)
     * @param block2 the 7 bytes from 0xE1 (dig_H2..dig_H6)
     */
    static Bme280Compensation decode(byte[] block1, byte[] block2) {
        int t1 = u16(block1, 0);
        int t2 = s16(block1, 2);
        int t3 = s16(block1, 4);
        int h1 = block1[25] & 0xFF;
        int h2 = s16(block2, 0);
        int h3 = block2[2] & 0xFF;
        // dig_H4 and dig_H5 are signed 12-bit values sharing the nibbles of 0xE5.
        int h4 = (block2[3] << 4) | (block2[4] & 0x0F);
        int h5 = (block2[5] << 4) | ((block2[4] & 0xFF) >> 4);
        int h6 = block2[6];
        return new Bme280Compensation(t1, t2, t3, h1, h2, h3, h4, h5, h6);
    }

    /** t_fine, the fine temperature both compensations share. */
    int tFine(int adcT) {
        int var1 = (((adcT >> 3) - (t1 << 1)) * t2) >> 11;
        int d = (adcT >> 4) - t1;
        int var2 = (((d * d) >> 12) * t3) >> 14;
        return var1 + var2;
    }

    /** Temperature in hundredths of a degree Celsius: 5123 is 51.23 °C. */
    int centiCelsius(int tFine) {
        return (tFine * 5 + 128) >> 8;
    }

    /** Relative humidity in 1/1024 %: 47445 is 46.333 %. */
    int humidity1024(int adcH, int tFine) {
        int v = tFine - 76800;
        v = ((((adcH << 14) - (h4 << 20) - (h5 * v)) + 16384) >> 15)
                * (((((((v * h6) >> 10) * (((v * h3) >> 11) + 32768)) >> 10) + 2097152) * h2 + 8192) >> 14);
        v = v - (((((v >> 15) * (v >> 15)) >> 7) * h1) >> 4);
        v = Math.max(0, Math.min(419430400, v));
        return v >> 12;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8);
    }

    private static int s16(byte[] b, int i) {
        return (short) u16(b, i);
    }
}
