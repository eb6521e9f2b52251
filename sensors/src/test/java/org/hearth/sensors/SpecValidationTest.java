package org.hearth.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class SpecValidationTest {

    @Test
    void an_accelerometer_address_that_no_adxl345_can_have_is_refused() {
        assertThatThrownBy(() -> new AccelerometerSpec("a", "hall", 1, 0x50, 200, Duration.ofMillis(100), Duration.ofMinutes(1)))
                .hasMessage("accelerometer a: address 0x50 is not an ADXL345 address (0x53 or 0x1D)");
    }

    @Test
    void unsupported_rates_and_polls_that_would_overflow_the_fifo_are_refused() {
        assertThatThrownBy(() -> new AccelerometerSpec("a", "hall", 1, 0x53, 400, Duration.ofMillis(50), Duration.ofMinutes(1)))
                .hasMessage("accelerometer a: rate 400 Hz is not supported (100 or 200)");
        assertThatThrownBy(() -> new AccelerometerSpec("a", "hall", 1, 0x53, 200, Duration.ofMillis(150), Duration.ofMinutes(1)))
                .hasMessage("accelerometer a: poll interval 150 ms must be between 1 and 120 ms at 200 Hz, or the FIFO overflows");
        assertThat(new AccelerometerSpec("a", "hall", 1, 0x53, 100, Duration.ofMillis(200), Duration.ofMinutes(1)).samplePeriod())
                .isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void a_climate_sensor_at_another_chips_address_is_refused() {
        assertThatThrownBy(() -> new ClimateSensorSpec("c", "lounge", ClimateChip.SHT31, 1, 0x76, Duration.ofMinutes(1), Duration.ofMinutes(10)))
                .hasMessage("climate sensor c: address 0x76 is not a SHT31 address (0x44 or 0x45)");
        assertThat(ClimateSensorSpec.standard("c", "lounge", ClimateChip.BME280).address()).isEqualTo(0x76);
        assertThat(ClimateChip.fromConfigName("sht31")).contains(ClimateChip.SHT31);
    }
}
