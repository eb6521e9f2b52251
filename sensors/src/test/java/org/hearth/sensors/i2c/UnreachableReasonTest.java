package org.hearth.sensors.i2c;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("small")
class UnreachableReasonTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Remote I/O error|no device answers at 0x76 on I2C bus 1 (Remote I/O error)",
        "No such device or address|no device answers at 0x76 on I2C bus 1 (No such device or address)",
        "Device or resource busy|a kernel driver is using 0x76 on I2C bus 1 (Device or resource busy); remove its dtoverlay from config.txt",
        "Connection timed out|cannot talk to the device at 0x76 on I2C bus 1 (Connection timed out)"})
    void says_what_the_system_error_means_for_an_installer(String cause, String reason) {
        assertThat(I2cDriver.unreachable(new I2cChannel(null, 1, 0x76), cause)).isEqualTo(reason);
    }
}
