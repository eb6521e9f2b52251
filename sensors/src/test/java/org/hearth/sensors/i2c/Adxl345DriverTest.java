package org.hearth.sensors.i2c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.health.HealthStatus;
import org.hearth.sensors.sim.AccelMotion;
import org.hearth.sensors.sim.Adxl345Emulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ADXL345 driver through Pi4J against the emulated chip, in virtual time. */
@Tag("medium")
class Adxl345DriverTest {

    private final I2cRig rig = new I2cRig();
    private final Adxl345Emulator chip = new Adxl345Emulator(rig.time.clock());
    private final AccelerometerSpec spec = AccelerometerSpec.standard("accel-hall", "hall");

    @AfterEach
    void close() {
        rig.close();
    }

    private int register(int register) throws IOException {
        byte[] one = new byte[1];
        rig.bus.write(0x53, new byte[] {(byte) register}, 0, 1);
        rig.bus.read(0x53, one, 0, 1);
        return one[0] & 0xFF;
    }

    @Test
    void sets_up_full_resolution_16_g_200_hz_stream_fifo_and_measure_mode() throws IOException {
        rig.bus.attach(0x53, chip);
        rig.sensors.addAccelerometer(spec, rig.accelListener);
        rig.time.runDue();

        assertThat(register(0x31)).as("DATA_FORMAT").isEqualTo(0x0B);
        assertThat(register(0x2C)).as("BW_RATE").isEqualTo(0x0B);
        assertThat(register(0x38) >> 6).as("FIFO mode").isEqualTo(0b10);
        assertThat(chip.measuring()).isTrue();
    }

    @Test
    void delivers_a_batch_of_20_evenly_spaced_samples_every_100_ms_at_200_hz() {
        chip.setMotion(AccelMotion.constant(0.5, -0.25, 1.0));
        rig.bus.attach(0x53, chip);
        rig.sensors.addAccelerometer(spec, rig.accelListener);

        rig.time.advanceBy(Duration.ofSeconds(1));

        assertThat(rig.batches).hasSize(10).allSatisfy(b -> assertThat(b).hasSize(20));
        List<AccelSample> all = rig.allSamples();
        long t0 = I2cRig.T0.toEpochMilli() * 1000;
        for (int i = 0; i < all.size(); i++) {
            // The chip takes its first sample one period after measuring starts.
            assertThat(all.get(i).epochMicros()).isEqualTo(t0 + (i + 1) * 5000L);
        }
        assertThat(all).allSatisfy(s -> {
            assertThat(s.x()).isEqualTo(0.5);
            assertThat(s.y()).isEqualTo(-0.25);
            assertThat(s.z()).isEqualTo(1.0);
        });
        assertThat(chip.samplesDropped()).isZero();
        assertThat(rig.health("accel-hall").describe()).isEqualTo("ONLINE (working normally)");
    }

