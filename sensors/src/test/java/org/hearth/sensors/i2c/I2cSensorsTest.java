package org.hearth.sensors.i2c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.ClimateChip;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.health.HealthEvent;
import org.hearth.sensors.health.HealthStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("medium")
class I2cSensorsTest {

    @Test
    void two_sensors_at_one_address_or_with_one_name_are_refused() {
        try (I2cRig rig = new I2cRig()) {
            rig.sensors.addAccelerometer(AccelerometerSpec.standard("accel", "hall"), rig.accelListener);
            assertThatThrownBy(() -> rig.sensors.addAccelerometer(AccelerometerSpec.standard("accel-2", "hall"), rig.accelListener))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("accel and accel-2 are both at address 0x53 on I2C bus 1");
            assertThatThrownBy(() -> rig.sensors.addClimate(ClimateSensorSpec.standard("accel", "hall", ClimateChip.SHT31), r -> { }))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("two I2C sensors are named accel");
        }
    }

    @Test
    void a_sensor_on_a_bus_that_does_not_exist_is_offline_with_a_hint() {
        try (I2cRig rig = new I2cRig()) {
            rig.sensors.addAccelerometer(new AccelerometerSpec("accel", "hall", 3, 0x53, 200, Duration.ofMillis(100), Duration.ofMinutes(1)),
                    rig.accelListener);
            rig.time.advanceBy(Duration.ofSeconds(1));
            assertThat(rig.health("accel").describe()).isEqualTo(
                    "OFFLINE (I2C bus 3 is not available (I2C bus 3 does not exist.); is I2C turned on in raspi-config?)");
        }
    }

    @Test
    void sensors_on_a_missing_bus_share_its_cause_and_a_missing_chip_is_its_own() {
        try (I2cRig rig = new I2cRig()) {
            rig.sensors.addAccelerometer(new AccelerometerSpec("accel", "hall", 3, 0x53, 200, Duration.ofMillis(100), Duration.ofMinutes(1)),
                    rig.accelListener);
            rig.sensors.addClimate(new ClimateSensorSpec("climate", "lounge", ClimateChip.SHT31, 3, 0x44, Duration.ofMinutes(1),
                    Duration.ofMinutes(10)), r -> { });
            rig.sensors.addClimate(new ClimateSensorSpec("absent", "hall", ClimateChip.BME280, 1, 0x77, Duration.ofMinutes(1),
                    Duration.ofMinutes(10)), r -> { });
            rig.time.advanceBy(Duration.ofSeconds(1));

            assertThat(rig.healthEvents).extracting(HealthEvent::sensorId, HealthEvent::cause).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("accel", "i2c-bus-3"),
                    org.assertj.core.groups.Tuple.tuple("climate", "i2c-bus-3"),
                    org.assertj.core.groups.Tuple.tuple("absent", HealthEvent.ownCause("absent")));
        }
    }

    @Test
    void the_production_linuxfs_provider_reports_a_missing_bus_as_offline_not_a_crash() {
        // Bus 99 exists on no Pi and no build machine, so this runs Pi4J's real linuxfs path deterministically.
        try (I2cRig rig = new I2cRig(I2cBackend.linuxFs())) {
            assertThat(rig.sensors.providerId()).isEqualTo("linuxfs-i2c");
            rig.sensors.addClimate(new ClimateSensorSpec("c", "lounge", ClimateChip.BME280, 99, 0x76, Duration.ofMinutes(1),
                    Duration.ofMinutes(10)), rig.readings::add);
            rig.time.advanceBy(Duration.ofMinutes(3));
            assertThat(rig.health("c").status()).isEqualTo(HealthStatus.OFFLINE);
            assertThat(rig.health("c").reason()).startsWith("I2C bus 99 is not available");
            assertThat(rig.healthEvents).hasSize(1);
        }
    }
}
