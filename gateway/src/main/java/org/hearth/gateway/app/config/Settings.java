package org.hearth.gateway.app.config;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorSpec;
import org.hearth.voice.speech.EspeakSpeaker;
import org.hearth.gateway.app.config.Setting.Kind;

/**
 * Every setting of hearth.yaml and of its secrets file, once: key, kind, default, bounds, unit,
 * one line of documentation and whether it is secret (Californium's {@code CoapConfig} habit).
 * The loader, the wizard, docs/config.md ({@link ConfigDocs}) and the start-up log read this.
 * Adding a setting is one line here plus its use. The order is the order of docs/config.md and of
 * the "expected one of" lists in error messages.
 *
 * <p>The detectors' defaults are the domain's ({@code ActivityParameters.defaults()}, through
 * {@link HearthConfig.Detection#DEFAULT}); the sensors' are the sensors module's specs.
 */
public final class Settings {

    private static final List<Setting<?>> ALL = new ArrayList<>();
    private static final HearthConfig.Detection DETECTORS = HearthConfig.Detection.DEFAULT;

    /** A heated home needs room between too cold and too warm: the high limit is at least this far above the low. */
    public static final double TEMPERATURE_GAP_C = 4;

    public static final Setting<Void> HOME = section("home", "The home and its resident.");
    public static final Setting<String> HOME_LABEL = required("home.label",
            "How alerts name this home. Pseudonymous: never the resident's full name.");
    public static final Setting<String> HOME_LANGUAGE = choice("home.language", "en", HearthConfig.LANGUAGES,
            "The resident's language; Somali (so) through recorded prompts and buttons only.");
    public static final Setting<List<String>> HOME_LANGUAGES = add(new Setting<>("home.languages", Kind.CHOICES, null, false,
            null, null, "", "Two people in one home: two languages, main first, as [pa, en]; replaces home.language.",
            false, HearthConfig.LANGUAGES));
    public static final Setting<String> HOME_TIMEZONE = text("home.timezone", "Europe/London", "The home's time zone, as a tz name.");
    public static final Setting<String> HOME_COUNCIL = text("home.council", "leicester",
            "The council knowledge pack the assistant answers from: a built-in id or a pack file.");
    public static final Setting<String> HOME_BIN_DAY = text("home.bin_day", null,
            "The household's bin collection weekday (monday to sunday); needs home.bin_round.");
    public static final Setting<String> HOME_BIN_ROUND = text("home.bin_round", null,
            "The household's collection round in the council pack; needs home.bin_day.");
    public static final Setting<String> HOME_LIBRARY = text("home.library", null,
            "The nearest library in the council pack (default: the pack's first).");
    public static final Setting<Integer> HOME_RESIDENTS = whole("home.residents", 1, 1, 4, "people",
            "How many people live here: with more than one, \"out\" means everyone out (docs/detection.md, \"Two residents\").");
    public static final Setting<String> HOME_RESIDENT_NAMES = text("home.resident_names", null,
            "Optional: the residents as carers know them, comma-separated (\"Mum, Dad\"), one per resident; wearables name them.");
    public static final Setting<String> HOME_QUIET_HOURS = text("home.quiet_hours",
            DETECTORS.nightStart() + "-" + DETECTORS.nightEnd(), "The resident's night: stillness in bed then is sleep, not a long lie.");

    public static final Setting<Void> STORAGE = section("storage", "Where Hearth keeps its database.");
    public static final Setting<String> STORAGE_DATA_DIR = text("storage.data_dir", "/var/lib/hearth",
            "The data directory (created 0700); relative paths are relative to the config file.");
    public static final Setting<Integer> STORAGE_EVENTS_RETENTION_DAYS = whole("storage.events_retention_days", 30, 1, 3650, "days",
            "Sensor events older than this are deleted every day.");

    public static final Setting<Void> GPIO = section("gpio", "The GPIO pins.");
    public static final Setting<String> GPIO_BACKEND = choice("gpio.backend", "gpiod", List.of("gpiod", "linuxfs", "mock"),
            "gpiod (every Pi), linuxfs (legacy sysfs), or mock (a simulated home).");

