package org.hearth.gateway.app.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.ClimateChip;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.i2c.I2cBackend;
import org.hearth.sensors.serial.Mr24hpc1Emulator;
import org.hearth.sensors.serial.SerialBackend;
import org.hearth.sensors.sim.Adxl345Emulator;
import org.hearth.sensors.sim.Bme280Emulator;
import org.hearth.sensors.sim.SimulatedI2cBus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hearth provision --answers FILE} with I2C sensors and presence radars, on a home with
 * mock GPIO: each new device is asked whether it answers through the daemon's drivers on emulated
 * buses (an ADXL345 and a BME280 on I2C bus 1, an MR24HPC1 on /dev/ttyUSB0), the real loader reads
 * the written config back, and a bad entry is refused by name with nothing written.
 */
@Tag("medium")
class ProvisionAnswersDevicesTest {

    private static final URI GATEWAY = URI.create("coaps://192.168.1.20:5684");

    @TempDir
    Path dir;

    /** A home with two residents and mock GPIO, provisioned before with one pin sensor on {@code pin}. */
    private Path home(int pin) throws Exception {
        Path config = dir.resolve("hearth.yaml");
        Files.writeString(config, """
                home: {label: "Flat 3", language: en, timezone: Europe/London, council: leicester, residents: 2,
                       resident_names: "Mum, Dad"}
                storage: {data_dir: "%s"}
                gpio: {backend: mock}
                sensors: [{id: cord-hall, room: hall, kind: pull_cord, pin: %d}]
                voice: {enabled: false}
                carers: [{name: Example, level: 1, endpoint: "coaps://192.0.2.10:5684"}]
                """.formatted(dir.resolve("data"), pin));
        return config;
    }

    private static HardwareCheck buses() {
        SimulatedI2cBus bus = new SimulatedI2cBus(1);
        bus.attach(0x53, new Adxl345Emulator(Clock.systemUTC()));
        bus.attach(0x76, new Bme280Emulator(Clock.systemUTC()));
        return HardwareCheck.using(I2cBackend.emulated(bus), SerialBackend.emulated(Map.of("/dev/ttyUSB0", new Mr24hpc1Emulator())));
    }

    private Path answers(String yaml) throws Exception {
        Path answers = dir.resolve("answers-" + System.nanoTime() + ".yaml");
        Files.writeString(answers, yaml);
        return answers;
    }

