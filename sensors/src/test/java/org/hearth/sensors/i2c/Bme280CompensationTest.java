package org.hearth.sensors.i2c;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class Bme280CompensationTest {

    @Test
    void temperature_matches_boschs_published_worked_example() {
        // The BMP280 datasheet's worked example (section 3.12); the BME280 uses the same temperature formula.
        Bme280Compensation c = new Bme280Compensation(27504, 26435, -1000, 0, 0, 0, 0, 0, 0);
        int tFine = c.tFine(519888);
        assertThat(tFine).isEqualTo(128422);
        assertThat(c.centiCelsius(tFine)).isEqualTo(2508);
    }

    @Test
    void decodes_the_split_12_bit_humidity_trims_with_their_signs() {
        byte[] block1 = new byte[26];
        block1[25] = 75;
        // dig_H2 = 353, dig_H3 = 0, dig_H4 = -300 (0xED4), dig_H5 = -20 (0xFEC), dig_H6 = -5.
        byte[] block2 = {(byte) 0x61, 0x01, 0x00, (byte) 0xED, (byte) 0xC4, (byte) 0xFE, (byte) 0xFB};
        Bme280Compensation c = Bme280Compensation.decode(block1, block2);
        assertThat(c.h1()).isEqualTo(75);
        assertThat(c.h2()).isEqualTo(353);
        assertThat(c.h4()).isEqualTo(-300);
        assertThat(c.h5()).isEqualTo(-20);
        assertThat(c.h6()).isEqualTo(-5);
    }

    @Test
    void humidity_is_clamped_to_0_and_100_percent() {
        Bme280Compensation c = new Bme280Compensation(28094, 26504, 50, 75, 353, 0, 340, 0, 30);
        int tFine = c.tFine(520_000);
        assertThat(c.humidity1024(0, tFine)).isZero();
        assertThat(c.humidity1024(0xFFFF, tFine)).isEqualTo(100 * 1024);
    }
}