    public static final Setting<Void> SENSORS = list("sensors", "One entry per sensor on a GPIO pin.");
    public static final Setting<String> SENSOR_ID = required("sensors[].id", "The sensor's id, unique in the home.");
    public static final Setting<String> SENSOR_ROOM = required("sensors[].room", "The room it is in, as alerts name it.");
    public static final Setting<String> SENSOR_KIND = add(new Setting<>("sensors[].kind", Kind.CHOICE, null, true, null, null, "",
            "What it is.", false, Arrays.stream(SensorKind.values()).map(SensorKind::configName).toList()));
    public static final Setting<Integer> SENSOR_PIN = add(new Setting<>("sensors[].pin", Kind.WHOLE, null, true,
            SensorSpec.LOWEST_PIN, SensorSpec.HIGHEST_PIN, "BCM", "The pin, BCM numbering; no two sensors share one.", false, List.of()));
    public static final Setting<String> SENSOR_PULL = choice("sensors[].pull", "up", List.of("up", "down", "off"),
            "The pin's pull resistor.");
    public static final Setting<Boolean> SENSOR_ACTIVE_LOW = flag("sensors[].active_low", true,
            "The line reads low while the sensor is active (a switch to ground).");
    public static final Setting<Duration> SENSOR_DEBOUNCE = duration("sensors[].debounce", Duration.ofMillis(20), Duration.ZERO,
            Duration.ofSeconds(2), "Edges closer than this after a change are contact bounce.");
    public static final Setting<Duration> SENSOR_MAX_SILENCE = duration("sensors[].max_silence", Duration.ofDays(2),
            Duration.ofMinutes(10), Duration.ofDays(365), "The sensor is suspect after this long without an event.");

    public static final Setting<Void> I2C = section("i2c", "Sensors on the I2C bus (SDA BCM 2, SCL BCM 3).");
    public static final Setting<Integer> I2C_BUS = whole("i2c.bus", 1, 0, 16, "", "The I2C bus number (/dev/i2c-N).");
    public static final Setting<Void> I2C_ACCELEROMETERS = list("i2c.accelerometers", "ADXL345 accelerometers for fall detection.");
    public static final Setting<String> ACCEL_ID = required("i2c.accelerometers[].id", "The sensor's id, unique in the home.");
    public static final Setting<String> ACCEL_ROOM = required("i2c.accelerometers[].room", "The room it is in, as alerts name it.");
    public static final Setting<Integer> ACCEL_ADDRESS = address("i2c.accelerometers[].address", AccelerometerSpec.ADDRESSES.get(0),
            "Its address: 0x53 or 0x1D, set by its address pin.");
    public static final Setting<Integer> ACCEL_RATE = whole("i2c.accelerometers[].rate_hz", 200, 1, 3200, "Hz",
            "Samples a second: 100 or 200.");
    public static final Setting<String> ACCEL_RESIDENT = text("i2c.accelerometers[].resident", null,
            "Optional: who wears it, one of home.resident_names; its fall alerts and health name them.");
    public static final Setting<Void> I2C_CLIMATE = list("i2c.climate", "Temperature sensors, read once a minute.");
    public static final Setting<String> CLIMATE_ID = required("i2c.climate[].id", "The sensor's id, unique in the home.");
    public static final Setting<String> CLIMATE_ROOM = required("i2c.climate[].room", "The room it is in, as alerts name it.");
    public static final Setting<String> CLIMATE_CHIP = choice("i2c.climate[].chip", "bme280", List.of("bme280", "sht31"), "The chip.");
    public static final Setting<Integer> CLIMATE_ADDRESS = address("i2c.climate[].address", null,
            "Its address (default: the chip's first, 0x76 for bme280, 0x44 for sht31).");

