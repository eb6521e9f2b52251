package org.hearth.sensors.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The emulator against the BME280 datasheet's register map and forced-mode behaviour. */
@Tag("small")
class Bme280EmulatorTest {

    private final VirtualScheduler time = new VirtualScheduler(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);
    private final SimulatedI2cBus bus = new SimulatedI2cBus(1);
    private final Bme280Emulator chip = new Bme280Emulator(time.clock());
    private final BusProbe probe = new BusProbe(bus, 0x76);

    Bme280EmulatorTest() {
        bus.attach(0x76, chip);
    }

    @Test
    void reports_chip_id_0x60() throws IOException {
        assertThat(probe.get(0xD0)).isEqualTo(0x60);
    }

    @Test
    void calibration_registers_are_laid_out_as_table_16_says() throws IOException {
        time.advanceBy(Duration.ofMillis(5));
        Bme280Emulator.Calibration c = Bme280Emulator.Calibration.typical();
        byte[] low = probe.burst(0x88, 26);
        assertThat((low[0] & 0xFF) | ((low[1] & 0xFF) << 8)).isEqualTo(c.t1());
        assertThat((short) ((low[2] & 0xFF) | ((low[3] & 0xFF) << 8))).isEqualTo((short) c.t2());
        assertThat(low[25] & 0xFF).isEqualTo(c.h1());
        byte[] high = probe.burst(0xE1, 7);
        assertThat(((high[3] & 0xFF) << 4) | (high[4] & 0x0F)).isEqualTo(c.h4());
        assertThat(high[6]).isEqualTo((byte) c.h6());
    }

    @Test
    void after_a_soft_reset_it_copies_its_nvm_for_a_while() throws IOException {
        probe.set(0xE0, 0xB6);
        assertThat(probe.get(0xF3) & 0x01).isEqualTo(1);
        time.advanceBy(Duration.ofMillis(3));
        assertThat(probe.get(0xF3) & 0x01).isZero();
    }

    @Test
    void a_forced_measurement_sets_measuring_until_done_then_returns_to_sleep() throws IOException {
        time.advanceBy(Duration.ofMillis(5));
        probe.set(0xF2, 0x01);
        probe.set(0xF4, 0x21);
        assertThat(probe.get(0xF3) & 0x08).isEqualTo(0x08);
        assertThat(probe.burst(0xFA, 3)).as("still the reset value").containsExactly(0x80, 0x00, 0x00);

        time.advanceBy(Duration.ofMillis(10));

        assertThat(probe.get(0xF3) & 0x08).isZero();
        assertThat(probe.get(0xF4) & 0x03).as("back to sleep").isZero();
        assertThat(probe.burst(0xF7, 3)).as("pressure skipped").containsExactly(0x80, 0x00, 0x00);
        assertThat(probe.burst(0xFA, 3)).isNotEqualTo(new byte[] {(byte) 0x80, 0, 0});
    }

    @Test
    void ctrl_hum_only_takes_effect_after_a_ctrl_meas_write() throws IOException {
        time.advanceBy(Duration.ofMillis(5));
        probe.set(0xF4, 0x20);
        probe.set(0xF2, 0x01);
        // Forced mode written in the same transaction as... nothing: the earlier ctrl_meas write latched osrs_h = 0.
        bus.write(0x76, new byte[] {(byte) 0xF4, 0x21}, 0, 2);
        time.advanceBy(Duration.ofMillis(20));
        assertThat(probe.burst(0xFD, 2)).as("humidity measured, since ctrl_meas was written after ctrl_hum")
                .isNotEqualTo(new byte[] {(byte) 0x80, 0});

        chip.setConditions(20, 50);
        probe.set(0xF2, 0x00);
        time.advanceBy(Duration.ofMillis(5));
        assertThat(probe.get(0xF2)).isZero();
    }

    @Test
    void pairs_of_register_and_value_are_written_in_one_transaction() throws IOException {
        bus.write(0x76, new byte[] {(byte) 0xF2, 0x05, (byte) 0xF5, (byte) 0xA0}, 0, 4);
        assertThat(probe.get(0xF2)).isEqualTo(0x05);
        assertThat(probe.get(0xF5)).isEqualTo(0xA0);
    }

    @Test
    void raw_values_invert_the_datasheet_double_formulas_for_many_chips() {
        Random random = new Random(280);
        for (int i = 0; i < 200; i++) {
            Bme280Emulator.Calibration c = Bme280Emulator.Calibration.random(random);
            double celsius = -20 + 60 * random.nextDouble();
            double humidity = 1 + 98 * random.nextDouble();
            int adcT = c.rawTemperature(celsius);
            int adcH = c.rawHumidity(humidity, adcT);
            assertThat(c.temperature(adcT)).isCloseTo(celsius, org.assertj.core.data.Offset.offset(0.005));
            assertThat(c.humidity(adcH, c.tFine(adcT))).isCloseTo(humidity, org.assertj.core.data.Offset.offset(0.01));
        }
    }
}
