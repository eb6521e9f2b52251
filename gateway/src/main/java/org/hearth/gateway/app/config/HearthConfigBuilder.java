package org.hearth.gateway.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.SensorSpec;
import org.hearth.sensors.gpio.GpioBackend;

/**
 * A configuration built in code, for the demo, the benchmarks and tests: a home and its data folder,
 * with every other setting at its default from {@link Settings} until set. A home built in code is
 * simulated (mock GPIO) unless {@link #gpio} says otherwise. Nothing is checked here as the loader
 * checks a file: what is built is what the caller asked for.
 */
public final class HearthConfigBuilder {

    private HearthConfig.Home home;
    private HearthConfig.Storage storage;
    private GpioBackend gpio = GpioBackend.MOCK;
    private List<SensorSpec> sensors = List.of();
    private HearthConfig.Alerts alerts = new HearthConfig.Alerts(Settings.ALERTS_PRE_ALARM.defaultValue(),
            Settings.ALERTS_ESCALATION_TIMEOUT.defaultValue());
    private List<HearthConfig.CarerEntry> carers = List.of();
    private HearthConfig.Coap coap = new HearthConfig.Coap(Settings.COAP_BIND.defaultValue(),
            Settings.COAP_PORT.defaultValue(), Settings.COAP_LOOPBACK_PORT.defaultValue());
    private Duration heartbeat = Settings.HEARTBEAT_INTERVAL.defaultValue();
    private Path secretsFile;
    private HearthConfig.I2c i2c = HearthConfig.I2c.NONE;
    private HearthConfig.Council council = HearthConfig.Council.DEFAULT;
    private HearthConfig.Voice voice = HearthConfig.Voice.OFF;
    private HearthConfig.Detection detection = HearthConfig.Detection.DEFAULT;
    private HearthConfig.Hub hub;
    private List<RadarSpec> radars = List.of();
    private List<PendantSpec> pendants = List.of();

    /** A home whose database and secrets file are in {@code dataDir}. */
    HearthConfigBuilder(HearthConfig.Home home, Path dataDir) {
        this.home = home;
        this.storage = new HearthConfig.Storage(dataDir, Settings.STORAGE_EVENTS_RETENTION_DAYS.defaultValue());
        this.secretsFile = dataDir.resolve(Settings.SECRETS_FILE.defaultValue());
    }

    /** Every setting as {@code config} has it. */
    HearthConfigBuilder(HearthConfig config) {
        home = config.home();
        storage = config.storage();
        gpio = config.gpio();
        sensors = config.sensors();
        alerts = config.alerts();
        carers = config.carers();
        coap = config.coap();
        heartbeat = config.heartbeatInterval();
        secretsFile = config.secretsFile();
        i2c = config.i2c();
        council = config.council();
        voice = config.voice();
        detection = config.detection();
        hub = config.hub();
        radars = config.radars();
        pendants = config.pendants();
    }

    public HearthConfigBuilder home(HearthConfig.Home value) {
        home = value;
        return this;
    }

    public HearthConfigBuilder storage(HearthConfig.Storage value) {
        storage = value;
        return this;
    }

    public HearthConfigBuilder gpio(GpioBackend value) {
        gpio = value;
        return this;
    }

    public HearthConfigBuilder sensors(List<SensorSpec> value) {
        sensors = value;
        return this;
    }

    public HearthConfigBuilder alerts(HearthConfig.Alerts value) {
        alerts = value;
        return this;
    }

    public HearthConfigBuilder carers(List<HearthConfig.CarerEntry> value) {
        carers = value;
        return this;
    }

    /** DTLS on {@code bind}:{@code port}; local control on loopback {@code loopbackPort}, or none at -1. */
    public HearthConfigBuilder coap(String bind, int port, int loopbackPort) {
        coap = new HearthConfig.Coap(bind, port, loopbackPort);
        return this;
    }

    public HearthConfigBuilder heartbeat(Duration value) {
        heartbeat = value;
        return this;
    }

    public HearthConfigBuilder secretsFile(Path value) {
        secretsFile = value;
        return this;
    }

    public HearthConfigBuilder i2c(List<AccelerometerSpec> accelerometers, List<ClimateSensorSpec> climate) {
        i2c = new HearthConfig.I2c(accelerometers, climate);
        return this;
    }

    public HearthConfigBuilder council(HearthConfig.Council value) {
        council = value;
        return this;
    }

    public HearthConfigBuilder voice(HearthConfig.Voice value) {
        voice = value;
        return this;
    }

    public HearthConfigBuilder detection(HearthConfig.Detection value) {
        detection = value;
        return this;
    }

    /** The uplink to a care hub; null for none. */
    public HearthConfigBuilder hub(HearthConfig.Hub value) {
        hub = value;
        return this;
    }

    public HearthConfigBuilder radars(List<RadarSpec> value) {
        radars = value;
        return this;
    }

    public HearthConfigBuilder pendants(List<PendantSpec> value) {
        pendants = value;
        return this;
    }

    public HearthConfig build() {
        return new HearthConfig(home, storage, gpio, sensors, alerts, carers, coap, heartbeat, secretsFile, i2c,
                council, voice, detection, hub, radars, pendants);
    }
}