    public static final Setting<Void> RADARS = list("radars", "Presence radars (Seeed MR24HPC1) on serial ports.");
    public static final Setting<String> RADAR_ID = required("radars[].id", "The radar's id, unique in the home.");
    public static final Setting<String> RADAR_ROOM = required("radars[].room", "The room it watches, as alerts name it.");
    public static final Setting<String> RADAR_DEVICE = text("radars[].device", ConfigLoader.HEADER_UART,
            "Its serial port: the header UART (/dev/serial0, BCM 14 and 15) or a USB adapter.");
    public static final Setting<Integer> RADAR_BAUD = whole("radars[].baud", RadarSpec.DEFAULT_BAUD, 1, 4_000_000, "baud",
            "The port's speed.");
    public static final Setting<Duration> RADAR_MAX_SILENCE = duration("radars[].max_silence", RadarSpec.DEFAULT_MAX_SILENCE,
            Duration.ofMinutes(1), Duration.ofDays(1), "The radar is suspect after this long without a frame.");

    public static final Setting<Void> PENDANTS = list("pendants", "Worn fall pendants over Bluetooth Low Energy.");
    public static final Setting<String> PENDANT_ID = required("pendants[].id", "The pendant's id, unique in the home.");
    public static final Setting<String> PENDANT_ROOM = text("pendants[].room", "worn pendant", "How alerts name where it is.");
    public static final Setting<String> PENDANT_ADDRESS = required("pendants[].address", "Its Bluetooth address, AA:BB:CC:DD:EE:FF.");
    public static final Setting<String> PENDANT_PROFILE = choice("pendants[].profile", PendantSpec.PROFILES.get(0),
            PendantSpec.PROFILES, "The device family.");
    public static final Setting<String> PENDANT_ADAPTER = text("pendants[].adapter", PendantSpec.DEFAULT_ADAPTER,
            "The Bluetooth adapter it is reached through.");
    public static final Setting<Duration> PENDANT_MAX_SILENCE = duration("pendants[].max_silence", PendantSpec.DEFAULT_MAX_SILENCE,
            Duration.ofSeconds(10), Duration.ofDays(1), "The pendant is suspect after this long without a notification.");
    public static final Setting<Duration> PENDANT_RECONNECT_EVERY = duration("pendants[].reconnect_every",
            PendantSpec.DEFAULT_RECONNECT_EVERY, Duration.ofSeconds(1), Duration.ofMinutes(10), "The longest wait between calls to an out-of-range pendant (the wait doubles from 1 s).");
    public static final Setting<Integer> PENDANT_BATTERY_LOW = whole("pendants[].battery_low", PendantSpec.DEFAULT_BATTERY_LOW_PERCENT,
            1, 90, "%", "The pendant is suspect at this battery level or less.");
    public static final Setting<Duration> PENDANT_NOT_WORN_AFTER = duration("pendants[].not_worn_after",
            PendantSpec.DEFAULT_NOT_WORN_AFTER, PendantSpec.MIN_NOT_WORN_AFTER, PendantSpec.MAX_NOT_WORN_AFTER,
            "The pendant is suspect as not worn after this long of daytime without moving while the home is active.");

    public static final Setting<String> PENDANT_RESIDENT = text("pendants[].resident", null,
            "Optional: who wears it, one of home.resident_names; its fall alerts and health (not worn) name them.");

    public static final Setting<Void> VOICE = section("voice", "The voice assistant.");
    public static final Setting<Boolean> VOICE_ENABLED = flag("voice.enabled", true,
            "Listen to the resident (needs the language's Vosk model; replies are spoken either way).");
    public static final Setting<String> VOICE_MODELS_DIR = text("voice.models_dir", "/var/lib/hearth/models",
            "Installed Vosk models, one folder per language model.");
    public static final Setting<String> VOICE_LIB_DIR = text("voice.lib_dir", "/var/lib/hearth/lib",
            "Where `hearth models install --libvosk` put the aarch64 libvosk.so.");
    public static final Setting<Boolean> VOICE_HANDS_FREE = flag("voice.hands_free", false,
            "Listen all the time for the wake phrase; otherwise only after the talk button.");
    public static final Setting<Integer> VOICE_SPEECH_RATE = whole("voice.speech_rate", EspeakSpeaker.DEFAULT_RATE, 80, 220, "words a minute",
            "How fast replies are spoken; slow and clear by default.");
    public static final Setting<Duration> VOICE_END_OF_SPEECH = duration("voice.end_of_speech", Duration.ofMillis(700),
            Duration.ofMillis(200), Duration.ofSeconds(3), "The pause that ends what the resident says; longer for slow speakers.");

