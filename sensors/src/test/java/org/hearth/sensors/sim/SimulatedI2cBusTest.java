package org.hearth.sensors.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class SimulatedI2cBusTest {

    private final SimulatedI2cBus bus = new SimulatedI2cBus(1);
    private final BusProbe probe = new BusProbe(bus, 0x53);

    @Test
    void nobody_answers_at_an_empty_address() {
        assertThatThrownBy(() -> probe.get(0x00)).isInstanceOf(IOException.class).hasMessage("Remote I/O error");
    }

    @Test
    void a_device_planned_to_fail_answers_n_transactions_then_fails_until_healed() throws IOException {
        bus.attach(0x53, new Adxl345Emulator(Clock.systemUTC()));
        bus.failAfter(0x53, 2);
        assertThat(probe.get(0x00)).isEqualTo(0xE5);
        assertThatThrownBy(() -> probe.get(0x00)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> probe.get(0x00)).isInstanceOf(IOException.class);

        bus.heal(0x53);
        assertThat(probe.get(0x00)).isEqualTo(0xE5);
    }

    @Test
    void an_unplugged_device_stops_answering() throws IOException {
        bus.attach(0x53, new Adxl345Emulator(Clock.systemUTC()));
        assertThat(probe.get(0x00)).isEqualTo(0xE5);
        bus.unplug(0x53);
        assertThatThrownBy(() -> probe.get(0x00)).isInstanceOf(IOException.class);
    }

    @Test
    void addresses_outside_7_bits_are_refused() {
        assertThatThrownBy(() -> bus.attach(0x80, new Adxl345Emulator(Clock.systemUTC())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
