package org.hearth.gateway.app.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.app.daemon.Daemon;
import org.hearth.gateway.coap.LoopbackClient;
import org.hearth.gateway.testkit.Ports;
import org.hearth.protocol.GatewayStatus;
import org.hearth.sensors.ClimateChip;
import org.hearth.sensors.Presence;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.i2c.I2cBackend;
import org.hearth.sensors.serial.Mr24hpc1Emulator;
import org.hearth.sensors.serial.SerialBackend;
import org.hearth.sensors.sim.Adxl345Emulator;
import org.hearth.sensors.sim.Bme280Emulator;
import org.hearth.sensors.sim.SimulatedI2cBus;
import org.hearth.time.RealTimeScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard adds I2C sensors and a presence radar, asking each whether it answers through the
 * daemon's own drivers on emulated buses (an ADXL345 and a BME280 on I2C bus 1, an MR24HPC1 on
 * /dev/ttyUSB0), refuses what does not answer unless told to keep it, writes the config, and a
 * daemon started on that config reads all three.
 */
@Tag("medium")
class ProvisionDevicesTest {

    private static final URI GATEWAY = URI.create("coaps://192.168.1.20:5684");

    @TempDir
    Path dir;

    @Test
    void the_wizard_adds_a_worn_fall_sensor_a_climate_sensor_and_a_radar_that_answer_and_the_daemon_reads_them()
            throws Exception {
        int loopback = Ports.freeUdp();
        Path config = dir.resolve("hearth.yaml");
        // Provisioning again a home with nothing fitted yet, whose GPIO is the simulated home (no GPIO chip here);
        // the example's carer, on a documentation address, is left out by the wizard.
        Files.writeString(config, """
                home: {label: "Flat 3", language: en, timezone: Europe/London, council: leicester}
                storage: {data_dir: "%s"}
                gpio: {backend: mock}
                sensors: []
                voice: {enabled: false}
                carers: [{name: Example, level: 1, endpoint: "coaps://192.0.2.10:5684"}]
                coap: {bind: "127.0.0.1", port: %d, loopback_port: %d}
                """.formatted(dir.resolve("data"), Ports.freeUdp(), loopback));
        SimulatedI2cBus bus = new SimulatedI2cBus(1);
        bus.attach(0x53, new Adxl345Emulator(Clock.systemUTC()));
        bus.attach(0x76, new Bme280Emulator(Clock.systemUTC()));
        Mr24hpc1Emulator module = new Mr24hpc1Emulator();
        HardwareCheck hardware = HardwareCheck.using(I2cBackend.emulated(bus),
                SerialBackend.emulated(Map.of("/dev/ttyUSB0", module)));

        List<String> script = new ArrayList<>(List.of("", "", "", "", "", "", ""));    // resident (3), council, bins, library, quiet hours
        script.addAll(List.of("", "", "", ""));                                      // add, pull cord, bathroom, pin 26
        script.addAll(List.of("add", "radar", "", "/dev/ttyUSB1", "drop"));          // a port with nothing on it: not added
        script.addAll(List.of("add", "12", "", "/dev/ttyUSB0"));                     // the radar, living room
        script.addAll(List.of("add", "9", "", "0x1D", "again", "keep"));             // nothing at 0x1D: kept when told
        script.addAll(List.of("2", "add", "9", "", ""));                             // removes it; the ADXL345 at 0x53
        script.addAll(List.of("add", "bme280", "", "", "done"));                     // BME280 at 0x76
        script.addAll(List.of("", "Priya", "", "192.168.1.30", ""));                 // carers
        script.addAll(List.of("", "", "", "", "", "", ""));                          // thresholds
        script.addAll(List.of("save", "", "no", "no", "no"));                        // save, paired, no restart/walk/test
        ScriptedConsole console = new ScriptedConsole(script);

        int exit = new Provisioning(config, GATEWAY, console, hardware).interactive(new NoSteps());

        String said = console.transcript();
        assertThat(exit).as(said).isEqualTo(Provisioning.SAVED);
        assertThat(console.unanswered()).isZero();
        assertThat(said).contains("Starting from this home's settings")
                .contains("It does not answer: /dev/ttyUSB1 could not be opened (")
                .contains("The presence radar (Seeed MR24HPC1, on a serial port) was not added.")
                .contains("It does not answer: no device answers at 0x1D on I2C bus 1")
                .contains("Added the worn fall sensor (ADXL345 accelerometer, on the I2C bus); it shows as OFFLINE until it answers.")
                .contains("Removed the worn fall sensor (ADXL345 accelerometer, on the I2C bus) in the bedroom, address 0x1D")
                .contains("It answers. Added the presence radar (Seeed MR24HPC1, on a serial port).")
                .contains("It answers. Added the temperature sensor (BME280, on the I2C bus).");

        ConfigLoader.Loaded loaded = ConfigLoader.load(config);
        HearthConfig written = loaded.config();
        assertThat(written.radars()).containsExactly(RadarSpec.standard("radar-living-room", "living room", "/dev/ttyUSB0"));
        assertThat(written.i2c().accelerometers()).singleElement()
                .satisfies(a -> assertThat(List.of(a.id(), a.room(), a.address())).containsExactly("accel-bedroom", "bedroom", 0x53));
        assertThat(written.i2c().climate()).singleElement()
                .satisfies(c -> assertThat(List.of(c.id(), c.chip(), c.address())).containsExactly("climate-living-room",
                        ClimateChip.BME280, 0x76));
        assertThat(written.sensors()).extracting(s -> s.pin()).containsExactly(26);

        ZoneId zone = written.home().zone();
        try (Daemon daemon = Daemon.start(written, loaded.secrets(), RealTimeScheduler.create("loop", zone), (text, language) -> { },
                List.of(), e -> { })) {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                GatewayStatus s = LoopbackClient.status(loopback);
                return s.sensors().stream().filter(x -> !x.id().equals("cord-bathroom"))
                        .allMatch(x -> x.status().equals("ONLINE") && x.lastEvent() != null)
                        && s.sensors().size() == 4;
            });
            daemon.simulatedRadar("radar-living-room").orElseThrow().sees(Presence.STILL);
            await().atMost(Duration.ofSeconds(10)).until(() -> LoopbackClient.status(loopback).presence().stream()
                    .anyMatch(p -> p.sensorId().equals("radar-living-room") && p.seen() == GatewayStatus.Seen.STILL));
        }
    }
}
