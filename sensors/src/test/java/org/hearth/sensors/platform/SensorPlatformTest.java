package org.hearth.sensors.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.ClimateChip;
import org.hearth.sensors.ClimateReading;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.Presence;
import org.hearth.sensors.PresenceEvent;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.gpio.GpioBackend;
import org.hearth.sensors.health.HealthStatus;
import org.hearth.sensors.health.HealthSupervisor;
import org.hearth.sensors.i2c.I2cSensors;
import org.hearth.sensors.serial.Radars;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The choice between the Pi's buses and emulated ones, and that the emulated ones hold the
 * configured devices: each chip of its kind at its address, each radar on its device (through
 * real Pi4J contexts, in virtual time).
 */
@Tag("medium")
class SensorPlatformTest {

    private final VirtualScheduler time = new VirtualScheduler(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC);
    private final HealthSupervisor supervisor = new HealthSupervisor(time, e -> { });
    private final List<AccelSample> samples = new ArrayList<>();
    private final List<PresenceEvent> presences = new ArrayList<>();
    private final List<ClimateReading> climate = new ArrayList<>();
    private final SensorListener listener = new SensorListener() {
        @Override
        public void onEvent(SensorEvent event) {
            throw new AssertionError("no digital events here: " + event);
        }

        @Override
        public void onAccel(String sensorId, List<AccelSample> batch) {
            samples.addAll(batch);
        }

        @Override
        public void onPresence(PresenceEvent event) {
            presences.add(event);
        }
    };
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        supervisor.close();
    }

    @Test
    void mock_gpio_means_an_emulated_platform_and_any_real_gpio_the_pis_own_buses() {
        assertThat(SensorPlatform.forGpio(GpioBackend.MOCK).isEmulated()).isTrue();
        assertThat(SensorPlatform.forGpio(GpioBackend.GPIOD).isEmulated()).isFalse();
        assertThat(SensorPlatform.forGpio(GpioBackend.LINUXFS).isEmulated()).isFalse();
    }

    @Test
    void the_pis_own_buses_are_linuxfs_i2c_and_the_tty_provider_with_no_simulated_radar() {
        SensorPlatform real = SensorPlatform.real();
        RadarSpec radar = RadarSpec.standard("radar-lounge", "living room", "/dev/serial0");

        assertThat(real.i2c(List.of(AccelerometerSpec.standard("accel", "hall")), List.of(), time.clock()).providerId())
                .isEqualTo("linuxfs-i2c");
        assertThat(real.serial(List.of(radar)).providerId()).isEqualTo("hearth-tty-serial");
        assertThat(real.simulatedRadar("radar-lounge")).isEmpty();
    }

    @Test
    void emulated_each_configured_chip_answers_as_its_kind_at_its_address() {
        AccelerometerSpec accel = new AccelerometerSpec("accel", "hall", 1, 0x1D, 100, Duration.ofMillis(100), Duration.ofMinutes(1));
        ClimateSensorSpec bme = new ClimateSensorSpec("bme", "lounge", ClimateChip.BME280, 1, 0x77, Duration.ofMinutes(1),
                Duration.ofMinutes(10));
        ClimateSensorSpec sht = new ClimateSensorSpec("sht", "bedroom", ClimateChip.SHT31, 1, 0x45, Duration.ofMinutes(1),
                Duration.ofMinutes(10));
        SensorPlatform emulated = SensorPlatform.emulated();

        I2cSensors i2c = I2cSensors.open(emulated.i2c(List.of(accel), List.of(bme, sht), time.clock()), time, supervisor);
        opened.add(i2c);
        assertThat(i2c.providerId()).isEqualTo("hearth-emulated-i2c");
        i2c.addAccelerometer(accel, listener);
        i2c.addClimate(bme, climate::add);
        i2c.addClimate(sht, climate::add);
        time.advanceBy(Duration.ofMinutes(2));

        assertThat(samples).as("an ADXL345 at 0x1D, sampling at 100 Hz").hasSizeGreaterThan(100);
        assertThat(climate).extracting(ClimateReading::sensorId).contains("bme", "sht");
        for (String id : List.of("accel", "bme", "sht")) {
            assertThat(supervisor.health(id).orElseThrow().status()).as(id).isEqualTo(HealthStatus.ONLINE);
        }
    }

    @Test
    void emulated_each_radar_is_a_module_on_its_device_that_the_simulation_can_move_someone_past() {
        RadarSpec lounge = RadarSpec.standard("radar-lounge", "living room", "/dev/serial0");
        RadarSpec hall = RadarSpec.standard("radar-hall", "hall", "/dev/ttyUSB0");
        SensorPlatform emulated = SensorPlatform.emulated();

        Radars radars = Radars.open(emulated.serial(List.of(lounge, hall)), time, supervisor);
        opened.add(radars);
        assertThat(radars.providerId()).isEqualTo("hearth-emulated-serial");
        radars.add(lounge, listener);
        radars.add(hall, listener);
        time.advanceBy(Duration.ofSeconds(1));
        emulated.simulatedRadar("radar-hall").orElseThrow().sees(Presence.MOVING);
        time.advanceBy(Duration.ofSeconds(1));

        assertThat(presences).filteredOn(p -> p.sensorId().equals("radar-hall")).extracting(PresenceEvent::presence)
                .containsExactly(Presence.NOBODY, Presence.MOVING);
        assertThat(presences).filteredOn(p -> p.sensorId().equals("radar-lounge")).extracting(PresenceEvent::presence)
                .containsExactly(Presence.NOBODY);
        assertThat(emulated.simulatedRadar("radar-kitchen")).isEmpty();
    }
}
