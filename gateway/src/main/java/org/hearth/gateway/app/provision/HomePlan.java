package org.hearth.gateway.app.provision;

import java.net.URI;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.app.config.Settings;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.ClimateChip;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.SensorSpec;

/**
 * Everything the installer decides, and the settings the wizard does not ask about, kept as they
 * were. Starts from the documented defaults, or from the home's existing configuration when it is
 * provisioned again. Mutable: the wizard changes one section at a time until the installer saves.
 */
final class HomePlan {

    /** A carer on the ladder; {@code newKey} when saving should pair them with a fresh key. */
    record Carer(String name, int level, URI endpoint, boolean newKey) {
    }

    // 1. the resident
    String label = "Home";
    String language = Settings.HOME_LANGUAGE.defaultValue();
    /** A second person's language (two people in one home), or null. */
    String secondLanguage;
    /** Who lives here and who wears which wearable: not asked by the wizard, but kept when provisioning again. */
    HearthConfig.Household household = HearthConfig.Household.ONE;
    // 2. the address, as far as the council pack needs it (the address itself is never stored)
    String council = HearthConfig.Council.DEFAULT.pack();
    DayOfWeek binDay;
    String binRound;
    String library;
    // 3. quiet hours
    LocalTime quietFrom = HearthConfig.Detection.DEFAULT.nightStart();
    LocalTime quietTo = HearthConfig.Detection.DEFAULT.nightEnd();
    // 4. sensors on GPIO pins
    final List<SensorSpec> sensors = new ArrayList<>();
    // 5. carers
    final List<Carer> carers = new ArrayList<>();
    // 6. thresholds
    Duration preAlarm = Settings.ALERTS_PRE_ALARM.defaultValue();
    Duration escalationTimeout = Settings.ALERTS_ESCALATION_TIMEOUT.defaultValue();
    LocalTime kitchenMotionBy = Settings.DETECTION_KITCHEN_MOTION_BY.defaultValue();
    Duration bathroomMax = Settings.DETECTION_BATHROOM_MAX.defaultValue();
    double temperatureLowC = Settings.DETECTION_TEMPERATURE_LOW.defaultValue();
    double temperatureHighC = Settings.DETECTION_TEMPERATURE_HIGH.defaultValue();
    int eventsRetentionDays = Settings.STORAGE_EVENTS_RETENTION_DAYS.defaultValue();

    // kept as they were
    ZoneId zone = ZoneId.of(Settings.HOME_TIMEZONE.defaultValue());
    String dataDir = Settings.STORAGE_DATA_DIR.defaultValue();
    String gpioBackend = Settings.GPIO_BACKEND.defaultValue();
    // and on the I2C bus and serial ports
    HearthConfig.I2c i2c = HearthConfig.I2c.NONE;
    int i2cBus = Settings.I2C_BUS.defaultValue();
    final List<RadarSpec> radars = new ArrayList<>();
    // and over Bluetooth: the worn fall pendants, paired by the wizard
    final List<PendantSpec> pendants = new ArrayList<>();
    HearthConfig.Voice voice = new HearthConfig.Voice(Settings.VOICE_ENABLED.defaultValue(), HearthConfig.Voice.OFF.modelsDir(),
            HearthConfig.Voice.OFF.libDir(), HearthConfig.Voice.OFF.handsFree(), HearthConfig.Voice.OFF.speechRate(),
            HearthConfig.Voice.OFF.endOfSpeech());
    HearthConfig.Coap coap = new HearthConfig.Coap(Settings.COAP_BIND.defaultValue(), Settings.COAP_PORT.defaultValue(),
            Settings.COAP_LOOPBACK_PORT.defaultValue());
    Duration heartbeat = Settings.HEARTBEAT_INTERVAL.defaultValue();
    String secretsFile = Settings.SECRETS_FILE.defaultValue();
    /** The care hub and the carers reached through it ({@code via: hub}): the wizard does not ask about them. */
    HearthConfig.Hub hub;
    final List<HearthConfig.CarerEntry> hubCarers = new ArrayList<>();

    /** The household's languages, the main one first. */
    List<String> languages() {
        return secondLanguage == null ? List.of(language) : List.of(language, secondLanguage);
    }

    /** A first installation: the documented defaults. */
    static HomePlan defaults() {
        return new HomePlan();
    }

