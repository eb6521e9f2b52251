package org.hearth.sensors.i2c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.hearth.sensors.ClimateChip;
import org.hearth.sensors.ClimateReading;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.health.HealthStatus;
import org.hearth.sensors.sim.Bme280Emulator;
import org.hearth.sensors.sim.Sht31Emulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** BME280 and SHT31 drivers through Pi4J against the emulated chips, in virtual time. */
@Tag("medium")
class ClimateDriverTest {

    private final I2cRig rig = new I2cRig();
    private final ClimateSensorSpec bme = ClimateSensorSpec.standard("climate-lounge", "lounge", ClimateChip.BME280);
    private final ClimateSensorSpec sht = ClimateSensorSpec.standard("climate-bath", "bathroom", ClimateChip.SHT31);

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void bme280_is_read_once_a_minute_with_its_own_compensation() {
        Bme280Emulator chip = new Bme280Emulator(rig.time.clock());
        chip.setConditions(14.5, 62.0);
        rig.bus.attach(0x76, chip);
        rig.sensors.addClimate(bme, rig.readings::add);

        rig.time.advanceBy(Duration.ofMinutes(10));

        assertThat(rig.readings).hasSize(10);
        assertThat(rig.readings).allSatisfy(r -> {
            assertThat(r.sensorId()).isEqualTo("climate-lounge");
            assertThat(r.room()).isEqualTo("lounge");
            assertThat(r.temperatureC()).isCloseTo(14.5, within(0.011));
            assertThat(r.humidityPct()).isCloseTo(62.0, within(0.05));
        });
        List<ClimateReading> r = rig.readings;
        for (int i = 1; i < r.size(); i++) {
            assertThat(Duration.between(r.get(i - 1).at(), r.get(i).at())).isEqualTo(Duration.ofMinutes(1));
        }
        assertThat(chip.measurements()).isEqualTo(10);
        assertThat(rig.health("climate-lounge").status()).isEqualTo(HealthStatus.ONLINE);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
    void bme280_readings_match_the_room_for_chips_with_any_trimming(long seed) {
        Random random = new Random(seed);
        Bme280Emulator chip = new Bme280Emulator(rig.time.clock(), 0x60, Bme280Emulator.Calibration.random(random));
        double celsius = -10 + 45 * random.nextDouble();
        double humidity = 5 + 90 * random.nextDouble();
        chip.setConditions(celsius, humidity);
        rig.bus.attach(0x77, chip);
        rig.sensors.addClimate(new ClimateSensorSpec("c", "lounge", ClimateChip.BME280, 1, 0x77, Duration.ofMinutes(1),
                Duration.ofMinutes(10)), rig.readings::add);

        rig.time.advanceBy(Duration.ofSeconds(1));

        // The integer formulas step in 0.01 °C and 1/1024 %; the rest is the ADC's own resolution.
        assertThat(rig.readings).singleElement().satisfies(r -> {
            assertThat(r.temperatureC()).isCloseTo(celsius, within(0.011));
            assertThat(r.humidityPct()).isCloseTo(humidity, within(0.05));
        });
    }

    @Test
    void a_bmp280_at_the_bme280_address_is_offline_and_named() {
        rig.bus.attach(0x76, new Bme280Emulator(rig.time.clock(), 0x58, Bme280Emulator.Calibration.typical()));
        rig.sensors.addClimate(bme, rig.readings::add);
        rig.time.advanceBy(Duration.ofMinutes(5));

        assertThat(rig.readings).isEmpty();
        assertThat(rig.health("climate-lounge").describe()).isEqualTo("OFFLINE (the device at 0x76 on I2C bus 1 reports chip id 0x58"
                + " (a BMP280, which cannot measure humidity), but a BME280 reports 0x60)");
    }

    @Test
    void a_bme280_that_loses_its_settings_is_set_up_again() throws Exception {
        Bme280Emulator chip = new Bme280Emulator(rig.time.clock());
        rig.bus.attach(0x76, chip);
        rig.sensors.addClimate(bme, rig.readings::add);
        rig.time.advanceBy(Duration.ofMinutes(2));

        // A brown-out: soft reset wipes ctrl_hum and ctrl_meas, so forced measurements skip everything.
        rig.bus.write(0x76, new byte[] {(byte) 0xE0, (byte) 0xB6}, 0, 2);
        rig.bus.write(0x76, new byte[] {(byte) 0xF4, 0x01}, 0, 2);
        rig.time.advanceBy(Duration.ofMinutes(5));

        assertThat(rig.readings.size()).isGreaterThanOrEqualTo(4);
        assertThat(rig.health("climate-lounge").status()).isEqualTo(HealthStatus.ONLINE);
    }

    @Test
    void sht31_is_read_once_a_minute_with_both_crcs_checked() {
        Sht31Emulator chip = new Sht31Emulator(rig.time.clock());
        chip.setConditions(27.5, 71.0);
        rig.bus.attach(0x44, chip);
        rig.sensors.addClimate(sht, rig.readings::add);

        rig.time.advanceBy(Duration.ofMinutes(3));

        assertThat(rig.readings).hasSize(3).allSatisfy(r -> {
            assertThat(r.temperatureC()).isCloseTo(27.5, within(0.003));
            assertThat(r.humidityPct()).isCloseTo(71.0, within(0.002));
        });
        assertThat(chip.measurements()).isEqualTo(3);
    }

    @Test
    void an_sht31_reading_with_a_bad_crc_is_dropped_and_three_make_it_offline() {
        Sht31Emulator chip = new Sht31Emulator(rig.time.clock());
        rig.bus.attach(0x44, chip);
        rig.sensors.addClimate(sht, rig.readings::add);
        rig.time.advanceBy(Duration.ofSeconds(30));
        assertThat(rig.readings).hasSize(1);

        chip.corruptNextCrcs(1);
        rig.time.advanceBy(Duration.ofMinutes(1));
        assertThat(rig.readings).hasSize(1);
        assertThat(rig.health("climate-bath").describe())
                .isEqualTo("ONLINE (working, but I2C read failed once: the reading failed its CRC check)");

        chip.corruptNextCrcs(3);
        rig.time.advanceBy(Duration.ofMinutes(4));
        assertThat(rig.healthEvents).extracting(e -> e.current() + " " + e.reason())
                .contains("OFFLINE I2C read failed 3 times: the reading failed its CRC check");
        assertThat(rig.health("climate-bath").status()).isEqualTo(HealthStatus.ONLINE);
    }

    @Test
    void an_absent_sht31_is_offline_and_found_once_plugged_in() {
        rig.sensors.addClimate(sht, rig.readings::add);
        rig.time.advanceBy(Duration.ofSeconds(10));
        assertThat(rig.health("climate-bath").describe()).isEqualTo("OFFLINE (no device answers at 0x44 on I2C bus 1 (Remote I/O error))");

        rig.bus.attach(0x44, new Sht31Emulator(rig.time.clock()));
        rig.time.advanceBy(Duration.ofMinutes(1));
        assertThat(rig.readings).hasSize(1);
        assertThat(rig.health("climate-bath").status()).isEqualTo(HealthStatus.ONLINE);
    }

    @Test
    void an_sht31_that_stops_answering_stays_offline_while_it_is_retried() {
        Sht31Emulator chip = new Sht31Emulator(rig.time.clock());
        rig.bus.attach(0x44, chip);
        rig.sensors.addClimate(sht, rig.readings::add);
        rig.time.advanceBy(Duration.ofMinutes(2));
        // Every transaction now fails; the driver keeps trying to set it up again and never delivers a reading.
        rig.bus.failAfter(0x44, 0);
        rig.time.advanceBy(Duration.ofMinutes(15));
        assertThat(rig.health("climate-bath").status()).isEqualTo(HealthStatus.OFFLINE);
        assertThat(rig.health("climate-bath").reason()).startsWith("I2C read failed");
    }
}