    public static final Setting<Void> DETECTION = section("detection",
            "The detectors' thresholds; each first asks the resident \"Are you all right?\".");
    public static final Setting<LocalTime> DETECTION_KITCHEN_MOTION_BY = add(new Setting<>("detection.kitchen_motion_by", Kind.TIME,
            DETECTORS.kitchenMotionBy(), false, LocalTime.of(5, 0), null, "", "No movement in the kitchen by this time of the morning.",
            false, List.of()));
    public static final Setting<Duration> DETECTION_BATHROOM_MAX = duration("detection.bathroom_max", DETECTORS.bathroomMax(),
            Duration.ofMinutes(15), Duration.ofHours(3), "The bathroom occupied longer than this.");
    public static final Setting<Double> DETECTION_TEMPERATURE_LOW = number("detection.temperature_low_c", DETECTORS.temperatureLowC(),
            5, 22, "°C", "Colder indoors than this for an hour tells the carers.");
    public static final Setting<Double> DETECTION_TEMPERATURE_HIGH = number("detection.temperature_high_c",
            DETECTORS.temperatureHighC(), 20, 35, "°C", "Warmer than this for an hour tells them too; at least 4 °C above the low limit.");

    public static final Setting<Void> ALERTS = section("alerts", "The pre-alarm and the escalation ladder's pace.");
    public static final Setting<Duration> ALERTS_PRE_ALARM = duration("alerts.pre_alarm", Duration.ofSeconds(30), Duration.ofSeconds(10),
            Duration.ofMinutes(5), "How long the resident has to say \"I'm fine\" before carers are told.");
    public static final Setting<Duration> ALERTS_ESCALATION_TIMEOUT = duration("alerts.escalation_timeout", Duration.ofMinutes(5),
            Duration.ofMinutes(1), Duration.ofHours(1), "How long each level has to acknowledge before the next is told.");

    public static final Setting<Void> CARERS = list("carers", "The escalation ladder: level 1 is told first; at least one carer.");
    public static final Setting<String> CARER_NAME = required("carers[].name", "The carer's name, unique on the ladder.");
    public static final Setting<Integer> CARER_LEVEL = whole("carers[].level", 1, 1, 9, "", "Their level on the ladder.");
    public static final Setting<String> CARER_ENDPOINT = text("carers[].endpoint", null,
            "Their device, coaps://HOST:PORT; required unless via is set.");
    public static final Setting<String> CARER_VIA = text("carers[].via", null, "hub: reached through the care hub instead of an endpoint.");

    public static final Setting<Void> HUB = section("hub", "The care hub this home reports to (docs/hub-api.md); leave out if none.");
    public static final Setting<String> HUB_URI = required("hub.uri", "The hub, coaps://HOST:PORT with no path.");
    public static final Setting<String> HUB_IDENTITY = required("hub.identity", "This home's PSK identity at the hub, home-<id>.");
    public static final Setting<Duration> HUB_HEARTBEAT = duration("hub.heartbeat", Duration.ofSeconds(25), Duration.ofSeconds(10),
            Duration.ofMinutes(5), "How often the gateway tells the hub it is alive, keeping the router's UDP mapping open.");

    public static final Setting<Void> COAP = section("coap", "Where carers' devices reach the gateway.");
    public static final Setting<String> COAP_BIND = text("coap.bind", "0.0.0.0", "The address DTLS listens on.");
    public static final Setting<Integer> COAP_PORT = whole("coap.port", 5684, 1, 65535, "", "The DTLS port.");
    public static final Setting<Integer> COAP_LOOPBACK_PORT = whole("coap.loopback_port", 5683, -1, 65535, "",
            "Plain CoAP for local tools on 127.0.0.1; -1 turns it off.");