    /**
     * Provisioning again: the existing configuration's values become the defaults. Carers who have
     * a key keep it unless the installer asks for a new one; the others will be paired on saving.
     * The example file's carers, on documentation addresses (192.0.2.x), are left out.
     */
    static HomePlan from(HearthConfig c, Path configFile, Set<String> paired) {
        HomePlan p = new HomePlan();
        p.label = c.home().label();
        p.language = c.home().language();
        p.secondLanguage = c.home().languages().size() > 1 ? c.home().languages().get(1) : null;
        p.zone = c.home().zone();
        p.household = c.home().household();
        p.council = c.council().pack();
        p.binDay = c.council().binDay();
        p.binRound = c.council().binRound();
        p.library = c.council().library();
        p.quietFrom = c.detection().nightStart();
        p.quietTo = c.detection().nightEnd();
        p.sensors.addAll(c.sensors());
        for (HearthConfig.CarerEntry e : c.carers()) {
            if (e.viaHub()) {
                p.hubCarers.add(e);
                continue;
            }
            if (e.endpoint().getHost() != null && e.endpoint().getHost().startsWith("192.0.2.")) {
                continue;
            }
            p.carers.add(new Carer(e.name(), e.level(), e.endpoint(), !paired.contains(e.name())));
        }
        p.preAlarm = c.alerts().preAlarm();
        p.escalationTimeout = c.alerts().escalationTimeout();
        p.kitchenMotionBy = c.detection().kitchenMotionBy();
        p.bathroomMax = c.detection().bathroomMax();
        p.temperatureLowC = c.detection().temperatureLowC();
        p.temperatureHighC = c.detection().temperatureHighC();
        p.eventsRetentionDays = c.storage().eventRetentionDays();
        p.dataDir = c.storage().dataDir().toString();
        p.gpioBackend = c.gpio().name().toLowerCase(java.util.Locale.ROOT);
        p.i2c = c.i2c();
        p.radars.addAll(c.radars());
        p.pendants.addAll(c.pendants());
        p.i2cBus = c.i2c().accelerometers().stream().map(a -> a.bus())
                .findFirst().orElse(c.i2c().climate().stream().map(s -> s.bus()).findFirst().orElse(1));
        p.voice = c.voice();
        p.coap = c.coap();
        p.heartbeat = c.heartbeatInterval();
        p.hub = c.hubUplink().orElse(null);
        Path dir = configFile.toAbsolutePath().getParent();
        p.secretsFile = c.secretsFile().getParent().equals(dir) ? c.secretsFile().getFileName().toString()
                : c.secretsFile().toString();
        return p;
    }

    /** True when someone is on the ladder: a carer the wizard pairs, or one reached through the hub. */
    boolean hasCarers() {
        return !carers.isEmpty() || !hubCarers.isEmpty();
    }

    /** The ids the I2C sensors, radars and pendants already use. */
    Set<String> deviceIds() {
        Set<String> ids = new java.util.HashSet<>();
        i2c.accelerometers().forEach(a -> ids.add(a.id()));
        i2c.climate().forEach(c -> ids.add(c.id()));
        radars.forEach(r -> ids.add(r.id()));
        pendants.forEach(r -> ids.add(r.id()));
        return ids;
    }

    /** "cord-bathroom", or "cord-bathroom-2" when a sensor has that id already. */
    String uniqueId(String base) {
        Set<String> taken = deviceIds();
        sensors.forEach(s -> taken.add(s.id()));
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /** An ADXL345 on this home's I2C bus, with the documented rate and intervals. */
    AccelerometerSpec accelerometer(String id, String room, int address) {
        return accelerometer(id, room, address, AccelerometerSpec.standard(id, room).rateHz());
    }

    /** The same at {@code rateHz}, drained as often as that rate needs (as the loader builds it). */
    AccelerometerSpec accelerometer(String id, String room, int address, int rateHz) {
        AccelerometerSpec std = AccelerometerSpec.standard(id, room);
        return new AccelerometerSpec(id, room, i2cBus, address, rateHz, AccelerometerSpec.defaultPollEvery(rateHz), std.maxSilence());
    }

    /** A BME280 or SHT31 on this home's I2C bus, read as often as documented. */
    ClimateSensorSpec climate(String id, String room, ClimateChip chip, int address) {
        ClimateSensorSpec std = ClimateSensorSpec.standard(id, room, chip);
        return new ClimateSensorSpec(id, room, chip, i2cBus, address, std.readEvery(), std.maxSilence());
    }

    void add(AccelerometerSpec a) {
        List<AccelerometerSpec> all = new ArrayList<>(i2c.accelerometers());
        all.add(a);
        i2c = new HearthConfig.I2c(all, i2c.climate());
    }

    void add(ClimateSensorSpec c) {
        List<ClimateSensorSpec> all = new ArrayList<>(i2c.climate());
        all.add(c);
        i2c = new HearthConfig.I2c(i2c.accelerometers(), all);
    }

    /** True when a radar is on the Pi's header UART: BCM 14 and 15 are then the serial port. */
    boolean usesHeaderUart() {
        return radars.stream().anyMatch(r -> ConfigLoader.onHeaderUart(r.device()));
    }

    /** How many sensors section 4 lists: on pins, then on I2C, then radars, then pendants. */
    int sensorCount() {
        return sensors.size() + i2c.accelerometers().size() + i2c.climate().size() + radars.size() + pendants.size();
    }

    /** True when any I2C sensor is fitted: BCM 2 and 3 are then the bus. */
    boolean usesI2c() {
        return !i2c.isEmpty();
    }
}