    @Test
    void at_100_hz_batches_hold_10_samples_10_ms_apart() {
        rig.bus.attach(0x1D, chip);
        rig.sensors.addAccelerometer(new AccelerometerSpec("a", "hall", 1, 0x1D, 100, Duration.ofMillis(100), Duration.ofMinutes(1)),
                rig.accelListener);
        rig.time.advanceBy(Duration.ofMillis(500));

        assertThat(rig.batches).hasSize(5).allSatisfy(b -> assertThat(b).hasSize(10));
        List<AccelSample> all = rig.allSamples();
        assertThat(all.get(1).epochMicros() - all.get(0).epochMicros()).isEqualTo(10_000);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void converts_any_acceleration_in_range_to_g_at_one_count_in_256(long seed) {
        Random random = new Random(seed);
        double[] g = {random.nextDouble() * 31.8 - 15.9, random.nextDouble() * 31.8 - 15.9, random.nextDouble() * 31.8 - 15.9};
        chip.setMotion(AccelMotion.constant(g[0], g[1], g[2]));
        rig.bus.attach(0x53, chip);
        rig.sensors.addAccelerometer(spec, rig.accelListener);
        rig.time.advanceBy(Duration.ofMillis(100));

        AccelSample s = rig.allSamples().get(0);
        assertThat(s.x()).isCloseTo(g[0], within(0.5 / 256));
        assertThat(s.y()).isCloseTo(g[1], within(0.5 / 256));
        assertThat(s.z()).isCloseTo(g[2], within(0.5 / 256));
    }

    @Test
    void a_hard_fall_beyond_16_g_reads_as_the_clipped_maximum() {
        chip.setMotion(AccelMotion.constant(25.0, -25.0, 0.0));
        rig.bus.attach(0x53, chip);
        rig.sensors.addAccelerometer(spec, rig.accelListener);
        rig.time.advanceBy(Duration.ofMillis(100));

        AccelSample s = rig.allSamples().get(0);
        assertThat(s.x()).isEqualTo(4095 / 256.0);
        assertThat(s.y()).isEqualTo(-16.0);
    }

    @Test
    void an_absent_device_is_offline_with_a_plain_reason_and_is_found_when_plugged_in() {
        rig.sensors.addAccelerometer(spec, rig.accelListener);
        rig.time.advanceBy(Duration.ofSeconds(5));

        assertThat(rig.health("accel-hall").describe())
                .isEqualTo("OFFLINE (no device answers at 0x53 on I2C bus 1 (Remote I/O error))");
        assertThat(rig.healthEvents).singleElement().satisfies(e -> assertThat(e.current()).isEqualTo(HealthStatus.OFFLINE));

        rig.bus.attach(0x53, chip);
        rig.time.advanceBy(Duration.ofMinutes(1));

        assertThat(rig.health("accel-hall").status()).isEqualTo(HealthStatus.ONLINE);
        assertThat(rig.batches).isNotEmpty();
    }

    @Test
    void a_chip_with_the_wrong_id_is_offline_and_never_configured() throws IOException {
        Adxl345Emulator impostor = new Adxl345Emulator(rig.time.clock(), 0x00);
        rig.bus.attach(0x53, impostor);
        rig.sensors.addAccelerometer(spec, rig.accelListener);
        rig.time.advanceBy(Duration.ofSeconds(5));

        assertThat(rig.health("accel-hall").describe()).isEqualTo(
                "OFFLINE (the device at 0x53 on I2C bus 1 reports id 0x00, but an ADXL345 reports 0xE5; is another chip at this address?)");
        assertThat(impostor.measuring()).isFalse();
        assertThat(rig.batches).isEmpty();
    }

    @Test
    void three_failed_reads_make_it_offline_and_it_recovers_when_the_bus_does() {
        rig.bus.attach(0x53, chip);
        rig.sensors.addAccelerometer(spec, rig.accelListener);
        rig.time.advanceBy(Duration.ofSeconds(1));
        int before = rig.batches.size();

        rig.bus.failAfter(0x53, 0);
        rig.time.advanceBy(Duration.ofMillis(300));

        // Three polls failed, then the attempt to set the chip up again: the count goes on.
        assertThat(rig.health("accel-hall").describe()).isEqualTo("OFFLINE (I2C read failed 4 times: Remote I/O error)");
        assertThat(rig.healthEvents).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("I2C read failed 3 times: Remote I/O error"));
        assertThat(rig.batches).hasSize(before);

        rig.bus.heal(0x53);
        rig.time.advanceBy(Duration.ofMinutes(1).plusSeconds(1));

        assertThat(rig.health("accel-hall").status()).isEqualTo(HealthStatus.ONLINE);
        assertThat(rig.healthEvents).last().satisfies(e -> assertThat(e.reason()).isEqualTo("working again"));
        assertThat(rig.batches.size()).isGreaterThan(before);
    }

    @Test
    void a_chip_that_dropped_to_standby_is_set_up_again() throws IOException {
        rig.bus.attach(0x53, chip);
        rig.sensors.addAccelerometer(spec, rig.accelListener);
        rig.time.advanceBy(Duration.ofSeconds(1));

        // A brown-out resets POWER_CTL: the chip stops measuring.
        rig.bus.write(0x53, new byte[] {0x2D, 0x00}, 0, 2);
        rig.time.advanceBy(Duration.ofMillis(1500));

        assertThat(chip.measuring()).isTrue();
        int batches = rig.batches.size();
        rig.time.advanceBy(Duration.ofSeconds(1));
        assertThat(rig.batches.size()).isEqualTo(batches + 10);
    }

    @Test
    void timestamps_stay_in_order_across_a_late_poll_that_found_a_full_fifo() {
        rig.bus.attach(0x53, chip);
        rig.sensors.addAccelerometer(spec, rig.accelListener);
        rig.time.advanceBy(Duration.ofSeconds(1));
        // Another device on the bus held it for a while: the chip dropped samples meanwhile.
        rig.bus.failAfter(0x53, 0);
        rig.time.advanceBy(Duration.ofMillis(250));
        rig.bus.heal(0x53);
        rig.time.advanceBy(Duration.ofSeconds(2));

        List<AccelSample> all = rig.allSamples();
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).epochMicros()).isGreaterThan(all.get(i - 1).epochMicros());
        }
        assertThat(all.get(all.size() - 1).epochMicros()).isLessThanOrEqualTo(rig.time.now().toEpochMilli() * 1000);
    }

    @Test
    void closing_puts_the_chip_in_standby() {
        rig.bus.attach(0x53, chip);
        rig.sensors.addAccelerometer(spec, rig.accelListener);
        rig.time.advanceBy(Duration.ofMillis(200));
        rig.sensors.close();
        assertThat(chip.measuring()).isFalse();
        long pending = rig.time.pending();
        rig.time.advanceBy(Duration.ofSeconds(1));
        assertThat(rig.batches).hasSize(2);
        assertThat(pending).isLessThanOrEqualTo(1);
    }
}
