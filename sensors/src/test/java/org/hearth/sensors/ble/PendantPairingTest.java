package org.hearth.sensors.ble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.health.HealthSupervisor;
import org.hearth.sensors.sim.BluezStandIn;
import org.hearth.time.RealTimeScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Scanning for, pairing and trusting a pendant through python-dbusmock's BlueZ, and what the installer is told when it cannot be done. */
@Tag("medium")
class PendantPairingTest {

    private static final String THINGY = "C0:FF:EE:00:00:21";
    private static final Duration SCAN = Duration.ofMillis(300);

    private final BluezStandIn bluez = BluezStandIn.start();

    PendantPairingTest() throws IOException {
    }

    @AfterEach
    void close() {
        bluez.close();
    }

    @Test
    void a_scan_lists_the_thingy_and_not_the_phone_and_pairing_trusts_it_so_the_daemons_driver_streams_from_it() throws Exception {
        bluez.nearbyOther("AA:BB:CC:00:00:01", "Pixel 7");
        bluez.nearbyThingy(THINGY);

        try (PendantPairing pairing = PendantPairing.onBus(bluez.address())) {
            assertThat(pairing.discover("hci0", new Thingy52Profile(), SCAN))
                    .containsExactly(new PendantPairing.Found(THINGY, "Thingy", (short) -79, false));

            pairing.pair("hci0", THINGY);

            assertThat(pairing.discover("hci0", new Thingy52Profile(), SCAN)).extracting(PendantPairing.Found::paired)
                    .containsExactly(true);
            pairing.pair("hci0", THINGY); // paired already: trusted again, no error
        }
        try (RealTimeScheduler thread = RealTimeScheduler.create("pairing-test", ZoneOffset.UTC);
             Pendants pendants = Pendants.onBus(bluez.address(), thread, new HealthSupervisor(thread, e -> { }))) {
            pendants.add(PendantSpec.thingy52("pendant", "worn pendant", THINGY), (SensorListener) e -> { });
            await().atMost(Duration.ofSeconds(10)).until(() -> pendants.links().get("pendant") == PendantLink.STREAMING);
        }
    }

    @Test
    void a_device_the_scan_never_saw_cannot_be_paired_and_the_installer_is_told_what_to_do() throws Exception {
        try (PendantPairing pairing = PendantPairing.onBus(bluez.address())) {
            assertThatThrownBy(() -> pairing.pair("hci0", THINGY)).isInstanceOf(PairingException.class)
                    .hasMessage("BlueZ has not seen " + THINGY + " on hci0; switch the pendant on, hold it near the Pi and look for it again");
        }
    }

    @Test
    void no_bluetoothd_no_adapter_and_no_bus_each_say_so() throws Exception {
        try (PendantPairing pairing = PendantPairing.onBus(bluez.address())) {
            bluez.removeAdapter();
            assertThatThrownBy(() -> pairing.discover("hci0", new Thingy52Profile(), SCAN)).isInstanceOf(PairingException.class)
                    .hasMessageStartingWith("this machine has no Bluetooth adapter hci0");
            bluez.stopBluetoothd();
            assertThatThrownBy(() -> pairing.discover("hci0", new Thingy52Profile(), SCAN)).isInstanceOf(PairingException.class)
                    .hasMessageStartingWith("bluetoothd is not running (nothing owns org.bluez on the bus); install and start it");
        }
        String nowhere = BluezStandIn.addressIn(Files.createTempDirectory("no-bus").resolve("none"));
        assertThatThrownBy(() -> PendantPairing.onBus(nowhere)).isInstanceOf(PairingException.class)
                .hasMessageStartingWith("the D-Bus system bus cannot be reached (");
    }
}
