package org.hearth.sensors.i2c;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class Crc8Test {

    @Test
    void matches_the_sht3x_datasheet_example() {
        assertThat(Crc8.sensirion((byte) 0xBE, (byte) 0xEF)).isEqualTo((byte) 0x92);
    }

    @Test
    void matches_the_status_word_after_reset() {
        // Another published value: CRC of 0x0000 is 0x81.
        assertThat(Crc8.sensirion((byte) 0x00, (byte) 0x00)).isEqualTo((byte) 0x81);
    }
}