    @Test
    void i2c_sensors_and_radars_that_answer_are_written_read_back_by_the_loader_and_kept_when_provisioning_again() throws Exception {
        Path config = home(26);
        Path answers = answers("""
                i2c:
                  accelerometers:
                    - {address: 0x53, room: bedroom, resident: Dad}
                  climate:
                    - {chip: bme280, room: living room}
                radars:
                  - {device: /dev/ttyUSB0, room: living room}
                  - {device: /dev/ttyUSB1, room: bedroom, keep_if_silent: true}
                carers:
                  - {name: Priya, level: 1, endpoint: 192.168.1.30}
                """);
        ScriptedConsole out = new ScriptedConsole(List.of());

        int exit = new Provisioning(config, GATEWAY, out, buses()).fromAnswers(answers);

        assertThat(exit).as(out.transcript()).isEqualTo(Provisioning.SAVED);
        HearthConfig written = ConfigLoader.load(config).config();
        assertThat(written.i2c().accelerometers()).containsExactly(new AccelerometerSpec("accel-bedroom", "bedroom", 1, 0x53, 200,
                AccelerometerSpec.defaultPollEvery(200), AccelerometerSpec.standard("accel-bedroom", "bedroom").maxSilence()));
        assertThat(written.home().household().wearers()).isEqualTo(Map.of("accel-bedroom", "Dad"));
        assertThat(written.i2c().climate()).singleElement().satisfies(c -> assertThat(List.of(c.id(), c.room(), c.chip(), c.address()))
                .containsExactly("climate-living-room", "living room", ClimateChip.BME280, 0x76));
        assertThat(written.radars()).containsExactly(RadarSpec.standard("radar-living-room", "living room", "/dev/ttyUSB0"),
                RadarSpec.standard("radar-bedroom", "bedroom", "/dev/ttyUSB1"));
        assertThat(written.sensors()).extracting(s -> s.id()).containsExactly("cord-hall");

        // Again, with no buses at all: the devices already configured are kept, not asked again;
        // one named again keeps its id and wearer, and takes the room it is given.
        HardwareCheck nothing = HardwareCheck.using(I2cBackend.emulated(new SimulatedI2cBus(1)), SerialBackend.emulated(Map.of()));
        assertThat(new Provisioning(config, GATEWAY, out, nothing).fromAnswers(answers("quiet_hours: \"23:00-08:00\"\n")))
                .as(out.transcript()).isEqualTo(Provisioning.SAVED);
        assertThat(ConfigLoader.load(config).config()).satisfies(c -> {
            assertThat(c.i2c()).isEqualTo(written.i2c());
            assertThat(c.radars()).isEqualTo(written.radars());
            assertThat(c.home().household()).isEqualTo(written.home().household());
        });
        assertThat(new Provisioning(config, GATEWAY, out, nothing).fromAnswers(answers("""
                i2c:
                  accelerometers:
                    - {address: 0x53, room: living room}
                """))).as(out.transcript()).isEqualTo(Provisioning.SAVED);
        HearthConfig again = ConfigLoader.load(config).config();
        assertThat(again.i2c().accelerometers()).extracting(AccelerometerSpec::id, AccelerometerSpec::room)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("accel-bedroom", "living room"));
        assertThat(again.home().household().wearers()).isEqualTo(Map.of("accel-bedroom", "Dad"));
        assertThat(again.i2c().climate()).isEqualTo(written.i2c().climate());
    }

    @Test
    void a_bad_entry_is_refused_by_name_and_nothing_is_written() throws Exception {
        Path config = home(14);
        String before = Files.readString(config);
        Path answers = answers("""
                i2c:
                  accelerometers:
                    - {address: 0x54, room: bedroom}
                    - {address: 0x1D, room: hall}
                    - {address: 0x53, resident: Gran}
                  climate:
                    - {chip: bmp180, room: kitchen}
                  gyroscopes: []
                radars:
                  - {device: COM3}
                  - {room: living room}
                carers:
                  - {name: Priya, level: 1, endpoint: 192.168.1.30}
                """);
        ScriptedConsole out = new ScriptedConsole(List.of());

        int exit = new Provisioning(config, GATEWAY, out, buses()).fromAnswers(answers);

        assertThat(exit).as(out.transcript()).isEqualTo(Provisioning.INVALID);
        assertThat(out.transcript()).contains("nothing was written")
                .contains("  i2c.gyroscopes: unknown answer; expected one of accelerometers, bus, climate")
                .contains("  i2c.accelerometers[0].address: this chip answers at 0x53 or 0x1D (set by how its address pin is wired),"
                        + " was \"0x54\"")
                .contains("  i2c.accelerometers[1]: it does not answer: no device answers at 0x1D on I2C bus 1")
                .contains("  i2c.accelerometers[2].resident: not one of home.resident_names (Mum, Dad), or none, was \"Gran\"")
                .contains("  i2c.climate[0].chip: not a temperature sensor Hearth drives; expected one of bme280, sht31, was \"bmp180\"")
                .contains("  radars[0].device: write the serial port's device, such as /dev/serial0 or /dev/ttyUSB0, was \"COM3\"")
                .contains("  radars[1].device: the pull cord in the hall is on pin 14, which the serial port on /dev/serial0 needs"
                        + " (pins 14 and 15); move it to another pin first, or use a USB adapter (/dev/ttyUSB0)");
        assertThat(Files.readString(config)).isEqualTo(before);
        assertThat(dir.resolve("secrets.yaml")).doesNotExist();
    }
}
