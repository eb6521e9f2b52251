package org.hearth.gateway.app.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.SensorSpec;
import org.hearth.sensors.gpio.GpioBackend;

/** The whole validated configuration. See {@code hearth.example.yaml} for every key and its default. */
public record HearthConfig(Home home, Storage storage, GpioBackend gpio, List<SensorSpec> sensors, Alerts alerts,
                           List<CarerEntry> carers, Coap coap, Duration heartbeatInterval, Path secretsFile, I2c i2c) {

    public HearthConfig {
        sensors = List.copyOf(sensors);
        carers = List.copyOf(carers);
    }

    /** A home with no I2C sensors. */
    public HearthConfig(Home home, Storage storage, GpioBackend gpio, List<SensorSpec> sensors, Alerts alerts,
                        List<CarerEntry> carers, Coap coap, Duration heartbeatInterval, Path secretsFile) {
        this(home, storage, gpio, sensors, alerts, carers, coap, heartbeatInterval, secretsFile, I2c.NONE);
    }

    /**
     * Sensors on the I2C bus: worn or fixed accelerometers for fall detection, and temperature sensors.
     * With the mock GPIO backend they are emulated chips.
     */
    public record I2c(List<AccelerometerSpec> accelerometers, List<ClimateSensorSpec> climate) {
        public static final I2c NONE = new I2c(List.of(), List.of());

        public I2c {
            accelerometers = List.copyOf(accelerometers);
            climate = List.copyOf(climate);
        }

        public boolean isEmpty() {
            return accelerometers.isEmpty() && climate.isEmpty();
        }
    }

    /** The languages Hearth speaks. */
    public static final List<String> LANGUAGES = List.of("en", "gu", "hi", "pa", "ur", "pl", "bn");

    /**
     * @param label    pseudonymous name of the home, sent in alerts; never the resident's full name
     * @param language the resident's language, one of {@link #LANGUAGES}
     * @param zone     the home's time zone
     */
    public record Home(String label, String language, ZoneId zone) {
    }

    /**
     * @param dataDir             where the database lives
     * @param eventRetentionDays  sensor events older than this are deleted
     */
    public record Storage(Path dataDir, int eventRetentionDays) {
        public Path database() {
            return dataDir.resolve("hearth.db");
        }
    }

    /**
     * @param preAlarm          how long the resident has to cancel before carers are told
     * @param escalationTimeout how long each level has to acknowledge before the next is told
     */
    public record Alerts(Duration preAlarm, Duration escalationTimeout) {
    }

    /** A carer on the ladder; their key is in the secrets file. */
    public record CarerEntry(String name, int level, URI endpoint) {
    }

    /**
     * @param bind         address DTLS listens on
     * @param port         DTLS port
     * @param loopbackPort plain CoAP port on 127.0.0.1, or -1 for none
     */
    public record Coap(String bind, int port, int loopbackPort) {
    }
}