    public static final Setting<Void> HEARTBEAT = section("heartbeat", "The heartbeat to carers' devices.");
    public static final Setting<Duration> HEARTBEAT_INTERVAL = duration("heartbeat.interval", Duration.ofSeconds(60),
            Duration.ofSeconds(10), Duration.ofMinutes(15), "Carers' devices raise their own alarm after three missed heartbeats.");

    public static final Setting<String> SECRETS_FILE = text("secrets_file", "secrets.yaml",
            "The secrets file (mode 0600); relative to this file.");

    // The secrets file (secrets_file above): its keys begin with "secrets.", as its error messages name them.
    public static final Setting<Void> SECRETS_CARERS = section("secrets.carers", "One entry per paired carer, by name.");
    public static final Setting<String> SECRETS_CARER_IDENTITY = required("secrets.carers.NAME.identity", "The carer's PSK identity.");
    public static final Setting<String> SECRETS_CARER_KEY = secret("secrets.carers.NAME.key",
            "The carer's 16-byte pre-shared key, 32 hex digits.");
    public static final Setting<Void> SECRETS_HUB = section("secrets.hub", "The key this home shares with its care hub.");
    public static final Setting<String> SECRETS_HUB_KEY = secret("secrets.hub.key",
            "The hub's 16-byte pre-shared key, 32 hex digits, from the hub's `homes add`.");

    private Settings() {
    }

    /** Every setting, in table order. */
    public static List<Setting<?>> all() {
        return List.copyOf(ALL);
    }

    /** The names allowed directly inside {@code section} ({@code alerts}, {@code sensors[]}, or empty for the top). */
    public static List<String> namesIn(String section) {
        return ALL.stream().filter(s -> s.section().equals(section)).map(Setting::name).toList();
    }

    /** The setting with this key, as written in the table. */
    public static Optional<Setting<?>> byKey(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    // ---- the table's own shorthands; each adds its setting to ALL ----

    private static <T> Setting<T> add(Setting<T> s) {
        if (ALL.stream().anyMatch(o -> o.key().equals(s.key()))) {
            throw new IllegalStateException("two settings are called " + s.key());
        }
        ALL.add(s);
        return s;
    }

    private static Setting<Void> section(String key, String doc) {
        return add(new Setting<>(key, Kind.SECTION, null, false, null, null, "", doc, false, List.of()));
    }

    private static Setting<Void> list(String key, String doc) {
        return add(new Setting<>(key, Kind.LIST, null, false, null, null, "", doc, false, List.of()));
    }

    private static Setting<String> text(String key, String def, String doc) {
        return add(new Setting<>(key, Kind.TEXT, def, false, null, null, "", doc, false, List.of()));
    }

    private static Setting<String> required(String key, String doc) {
        return add(new Setting<>(key, Kind.TEXT, null, true, null, null, "", doc, false, List.of()));
    }

    private static Setting<String> secret(String key, String doc) {
        return add(new Setting<>(key, Kind.TEXT, null, true, null, null, "", doc, true, List.of()));
    }

    private static Setting<String> choice(String key, String def, List<String> choices, String doc) {
        return add(new Setting<>(key, Kind.CHOICE, def, false, null, null, "", doc, false, choices));
    }

    private static Setting<Boolean> flag(String key, boolean def, String doc) {
        return add(new Setting<>(key, Kind.BOOLEAN, def, false, null, null, "", doc, false, List.of()));
    }

    private static Setting<Integer> whole(String key, int def, int min, int max, String unit, String doc) {
        return add(new Setting<>(key, Kind.WHOLE, def, false, min, max, unit, doc, false, List.of()));
    }

    private static Setting<Double> number(String key, double def, double min, double max, String unit, String doc) {
        return add(new Setting<>(key, Kind.NUMBER, def, false, min, max, unit, doc, false, List.of()));
    }

    private static Setting<Duration> duration(String key, Duration def, Duration min, Duration max, String doc) {
        return add(new Setting<>(key, Kind.DURATION, def, false, min, max, "", doc, false, List.of()));
    }

    private static Setting<Integer> address(String key, Integer def, String doc) {
        return add(new Setting<>(key, Kind.I2C_ADDRESS, def, false, null, null, "", doc, false, List.of()));
    }
}
