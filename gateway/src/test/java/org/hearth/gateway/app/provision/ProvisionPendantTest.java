package org.hearth.gateway.app.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.testkit.Ports;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.ble.PendantPairing;
import org.hearth.sensors.ble.Thingy52Profile;
import org.hearth.sensors.i2c.I2cBackend;
import org.hearth.sensors.serial.SerialBackend;
import org.hearth.sensors.sim.BluezStandIn;
import org.hearth.sensors.sim.SimulatedI2cBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard adds a fall pendant through BlueZ (python-dbusmock's, on a private bus): a scan lists
 * the Thingy:52 and not the phone beside it, the one picked is paired and trusted, and the config
 * written holds it; with an answers file the pendant is given by its address; no Bluetooth, or a
 * pendant not found, is said plainly and nothing is written.
 */
@Tag("medium")
class ProvisionPendantTest {

    private static final URI GATEWAY = URI.create("coaps://192.168.1.20:5684");
    private static final String THINGY = "C0:FF:EE:00:00:31";
    private static final Duration SCAN = Duration.ofMillis(300);
    private static final Path EXAMPLE = Path.of(System.getProperty("hearth.project.root"), "config", "provision.example.yaml");

    @TempDir
    Path dir;
    private final BluezStandIn bluez = BluezStandIn.start();

    ProvisionPendantTest() throws java.io.IOException {
        bluez.nearbyOther("AA:BB:CC:00:00:01", "Pixel 7");
    }

    @AfterEach
    void close() {
        bluez.close();
    }

    private HardwareCheck hardware(String dbus) {
        return HardwareCheck.using(I2cBackend.emulated(new SimulatedI2cBus(1)), SerialBackend.emulated(Map.of()))
                .withBluetooth(dbus, SCAN);
    }

    private Path config() throws java.io.IOException {
        Path config = dir.resolve("hearth.yaml");
        Files.writeString(config, """
                home: {label: "Flat 3", language: en, timezone: Europe/London, council: leicester}
                storage: {data_dir: "%s"}
                gpio: {backend: mock}
                sensors: []
                voice: {enabled: false}
                carers: [{name: Example, level: 1, endpoint: "coaps://192.0.2.10:5684"}]
                coap: {bind: "127.0.0.1", port: %d, loopback_port: %d}
                """.formatted(dir.resolve("data"), Ports.freeUdp(), Ports.freeUdp()));
        return config;
    }

    private boolean pairedInBluez() throws Exception {
        try (PendantPairing pairing = PendantPairing.onBus(bluez.address())) {
            return pairing.discover("hci0", new Thingy52Profile(), SCAN).stream().anyMatch(f -> f.address().equals(THINGY) && f.paired());
        }
    }

    @Test
    void the_wizard_finds_the_pendant_among_the_devices_nearby_pairs_it_and_writes_it_into_the_config() throws Exception {
        bluez.nearbyThingy(THINGY);
        Path config = config();
        List<String> script = new ArrayList<>(List.of("", "", "", "", "", "", ""));    // resident (2 languages), council, bins, library, quiet hours
        script.addAll(List.of("add", "pendant", "", ""));                           // the pendant, worn pendant, the first found
        script.addAll(List.of("add", "", "", "", "done"));                          // a pull cord in the bathroom on pin 26
        script.addAll(List.of("", "Priya", "", "192.168.1.30", ""));                // carers
        script.addAll(List.of("", "", "", "", "", "", ""));                         // thresholds
        script.addAll(List.of("save", "", "no", "no", "no"));                       // save, paired, no restart/walk/test
        ScriptedConsole console = new ScriptedConsole(script);

        int exit = new Provisioning(config, GATEWAY, console, hardware(bluez.address())).interactive(new NoSteps());

        String said = console.transcript();
        assertThat(exit).as(said).isEqualTo(Provisioning.SAVED);
        assertThat(console.unanswered()).isZero();
        assertThat(said).contains("Looking for pendants for 300 ms...")
                .contains("    1 Thingy " + THINGY + ", signal -79 dBm")
                .contains("Paired and trusted. Added the fall pendant (Nordic Thingy:52, over Bluetooth) " + THINGY + " (pendant).")
                .doesNotContain("Pixel 7");
        assertThat(ConfigLoader.load(config).config().pendants()).containsExactly(PendantSpec.thingy52("pendant", "worn pendant", THINGY));
        assertThat(pairedInBluez()).isTrue();
    }

    @Test
    void with_no_bluetooth_the_wizard_says_why_and_the_installer_can_drop_the_pendant() throws Exception {
        Path config = config();
        String nowhere = BluezStandIn.addressIn(Files.createTempDirectory("no-bus").resolve("none"));
        List<String> script = new ArrayList<>(List.of("", "", "", "", "", "", ""));
        script.addAll(List.of("add", "pendant", "", "drop"));
        script.addAll(List.of("add", "", "", "", "done"));
        script.addAll(List.of("", "Priya", "", "192.168.1.30", ""));
        script.addAll(List.of("", "", "", "", "", "", ""));
        script.addAll(List.of("save", "", "no", "no", "no"));
        ScriptedConsole console = new ScriptedConsole(script);

        int exit = new Provisioning(config, GATEWAY, console, hardware(nowhere)).interactive(new NoSteps());

        String said = console.transcript();
        assertThat(exit).as(said).isEqualTo(Provisioning.SAVED);
        assertThat(said).contains("Bluetooth cannot be used: the D-Bus system bus cannot be reached (")
                .contains("The fall pendant (Nordic Thingy:52, over Bluetooth) was not added.");
        assertThat(ConfigLoader.load(config).config().pendants()).isEmpty();
    }

    private Path answers(String address) throws java.io.IOException {
        Path answers = dir.resolve("answers.yaml");
        Files.writeString(answers, Files.readString(EXAMPLE) + "\npendants:\n  - {address: \"" + address + "\"}\n");
        return answers;
    }

    @Test
    void an_answers_file_gives_the_pendant_by_address_and_it_is_paired_before_the_config_is_written() throws Exception {
        bluez.nearbyThingy(THINGY);
        Path config = dir.resolve("hearth.yaml");
        ScriptedConsole console = new ScriptedConsole(List.of());

        int exit = new Provisioning(config, GATEWAY, console, hardware(bluez.address())).fromAnswers(answers(THINGY.toLowerCase()));

        assertThat(exit).as(console.transcript()).isEqualTo(Provisioning.SAVED);
        assertThat(console.transcript()).contains("Paired and trusted the pendant " + THINGY + " (pendant).");
        assertThat(ConfigLoader.load(config).config().pendants()).containsExactly(PendantSpec.thingy52("pendant", "worn pendant", THINGY));
        assertThat(pairedInBluez()).isTrue();

        // Provisioning again from the same answers keeps it, and pairs nothing again.
        ScriptedConsole again = new ScriptedConsole(List.of());
        assertThat(new Provisioning(config, GATEWAY, again, hardware(bluez.address())).fromAnswers(answers(THINGY))).isZero();
        assertThat(again.transcript()).doesNotContain("Looking for");
        assertThat(ConfigLoader.load(config).config().pendants()).extracting(PendantSpec::address).containsExactly(THINGY);
    }

    @Test
    void an_answers_file_naming_a_pendant_not_nearby_or_without_bluetooth_writes_nothing() throws Exception {
        Path config = dir.resolve("hearth.yaml");
        ScriptedConsole console = new ScriptedConsole(List.of());

        int exit = new Provisioning(config, GATEWAY, console, hardware(bluez.address())).fromAnswers(answers(THINGY));

        assertThat(exit).isEqualTo(Provisioning.FAILED);
        assertThat(console.transcript()).contains("pendants[0].address: no Nordic Thingy:52 at " + THINGY
                + " was found nearby; is it switched on and near the Pi?");
        assertThat(config).doesNotExist();

        String nowhere = BluezStandIn.addressIn(Files.createTempDirectory("no-bus").resolve("none"));
        ScriptedConsole noBus = new ScriptedConsole(List.of());
        assertThat(new Provisioning(config, GATEWAY, noBus, hardware(nowhere)).fromAnswers(answers(THINGY))).isEqualTo(Provisioning.FAILED);
        assertThat(noBus.transcript()).contains("pendants[0].address: Bluetooth cannot be used: the D-Bus system bus cannot be reached (");
        assertThat(config).doesNotExist();
    }

    @Test
    void a_pendant_answer_that_is_no_address_is_invalid_like_any_other() throws Exception {
        ScriptedConsole console = new ScriptedConsole(List.of());

        int exit = new Provisioning(dir.resolve("hearth.yaml"), GATEWAY, console, hardware(bluez.address())).fromAnswers(answers("C0:FF:EE"));

        assertThat(exit).isEqualTo(Provisioning.INVALID);
        assertThat(console.transcript()).contains("pendants[0].address: not a Bluetooth address like AA:BB:CC:DD:EE:FF, was \"C0:FF:EE\"");
    }
}
