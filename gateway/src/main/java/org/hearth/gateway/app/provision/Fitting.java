package org.hearth.gateway.app.provision;

import java.util.ArrayList;
import java.util.List;
import org.hearth.sensors.ClimateChip;
import org.hearth.sensors.SensorKind;

/**
 * What the installer can add in section 4, in the order the wizard lists them: a sensor wired to a
 * GPIO pin, or one on the I2C bus, or a presence radar on a serial port, or a fall pendant over Bluetooth.
 */
sealed interface Fitting permits Fitting.Pin, Fitting.Device {

    /** A sensor on a GPIO pin. */
    record Pin(SensorKind kind) implements Fitting {
    }

    /**
     * A sensor that is not a pin: asked for its own settings and checked through the daemon's
     * driver before it is added; the BLE fall pendant is found by a scan and paired instead
     * ({@link DeviceQuestions}).
     */
    enum Device implements Fitting {
        ACCELEROMETER("adxl345", "worn fall sensor (ADXL345 accelerometer, on the I2C bus)", "bedroom"),
        BME280("bme280", "temperature sensor (BME280, on the I2C bus)", "living room"),
        SHT31("sht31", "temperature sensor (SHT31, on the I2C bus)", "living room"),
        RADAR("radar", "presence radar (Seeed MR24HPC1, on a serial port)", "living room"),
        PENDANT("pendant", "fall pendant (Nordic Thingy:52, over Bluetooth)", "worn pendant");

        private final String configName;
        private final String plain;
        private final String usualRoom;

        Device(String configName, String plain, String usualRoom) {
            this.configName = configName;
            this.plain = plain;
            this.usualRoom = usualRoom;
        }

        /** Where it usually goes: a radar watches the chair where the resident sits for hours. */
        String usualRoom() {
            return usualRoom;
        }

        String configName() {
            return configName;
        }

        String plain() {
            return plain;
        }

        /** The temperature sensor's chip; only for BME280 and SHT31. */
        ClimateChip chip() {
            return switch (this) {
                case BME280 -> ClimateChip.BME280;
                case SHT31 -> ClimateChip.SHT31;
                default -> throw new IllegalStateException(this + " is not a temperature sensor");
            };
        }

        static Device of(ClimateChip chip) {
            return chip == ClimateChip.BME280 ? BME280 : SHT31;
        }

        boolean onI2c() {
            return this != RADAR && this != PENDANT;
        }
    }

    /** Every choice, GPIO kinds first (their numbers are unchanged from before the others were added). */
    static List<Fitting> menu() {
        List<Fitting> all = new ArrayList<>();
        for (SensorKind k : SensorKind.values()) {
            all.add(new Pin(k));
        }
        all.addAll(List.of(Device.values()));
        return all;
    }

    static String plain(Fitting f) {
        return f instanceof Pin p ? SensorKinds.plain(p.kind()) : ((Device) f).plain();
    }
}
