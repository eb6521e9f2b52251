package org.hearth.sensors.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The emulator against the ADXL345 datasheet's register semantics, byte by byte. */
@Tag("small")
class Adxl345EmulatorTest {

    private final VirtualScheduler time = new VirtualScheduler(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);
    private final SimulatedI2cBus bus = new SimulatedI2cBus(1);
    private final Adxl345Emulator chip = new Adxl345Emulator(time.clock());
    private final BusProbe probe = new BusProbe(bus, 0x53);

    Adxl345EmulatorTest() {
        bus.attach(0x53, chip);
        chip.setMotion(AccelMotion.constant(2.5, -1.0, 1.0));
    }

    private void streamAt200Hz(int dataFormat) throws IOException {
        probe.set(0x2C, 0x0B);
        probe.set(0x31, dataFormat);
        probe.set(0x38, 0x80);
        probe.set(0x2D, 0x08);
    }

    @Test
    void reports_its_device_id_and_reset_values() throws IOException {
        assertThat(probe.get(0x00)).isEqualTo(0xE5);
        assertThat(probe.get(0x2C)).isEqualTo(0x0A);
        assertThat(probe.get(0x2D)).isZero();
        assertThat(probe.get(0x39)).isZero();
    }

    @Test
    void takes_no_samples_in_standby() throws IOException {
        probe.set(0x38, 0x80);
        time.advanceBy(Duration.ofSeconds(1));
        assertThat(probe.get(0x39)).isZero();
        assertThat(chip.samplesProduced()).isZero();
    }

    @Test
    void the_fifo_fills_at_the_output_rate_and_stream_mode_keeps_the_newest_32() throws IOException {
        streamAt200Hz(0x0B);
        time.advanceBy(Duration.ofMillis(100));
        assertThat(probe.get(0x39) & 0x3F).isEqualTo(20);

        time.advanceBy(Duration.ofMillis(900));
        assertThat(probe.get(0x39) & 0x3F).isEqualTo(32);
        assertThat(chip.samplesProduced()).isEqualTo(200);
        assertThat(chip.samplesDropped()).isEqualTo(168);
        assertThat(probe.get(0x30) & 0x01).as("overrun").isEqualTo(1);
    }

    @Test
    void bw_rate_0x0A_is_100_hz() throws IOException {
        probe.set(0x2C, 0x0A);
        probe.set(0x38, 0x80);
        probe.set(0x2D, 0x08);
        time.advanceBy(Duration.ofMillis(100));
        assertThat(probe.get(0x39)).isEqualTo(10);
    }

    @Test
    void a_burst_read_of_the_data_registers_pops_one_entry_in_full_resolution_little_endian() throws IOException {
        streamAt200Hz(0x0B);
        time.advanceBy(Duration.ofMillis(50));
        assertThat(probe.get(0x39)).isEqualTo(10);

        byte[] data = probe.burst(0x32, 6);

        // 2.5 g is 640 counts at 256/g: 0x0280; -1 g is -256: 0xFF00; 1 g is 0x0100.
        assertThat(data).containsExactly(0x80, 0x02, 0x00, 0xFF, 0x00, 0x01);
        assertThat(probe.get(0x39)).isEqualTo(9);
    }

    @Test
    void a_single_byte_read_of_a_data_register_still_pops_the_whole_sample() throws IOException {
        streamAt200Hz(0x0B);
        time.advanceBy(Duration.ofMillis(50));
        probe.get(0x32);
        // The other five bytes of that sample are lost: the next burst reads the following sample.
        assertThat(probe.get(0x39)).isEqualTo(9);
    }

    @Test
    void full_resolution_at_16_g_clips_at_13_bits() throws IOException {
        chip.setMotion(AccelMotion.constant(20.0, -20.0, 0.0));
        streamAt200Hz(0x0B);
        time.advanceBy(Duration.ofMillis(5));
        byte[] data = probe.burst(0x32, 6);
        assertThat((data[0] & 0xFF) | ((data[1] & 0xFF) << 8)).isEqualTo(4095);
        assertThat((short) ((data[2] & 0xFF) | ((data[3] & 0xFF) << 8))).isEqualTo((short) -4096);
    }

    @Test
    void without_full_resolution_the_16_g_range_is_10_bits_at_32_counts_per_g() throws IOException {
        streamAt200Hz(0x03);
        time.advanceBy(Duration.ofMillis(5));
        byte[] data = probe.burst(0x32, 6);
        assertThat((data[0] & 0xFF) | ((data[1] & 0xFF) << 8)).isEqualTo(80);
    }

    @Test
    void left_justified_data_has_its_sign_bit_at_bit_15() throws IOException {
        streamAt200Hz(0x0F);
        time.advanceBy(Duration.ofMillis(5));
        byte[] data = probe.burst(0x32, 6);
        // 640 counts in 13 bits, shifted left by 3.
        assertThat((data[0] & 0xFF) | ((data[1] & 0xFF) << 8)).isEqualTo(640 << 3);
    }

    @Test
    void bypass_mode_keeps_no_fifo_and_shows_the_latest_sample() throws IOException {
        probe.set(0x2C, 0x0B);
        probe.set(0x31, 0x0B);
        probe.set(0x2D, 0x08);
        time.advanceBy(Duration.ofMillis(100));
        assertThat(probe.get(0x39)).isZero();
        assertThat(probe.get(0x30) & 0x80).as("DATA_READY").isEqualTo(0x80);
        assertThat(probe.burst(0x32, 2)).containsExactly(0x80, 0x02);
    }

    @Test
    void a_long_jump_in_time_leaves_a_full_fifo_without_generating_every_lost_sample() throws IOException {
        streamAt200Hz(0x0B);
        time.advanceBy(Duration.ofDays(1));
        assertThat(probe.get(0x39)).isEqualTo(32);
        assertThat(chip.samplesProduced()).isEqualTo(200L * 86_400);
    }
}
