package org.hearth.sensors.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The emulator against the SHT3x-DIS datasheet's command interface. */
@Tag("small")
class Sht31EmulatorTest {

    private final VirtualScheduler time = new VirtualScheduler(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);
    private final SimulatedI2cBus bus = new SimulatedI2cBus(1);
    private final Sht31Emulator chip = new Sht31Emulator(time.clock());
    private final BusProbe probe = new BusProbe(bus, 0x44);

    Sht31EmulatorTest() {
        bus.attach(0x44, chip);
    }

    @Test
    void crc_matches_the_datasheet_example() {
        assertThat(Sht31Emulator.crc((byte) 0xBE, (byte) 0xEF)).isEqualTo((byte) 0x92);
    }

    @Test
    void a_high_repeatability_single_shot_is_not_acknowledged_until_done() throws IOException {
        chip.setConditions(25.0, 50.0);
        probe.command(0x2400);
        time.advanceBy(Duration.ofMillis(10));
        assertThatThrownBy(() -> probe.read(6)).isInstanceOf(IOException.class).hasMessage("Remote I/O error");

        time.advanceBy(Duration.ofMillis(6));
        byte[] data = probe.read(6);

        int rawT = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
        int rawH = ((data[3] & 0xFF) << 8) | (data[4] & 0xFF);
        assertThat(rawT).isEqualTo((int) Math.round(70.0 / 175.0 * 65535));
        assertThat(rawH).isEqualTo((int) Math.round(0.5 * 65535));
        assertThat(data[2]).isEqualTo(Sht31Emulator.crc(data[0], data[1]));
        assertThat(data[5]).isEqualTo(Sht31Emulator.crc(data[3], data[4]));
    }

    @Test
    void a_result_can_be_read_once() throws IOException {
        probe.command(0x2C06);
        probe.read(6);
        assertThatThrownBy(() -> probe.read(6)).isInstanceOf(IOException.class);
    }

    @Test
    void the_status_register_after_reset_has_alert_and_reset_bits() throws IOException {
        probe.command(0x30A2);
        time.advanceBy(Duration.ofMillis(2));
        probe.command(0xF32D);
        byte[] status = probe.read(3);
        assertThat(((status[0] & 0xFF) << 8) | (status[1] & 0xFF)).isEqualTo(0x8010);
        assertThat(status[2]).isEqualTo(Sht31Emulator.crc(status[0], status[1]));
    }

    @Test
    void unknown_commands_are_not_acknowledged() {
        assertThatThrownBy(() -> probe.command(0x1234)).isInstanceOf(IOException.class);
    }
}
