package org.hearth.gateway.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.ClimateChip;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.Pull;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorSpec;
import org.hearth.sensors.gpio.GpioBackend;
import org.hearth.time.Durations;
import org.hearth.voice.skill.CouncilPack;
import org.hearth.voice.skill.Library;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and validates {@code hearth.yaml} and its secrets file. Every problem is collected, then
 * all are reported together, each as {@code key.path: message}; impossible values are errors,
 * risky ones are clamped with a warning. Unknown keys are errors, because a misspelt setting
 * that silently does nothing could switch off someone's safety.
 */
public final class ConfigLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public static final Duration DEFAULT_PRE_ALARM = Duration.ofSeconds(30);
    public static final Duration DEFAULT_ESCALATION = Duration.ofMinutes(5);
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(20);
    public static final Duration DEFAULT_MAX_SILENCE = Duration.ofDays(2);

    private final List<String> errors = new ArrayList<>();
    /** True for {@code hearth pair}: an empty ladder is where the first carer is added. */
    private boolean noCarersYet;
    private final List<String> warnings = new ArrayList<>();

    private ConfigLoader() {
    }

    /** Reads both files; relative paths in the config resolve against the config file's folder. */
    public static Loaded load(Path configFile) throws ConfigException {
        ConfigLoader loader = new ConfigLoader();
        HearthConfig config = loader.configOf(configFile);
        Secrets secrets = config == null ? null : loader.secrets(config);
        if (!loader.errors.isEmpty()) {
            throw new ConfigException(loader.errors);
        }
        loader.warnings.forEach(w -> LOG.warn("Config: {}", w));
        return new Loaded(config, secrets, List.copyOf(loader.warnings));
    }

    /** Reads and checks the configuration alone, without its secrets: for pairing, which writes them. */
    public static HearthConfig loadWithoutSecrets(Path configFile) throws ConfigException {
        return loadWithoutSecrets(configFile, false);
    }

    /**
     * As {@link #loadWithoutSecrets(Path)}, for {@code hearth pair}, which adds carers: a ladder
     * with nobody on it yet is then no error, so the first carer can be paired.
     */
    public static HearthConfig loadForPairing(Path configFile) throws ConfigException {
        return loadWithoutSecrets(configFile, true);
    }

    private static HearthConfig loadWithoutSecrets(Path configFile, boolean noCarersYet) throws ConfigException {
        ConfigLoader loader = new ConfigLoader();
        loader.noCarersYet = noCarersYet;
        HearthConfig config = loader.configOf(configFile);
        if (!loader.errors.isEmpty()) {
            throw new ConfigException(loader.errors);
        }
        return config;
    }

    /**
     * Reads the secrets file alone: the running daemon re-reads it when a key is revoked.
     *
     * @throws ConfigException with every problem, never with key material
     */
    public static Secrets loadSecrets(Path secretsFile) throws ConfigException {
        ConfigLoader loader = new ConfigLoader();
        JsonNode root = loader.readYaml(secretsFile, "secrets_file");
        Map<String, Secrets.CarerKey> keys = root.isMissingNode() ? Map.of() : loader.keys(root);
        Secrets.HubKey hub = root.isMissingNode() ? null : loader.hubKey(root);
        if (!loader.errors.isEmpty()) {
            throw new ConfigException(loader.errors);
        }
        return new Secrets(keys, hub);
    }

    /** The secrets file's keys, or none when there is no file yet (before the first pairing). */
    public static Secrets loadSecretsIfPresent(Path secretsFile) throws ConfigException {
        return Files.exists(secretsFile) ? loadSecrets(secretsFile) : new Secrets(Map.of());
    }

    private HearthConfig configOf(Path configFile) {
        JsonNode root = readYaml(configFile, "");
        if (!errors.isEmpty()) {
            return null;
        }
        return config(root, configFile.toAbsolutePath().getParent());
    }

    /** A valid configuration, its secrets, and the risky values that were clamped. */
    public record Loaded(HearthConfig config, Secrets secrets, List<String> warnings) {
    }

    private JsonNode readYaml(Path file, String what) {
        String label = what.isEmpty() ? file.getFileName().toString() : what;
        if (!Files.isRegularFile(file)) {
            errors.add(label + ": file not found: " + file);
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = YAML.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                errors.add(label + ": must be a YAML mapping of settings");
                return MissingNode.getInstance();
            }
            return node;
        } catch (JsonProcessingException e) {
            errors.add(label + ": not valid YAML" + yamlProblem(e));
        } catch (IOException e) {
            errors.add(label + ": cannot read " + file + ": " + e.getMessage());
        }
        return MissingNode.getInstance();
    }

    /** SnakeYAML knows the line and the problem; Jackson's own message buries them. */
    private static String yamlProblem(JsonProcessingException e) {
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
            return " at line " + (m.getProblemMark().getLine() + 1) + ": " + m.getProblem()
                    + (m.getContext() == null ? "" : " (" + m.getContext() + ")");
        }
        var loc = e.getLocation();
        return (loc == null ? "" : " at line " + loc.getLineNr()) + ": " + e.getOriginalMessage().lines().findFirst().orElse("");
    }

    /** The Pi's header UART, on BCM 14 and 15, under its stable name and the names it has on each model. */
    static final String HEADER_UART = "/dev/serial0";
    private static final List<String> HEADER_UART_DEVICES = List.of(HEADER_UART, "/dev/ttyAMA0", "/dev/ttyS0");

    /** True when {@code device} is the header UART, which takes BCM 14 and 15 from the GPIO sensors. */
    public static boolean onHeaderUart(String device) {
        return HEADER_UART_DEVICES.contains(device);
    }

    private HearthConfig config(JsonNode root, Path base) {
        known(root, "", "home", "storage", "gpio", "sensors", "i2c", "radars", "pendants", "alerts", "carers", "coap", "heartbeat",
                "secrets_file", "voice", "detection", "hub");
        JsonNode homeNode = object(root, "home");
        HearthConfig.Home home = new HearthConfig.Home(
                requiredText(homeNode, "home.label"),
                oneOf(homeNode, "home.language", "en", HearthConfig.LANGUAGES),
                zone(homeNode, "home.timezone"));
        known(homeNode, "home", "label", "language", "timezone", "council", "bin_day", "bin_round", "library", "quiet_hours");
        HearthConfig.Council council = council(homeNode, base);
        LocalTime[] quietHours = quietHours(homeNode);
        HearthConfig.Voice voice = voice(object(root, "voice"), base);
        HearthConfig.Detection detection = detection(quietHours, object(root, "detection"));

        JsonNode storageNode = object(root, "storage");
        known(storageNode, "storage", "data_dir", "events_retention_days");
        HearthConfig.Storage storage = new HearthConfig.Storage(
                base.resolve(text(storageNode, "storage.data_dir", "/var/lib/hearth")),
                integer(storageNode, "storage.events_retention_days", 30, 1, 3650));

        JsonNode gpioNode = object(root, "gpio");
        known(gpioNode, "gpio", "backend");
        String backendName = oneOf(gpioNode, "gpio.backend", "gpiod", List.of("gpiod", "linuxfs", "mock"));
        GpioBackend gpio = GpioBackend.valueOf(backendName.toUpperCase(java.util.Locale.ROOT));

        List<SensorSpec> sensors = sensors(root.path("sensors"));
        JsonNode i2cNode = object(root, "i2c");
        HearthConfig.I2c i2c = i2c(i2cNode);
        boolean i2cWanted = i2cNode.path("accelerometers").size() + i2cNode.path("climate").size() > 0;
        if (i2cWanted) {
            for (int i = 0; i < sensors.size(); i++) {
                if (sensors.get(i).pin() == 2 || sensors.get(i).pin() == 3) {
                    errors.add("sensors[" + i + "].pin: BCM " + sensors.get(i).pin() + " is the I2C bus ("
                            + (sensors.get(i).pin() == 2 ? "SDA" : "SCL") + "), which the i2c sensors use");
                }
            }
        }

        List<RadarSpec> radars = radars(root.path("radars"), sensors, i2c);
        List<PendantSpec> pendants = pendants(root.path("pendants"), sensors, i2c, radars);

        JsonNode alertsNode = object(root, "alerts");
        known(alertsNode, "alerts", "pre_alarm", "escalation_timeout");
        HearthConfig.Alerts alerts = new HearthConfig.Alerts(
                duration(alertsNode, "alerts.pre_alarm", DEFAULT_PRE_ALARM, Limits.PRE_ALARM_MIN, Limits.PRE_ALARM_MAX),
                duration(alertsNode, "alerts.escalation_timeout", DEFAULT_ESCALATION, Limits.ESCALATION_MIN,
                        Limits.ESCALATION_MAX));

        List<HearthConfig.CarerEntry> carers = carers(root.path("carers"));

        JsonNode coapNode = object(root, "coap");
        known(coapNode, "coap", "bind", "port", "loopback_port");
        HearthConfig.Coap coap = new HearthConfig.Coap(text(coapNode, "coap.bind", "0.0.0.0"),
                integer(coapNode, "coap.port", 5684, 1, 65535),
                integer(coapNode, "coap.loopback_port", 5683, -1, 65535));

        JsonNode heartbeatNode = object(root, "heartbeat");
        known(heartbeatNode, "heartbeat", "interval");
        Duration heartbeat = duration(heartbeatNode, "heartbeat.interval", DEFAULT_HEARTBEAT, Duration.ofSeconds(10),
                Duration.ofMinutes(15));

        Path secretsFile = base.resolve(text(root, "secrets_file", "secrets.yaml"));
        boolean hubWritten = !object(root, "hub").isMissingNode();
        HearthConfig.Hub hub = HubSection.read(this, object(root, "hub"));
        HubSection.checkCarers(this, carers, hubWritten);
        if (!errors.isEmpty()) {
            return null;
        }
        return new HearthConfig(home, storage, gpio, sensors, alerts, carers, coap, heartbeat, secretsFile, i2c,
                council, voice, detection, hub, radars, pendants);
    }

    /** The council pack must exist, and the household's round and library must be in it. */
    private HearthConfig.Council council(JsonNode home, Path base) {
        String packName = text(home, "home.council", HearthConfig.Council.DEFAULT.pack());
        String dayName = text(home, "home.bin_day", null);
        String round = text(home, "home.bin_round", null);
        String library = text(home, "home.library", null);
        CouncilPack pack = councilPack(packName, base);
        if (Files.isRegularFile(base.resolve(packName))) {
            packName = base.resolve(packName).toString(); // a pack file, wherever the daemon runs from
        }
        DayOfWeek day = null;
        if (dayName != null) {
            try {
                day = DayOfWeek.valueOf(dayName.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("home.bin_day: must be a weekday such as tuesday, was \"" + dayName + "\"");
            }
            if (round == null) {
                errors.add("home.bin_round: is required with home.bin_day; the council pack's rounds are "
                        + (pack == null ? "unknown" : rounds(pack)));
            }
        } else if (round != null) {
            errors.add("home.bin_day: is required with home.bin_round");
        }
        if (pack != null && round != null && !pack.bins().rounds().containsKey(round)) {
            errors.add("home.bin_round: \"" + round + "\" is not a round of " + pack.council() + "; expected one of "
                    + rounds(pack));
        }
        if (pack != null && library != null && pack.libraries().stream().noneMatch(l -> l.name().equalsIgnoreCase(library))) {
            errors.add("home.library: \"" + library + "\" is not a library of " + pack.council() + "; expected one of "
                    + String.join(", ", pack.libraries().stream().map(Library::name).toList()));
        }
        return new HearthConfig.Council(packName, day, round, library);
    }

    private static String rounds(CouncilPack pack) {
        return String.join(", ", new java.util.TreeSet<>(pack.bins().rounds().keySet()));
    }

    /** A built-in pack by id, or a pack file; null (with an error) when neither. */
    private CouncilPack councilPack(String name, Path base) {
        Path file = base.resolve(name);
        try {
            return Files.isRegularFile(file) ? CouncilPack.read(file) : CouncilPack.builtIn(name);
        } catch (IOException | RuntimeException e) {
            errors.add("home.council: " + e.getMessage());
            return null;
        }
    }

    private HearthConfig.Voice voice(JsonNode node, Path base) {
        known(node, "voice", "enabled", "models_dir", "lib_dir", "hands_free", "speech_rate", "end_of_speech");
        HearthConfig.Voice def = HearthConfig.Voice.OFF;
        return new HearthConfig.Voice(bool(node, "voice.enabled", true),
                base.resolve(text(node, "voice.models_dir", def.modelsDir().toString())),
                base.resolve(text(node, "voice.lib_dir", def.libDir().toString())),
                bool(node, "voice.hands_free", false),
                integer(node, "voice.speech_rate", HearthConfig.Voice.DEFAULT_RATE, 80, 220),
                duration(node, "voice.end_of_speech", HearthConfig.Voice.DEFAULT_END_OF_SPEECH, Duration.ofMillis(200),
                        Duration.ofSeconds(3)));
    }

    /** The resident's night, "22:00-07:00"; the default when not set or not valid. */
    private LocalTime[] quietHours(JsonNode home) {
        HearthConfig.Detection def = HearthConfig.Detection.DEFAULT;
        String hours = text(home, "home.quiet_hours", null);
        if (hours != null) {
            String[] parts = hours.split("-");
            LocalTime from = parts.length == 2 ? clockTime(parts[0]) : null;
            LocalTime to = parts.length == 2 ? clockTime(parts[1]) : null;
            if (from != null && to != null && !from.equals(to)) {
                return new LocalTime[] {from, to};
            }
            errors.add("home.quiet_hours: write it like 22:00-07:00, was \"" + hours + "\"");
        }
        return new LocalTime[] {def.nightStart(), def.nightEnd()};
    }

    /** The detectors' thresholds; quiet hours sit with the home, as they are the resident's. */
    private HearthConfig.Detection detection(LocalTime[] quiet, JsonNode node) {
        known(node, "detection", "kitchen_motion_by", "bathroom_max", "temperature_low_c", "temperature_high_c");
        HearthConfig.Detection def = HearthConfig.Detection.DEFAULT;
        LocalTime kitchenBy = def.kitchenMotionBy();
        String by = text(node, "detection.kitchen_motion_by", null);
        if (by != null) {
            kitchenBy = clockTime(by);
            if (kitchenBy == null || !kitchenBy.isAfter(LocalTime.of(5, 0))) {
                errors.add("detection.kitchen_motion_by: must be a time after 05:00 such as 10:00, was \"" + by + "\"");
                kitchenBy = def.kitchenMotionBy();
            }
        }
        Duration bathroom = duration(node, "detection.bathroom_max", def.bathroomMax(), Limits.BATHROOM_MIN,
                Limits.BATHROOM_MAX);
        double low = number(node, "detection.temperature_low_c", def.temperatureLowC(), Limits.TEMPERATURE_LOW_MIN,
                Limits.TEMPERATURE_LOW_MAX);
        double high = number(node, "detection.temperature_high_c", def.temperatureHighC(), Limits.TEMPERATURE_HIGH_MIN,
                Limits.TEMPERATURE_HIGH_MAX);
        if (high - low < Limits.TEMPERATURE_GAP) {
            errors.add("detection.temperature_high_c: must be at least " + (int) Limits.TEMPERATURE_GAP
                    + " °C above temperature_low_c (" + low + ")");
        }
        return new HearthConfig.Detection(quiet[0], quiet[1], kitchenBy, bathroom, low, high);
    }

    /** "07:00" or "7:00"; null when it is not a time of day. */
    private static LocalTime clockTime(String text) {
        try {
            return LocalTime.parse(text.strip().length() == 4 ? "0" + text.strip() : text.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private HearthConfig.I2c i2c(JsonNode node) {
        known(node, "i2c", "bus", "accelerometers", "climate");
        int bus = integer(node, "i2c.bus", 1, 0, 16);
        List<AccelerometerSpec> accels = new ArrayList<>();
        List<ClimateSensorSpec> climate = new ArrayList<>();
        eachMapping(node.path("accelerometers"), "i2c.accelerometers", (a, p) -> {
            known(a, p, "id", "room", "address", "rate_hz");
            String id = requiredText(a, p + ".id");
            String room = requiredText(a, p + ".room");
            int address = address(a, p + ".address", 0x53);
            int rate = integer(a, p + ".rate_hz", 200, 1, 3200);
            if (id != null && room != null) {
                specOrError(p, () -> accels.add(new AccelerometerSpec(id, room, bus, address, rate,
                        AccelerometerSpec.defaultPollEvery(rate), AccelerometerSpec.standard(id, room).maxSilence())));
            }
        });
        eachMapping(node.path("climate"), "i2c.climate", (c, p) -> {
            known(c, p, "id", "room", "chip", "address");
            String id = requiredText(c, p + ".id");
            String room = requiredText(c, p + ".room");
            String chipName = oneOf(c, p + ".chip", "bme280", List.of("bme280", "sht31"));
            ClimateChip chip = ClimateChip.fromConfigName(chipName).orElseThrow();
            int address = address(c, p + ".address", ClimateSensorSpec.standard("x", "x", chip).address());
            if (id != null && room != null) {
                specOrError(p, () -> {
                    ClimateSensorSpec std = ClimateSensorSpec.standard(id, room, chip);
                    climate.add(new ClimateSensorSpec(id, room, chip, bus, address, std.readEvery(), std.maxSilence()));
                });
            }
        });
        return new HearthConfig.I2c(accels, climate);
    }

    /**
     * Presence radars on serial ports. The Pi's header UART is BCM 14 (TXD) and 15 (RXD), so a
     * radar on it takes those pins from the GPIO sensors.
     */
    private List<RadarSpec> radars(JsonNode node, List<SensorSpec> sensors, HearthConfig.I2c i2c) {
        List<RadarSpec> radars = new ArrayList<>();
        Map<String, String> deviceOwner = new HashMap<>();
        java.util.Set<String> otherIds = new java.util.HashSet<>();
        sensors.forEach(s -> otherIds.add(s.id()));
        i2c.accelerometers().forEach(a -> otherIds.add(a.id()));
        i2c.climate().forEach(c -> otherIds.add(c.id()));
        eachMapping(node, "radars", (r, p) -> {
            known(r, p, "id", "room", "device", "baud", "max_silence");
            String id = requiredText(r, p + ".id");
            String room = requiredText(r, p + ".room");
            String device = text(r, p + ".device", HEADER_UART);
            int baud = integer(r, p + ".baud", RadarSpec.DEFAULT_BAUD, 1, 4_000_000);
            Duration maxSilence = duration(r, p + ".max_silence", RadarSpec.DEFAULT_MAX_SILENCE, Duration.ofMinutes(1),
                    Duration.ofDays(1));
            if (id != null && !otherIds.add(id)) {
                errors.add(p + ".id: duplicate id \"" + id + "\" (another sensor has it)");
            }
            String owner = deviceOwner.putIfAbsent(device, p);
            if (owner != null) {
                errors.add(p + ".device: " + device + " is already the port of " + owner);
            }
            if (id != null && room != null) {
                specOrError(p, () -> radars.add(new RadarSpec(id, room, device, baud, maxSilence)));
            }
        });
        String uart = deviceOwner.keySet().stream().filter(HEADER_UART_DEVICES::contains).findFirst().orElse(null);
        for (int i = 0; uart != null && i < sensors.size(); i++) {
            int pin = sensors.get(i).pin();
            if (pin == 14 || pin == 15) {
                errors.add("sensors[" + i + "].pin: BCM " + pin + " is the serial port (" + (pin == 14 ? "TXD" : "RXD")
                        + "), which the radar on " + uart + " uses");
            }
        }
        return radars;
    }

    /** Worn fall pendants over Bluetooth Low Energy (docs/sensors.md, "Fall pendant"). */
    private List<PendantSpec> pendants(JsonNode node, List<SensorSpec> sensors, HearthConfig.I2c i2c, List<RadarSpec> radars) {
        List<PendantSpec> pendants = new ArrayList<>();
        java.util.Set<String> otherIds = new java.util.HashSet<>();
        sensors.forEach(s -> otherIds.add(s.id()));
        i2c.accelerometers().forEach(a -> otherIds.add(a.id()));
        i2c.climate().forEach(c -> otherIds.add(c.id()));
        radars.forEach(r -> otherIds.add(r.id()));
        Map<String, String> addressOwner = new HashMap<>();
        eachMapping(node, "pendants", (n, p) -> {
            known(n, p, "id", "room", "address", "profile", "adapter", "max_silence", "reconnect_every", "battery_low",
                    "not_worn_after");
            String id = requiredText(n, p + ".id");
            String room = text(n, p + ".room", "worn pendant");
            String address = requiredText(n, p + ".address");
            String profile = oneOf(n, p + ".profile", PendantSpec.PROFILES.get(0), PendantSpec.PROFILES);
            String adapter = text(n, p + ".adapter", PendantSpec.DEFAULT_ADAPTER);
            Duration maxSilence = duration(n, p + ".max_silence", PendantSpec.DEFAULT_MAX_SILENCE, Duration.ofSeconds(10),
                    Duration.ofDays(1));
            Duration reconnect = duration(n, p + ".reconnect_every", PendantSpec.DEFAULT_RECONNECT_EVERY, Duration.ofSeconds(1),
                    Duration.ofMinutes(10));
            int batteryLow = integer(n, p + ".battery_low", PendantSpec.DEFAULT_BATTERY_LOW_PERCENT, 1, 90);
            Duration notWornAfter = duration(n, p + ".not_worn_after", PendantSpec.DEFAULT_NOT_WORN_AFTER,
                    PendantSpec.MIN_NOT_WORN_AFTER, PendantSpec.MAX_NOT_WORN_AFTER);
            if (id != null && !otherIds.add(id)) {
                errors.add(p + ".id: duplicate id \"" + id + "\" (another sensor has it)");
            }
            if (address != null) {
                String owner = addressOwner.putIfAbsent(address.toUpperCase(java.util.Locale.ROOT), p);
                if (owner != null) {
                    errors.add(p + ".address: " + address + " is already the address of " + owner);
                }
            }
            if (id != null && address != null) {
                specOrError(p, () -> pendants.add(new PendantSpec(id, room, address, profile, adapter, maxSilence, reconnect,
                        batteryLow, notWornAfter)));
            }
        });
        return pendants;
    }

    private void eachMapping(JsonNode list, String path, java.util.function.BiConsumer<JsonNode, String> each) {
        if (list.isMissingNode() || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            errors.add(path + ": must be a list");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String p = path + "[" + i + "]";
            if (!list.get(i).isObject()) {
                errors.add(p + ": must be a mapping of settings");
            } else {
                each.accept(list.get(i), p);
            }
        }
    }

    /** The sensors module checks addresses, rates and intervals against the datasheet; its words become ours. */
    private void specOrError(String path, Runnable make) {
        try {
            make.run();
        } catch (IllegalArgumentException e) {
            errors.add(path + ": " + e.getMessage());
        }
    }

    /** I2C addresses as installers write them: 0x53, or 83. */
    private int address(JsonNode node, String path, int def) {
        JsonNode n = node.path(last(path));
        if (n.isMissingNode() || n.isNull()) {
            return def;
        }
        if (n.isIntegralNumber()) {
            return n.asInt();
        }
        String text = n.asText().strip().toLowerCase(java.util.Locale.ROOT);
        try {
            return text.startsWith("0x") ? Integer.parseInt(text.substring(2), 16) : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            errors.add(path + ": not an I2C address: \"" + n.asText() + "\"; write it like 0x53");
            return def;
        }
    }

    private List<SensorSpec> sensors(JsonNode list) {
        List<SensorSpec> out = new ArrayList<>();
        if (list.isMissingNode() || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            errors.add("sensors: must be a list of sensors");
            return out;
        }
        Map<String, String> idAt = new HashMap<>();
        Map<Integer, String> pinOwner = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String p = "sensors[" + i + "]";
            JsonNode s = list.get(i);
            if (!s.isObject()) {
                errors.add(p + ": must be a mapping with id, room, kind and pin");
                continue;
            }
            known(s, p, "id", "room", "kind", "pin", "pull", "active_low", "debounce", "max_silence");
            int before = errors.size();
            String id = requiredText(s, p + ".id");
            if (id != null && idAt.putIfAbsent(id, p) != null) {
                errors.add(p + ".id: duplicate id \"" + id + "\" (also " + idAt.get(id) + ")");
            }
            String room = requiredText(s, p + ".room");
            SensorKind kind = null;
            String kindName = requiredText(s, p + ".kind");
            if (kindName != null) {
                kind = SensorKind.fromConfigName(kindName).orElse(null);
                if (kind == null) {
                    errors.add(p + ".kind: unknown sensor kind \"" + kindName + "\"; expected one of " + SensorKind.allConfigNames());
                }
            }
            Integer pin = null;
            JsonNode pinNode = s.path("pin");
            if (pinNode.isMissingNode()) {
                errors.add(p + ".pin: is required");
            } else if (!pinNode.canConvertToInt() || !pinNode.isIntegralNumber()) {
                errors.add(p + ".pin: must be a BCM pin number, was \"" + pinNode.asText() + "\"");
            } else if (pinNode.asInt() < SensorSpec.LOWEST_PIN || pinNode.asInt() > SensorSpec.HIGHEST_PIN) {
                errors.add(p + ".pin: must be between " + SensorSpec.LOWEST_PIN + " and " + SensorSpec.HIGHEST_PIN
                        + " (BCM numbering), was " + pinNode.asInt());
            } else {
                pin = pinNode.asInt();
                String owner = pinOwner.putIfAbsent(pin, id == null ? p : id);
                if (owner != null) {
                    errors.add(p + ".pin: " + pin + " is already used by " + owner);
                }
            }
            String pull = oneOf(s, p + ".pull", "up", List.of("up", "down", "off"));
            boolean activeLow = bool(s, p + ".active_low", true);
            Duration debounce = duration(s, p + ".debounce", DEFAULT_DEBOUNCE, Duration.ZERO, Duration.ofSeconds(2));
            Duration silence = duration(s, p + ".max_silence", DEFAULT_MAX_SILENCE, Duration.ofMinutes(10), Duration.ofDays(365));
            if (errors.size() == before) {
                out.add(new SensorSpec(id, room, kind, pin, Pull.valueOf(pull.toUpperCase(java.util.Locale.ROOT)), activeLow,
                        debounce, silence));
            }
        }
        return out;
    }

    private List<HearthConfig.CarerEntry> carers(JsonNode list) {
        List<HearthConfig.CarerEntry> out = new ArrayList<>();
        if (list.isMissingNode() || list.isNull() || (list.isArray() && list.isEmpty())) {
            if (!noCarersYet) {
                errors.add("carers: at least one carer is required, or no one will ever be told");
            }
            return out;
        }
        if (!list.isArray()) {
            errors.add("carers: must be a list of carers");
            return out;
        }
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String p = "carers[" + i + "]";
            JsonNode c = list.get(i);
            if (!c.isObject()) {
                errors.add(p + ": must be a mapping with name, level and endpoint (or via: hub)");
                continue;
            }
            known(c, p, "name", "level", "endpoint", "via");
            int before = errors.size();
            String name = requiredText(c, p + ".name");
            if (name != null && !names.add(name)) {
                errors.add(p + ".name: duplicate carer \"" + name + "\"");
            }
            int level = integer(c, p + ".level", 1, 1, 9);
            URI endpoint = null;
            String via = text(c, p + ".via", null);
            boolean viaHub = "hub".equals(via);
            if (via != null && !viaHub) {
                errors.add(p + ".via: the only way is \"hub\", was \"" + via + "\"; a carer reached directly has an endpoint instead");
            }
            if (via != null && c.has("endpoint")) {
                errors.add(p + ": has both via and endpoint; a carer is reached either through the hub or at their own endpoint");
            }
            String uri = via != null ? null : requiredText(c, p + ".endpoint");
            if (uri != null) {
                try {
                    endpoint = new URI(uri);
                    if (!"coaps".equals(endpoint.getScheme()) || endpoint.getHost() == null) {
                        errors.add(p + ".endpoint: must be a coaps:// URI with a host, was \"" + uri + "\"");
                    }
                } catch (URISyntaxException e) {
                    errors.add(p + ".endpoint: not a URI: \"" + uri + "\"");
                }
            }
            if (errors.size() == before) {
                out.add(new HearthConfig.CarerEntry(name, level, endpoint, viaHub));
            }
        }
        return out;
    }

    private Secrets secrets(HearthConfig config) {
        JsonNode root = readYaml(config.secretsFile(), "secrets_file");
        if (root.isMissingNode()) {
            return null;
        }
        try {
            PrivateFile.tooOpen(config.secretsFile(), "secrets_file").ifPresent(errors::add);
        } catch (IOException e) {
            errors.add("secrets_file: cannot read the mode of " + config.secretsFile() + ": " + e.getMessage());
        }
        Map<String, Secrets.CarerKey> keys = keys(root);
        Secrets.HubKey hubKey = hubKey(root);
        if (config.hub() != null && hubKey == null) {
            errors.add("secrets.hub.key: the config has a hub: section but the secrets file has no key for it; add"
                    + " hub: {key: \"<32 hex digits>\"} from the hub's `homes add`");
        }
        // A carer without a key was revoked or is not paired yet: Hearth runs on without them,
        // as long as someone can still be told. A carer through the hub uses the hub's key.
        java.util.function.Predicate<HearthConfig.CarerEntry> keyed = c -> c.viaHub() ? hubKey != null : keys.containsKey(c.name());
        boolean anyone = config.carers().stream().anyMatch(keyed);
        for (int i = 0; i < config.carers().size(); i++) {
            String name = config.carers().get(i).name();
            if (keyed.test(config.carers().get(i)) || config.carers().get(i).viaHub()) {
                continue;
            }
            if (anyone) {
                warnings.add("carers[" + i + "].name: no key for \"" + name + "\" in the secrets file (revoked, or not paired yet); "
                        + "Hearth will not tell " + name + " until you run: hearth pair --carer " + name);
            } else {
                errors.add("carers[" + i + "].name: no key for \"" + name + "\" in the secrets file; run: hearth pair --carer "
                        + name);
            }
        }
        return new Secrets(keys, hubKey);
    }

    /** The hub's key in the secrets file, or null when there is none. */
    private Secrets.HubKey hubKey(JsonNode root) {
        JsonNode hub = root.path("hub");
        if (hub.isMissingNode() || hub.isNull()) {
            return null;
        }
        if (!hub.isObject()) {
            errors.add("secrets.hub: must be a mapping with key");
            return null;
        }
        known(hub, "secrets.hub", "key");
        String hex = requiredText(hub, "secrets.hub.key");
        if (hex == null) {
            return null;
        }
        try {
            byte[] key = HexFormat.of().parseHex(hex);
            if (key.length == 16) {
                return new Secrets.HubKey(key);
            }
            errors.add("secrets.hub.key: must be 16 bytes (32 hex digits), was " + key.length + " bytes");
        } catch (IllegalArgumentException e) {
            errors.add("secrets.hub.key: must be 32 hex digits");
        }
        return null;
    }

    private Map<String, Secrets.CarerKey> keys(JsonNode root) {
        known(root, "secrets", "carers", "hub");
        Map<String, Secrets.CarerKey> keys = new LinkedHashMap<>();
        JsonNode carers = object(root, "carers");
        for (Iterator<Map.Entry<String, JsonNode>> it = carers.fields(); it.hasNext(); ) {
            var e = it.next();
            String p = "secrets.carers." + e.getKey();
            known(e.getValue(), p, "identity", "key");
            String identity = requiredText(e.getValue(), p + ".identity");
            String hex = requiredText(e.getValue(), p + ".key");
            if (identity == null || hex == null) {
                continue;
            }
            try {
                byte[] key = HexFormat.of().parseHex(hex);
                if (key.length != 16) {
                    errors.add(p + ".key: must be 16 bytes (32 hex digits), was " + key.length + " bytes");
                    continue;
                }
                keys.put(e.getKey(), new Secrets.CarerKey(identity, key));
            } catch (IllegalArgumentException ex) {
                errors.add(p + ".key: must be 32 hex digits");
            }
        }
        return keys;
    }

    // ---- field readers: each records its own error and returns a harmless value ----

    void error(String message) {
        errors.add(message);
    }

    int errorCount() {
        return errors.size();
    }

    void known(JsonNode node, String path, String... keys) {
        if (!node.isObject()) {
            return;
        }
        Set<String> allowed = Set.of(keys);
        node.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                errors.add((path.isEmpty() ? "" : path + ".") + k + ": unknown setting; expected one of " + String.join(", ", keys));
            }
        });
    }

    private JsonNode object(JsonNode parent, String key) {
        JsonNode n = parent.path(key);
        if (!n.isMissingNode() && !n.isNull() && !n.isObject()) {
            errors.add(key + ": must be a mapping of settings");
            return MissingNode.getInstance();
        }
        return n.isNull() ? MissingNode.getInstance() : n;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private String text(JsonNode node, String path, String def) {
        JsonNode n = node.path(last(path));
        if (n.isMissingNode() || n.isNull()) {
            return def;
        }
        if (!n.isValueNode()) {
            errors.add(path + ": must be a single value");
            return def;
        }
        return n.asText();
    }

    String requiredText(JsonNode node, String path) {
        String v = text(node, path, null);
        if (v == null || v.isBlank()) {
            errors.add(path + ": is required");
            return null;
        }
        return v.strip();
    }

    private String oneOf(JsonNode node, String path, String def, List<String> allowed) {
        String v = text(node, path, def);
        if (!allowed.contains(v)) {
            errors.add(path + ": must be one of " + String.join(", ", allowed) + ", was \"" + v + "\"");
            return def;
        }
        return v;
    }

    private ZoneId zone(JsonNode node, String path) {
        String v = text(node, path, "Europe/London");
        try {
            return ZoneId.of(v);
        } catch (DateTimeException e) {
            errors.add(path + ": unknown time zone \"" + v + "\"; use a name like Europe/London");
            return ZoneId.of("Europe/London");
        }
    }

    private boolean bool(JsonNode node, String path, boolean def) {
        JsonNode n = node.path(last(path));
        if (n.isMissingNode() || n.isNull()) {
            return def;
        }
        if (!n.isBoolean()) {
            errors.add(path + ": must be true or false, was \"" + n.asText() + "\"");
            return def;
        }
        return n.asBoolean();
    }

    private double number(JsonNode node, String path, double def, double min, double max) {
        JsonNode n = node.path(last(path));
        if (n.isMissingNode() || n.isNull()) {
            return def;
        }
        if (!n.isNumber()) {
            errors.add(path + ": must be a number, was \"" + n.asText() + "\"");
            return def;
        }
        if (n.asDouble() < min || n.asDouble() > max) {
            errors.add(path + ": must be between " + min + " and " + max + ", was " + n.asText());
            return def;
        }
        return n.asDouble();
    }

    private int integer(JsonNode node, String path, int def, int min, int max) {
        JsonNode n = node.path(last(path));
        if (n.isMissingNode() || n.isNull()) {
            return def;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            errors.add(path + ": must be a whole number, was \"" + n.asText() + "\"");
            return def;
        }
        int v = n.asInt();
        if (v < min || v > max) {
            errors.add(path + ": must be between " + min + " and " + max + ", was " + v);
            return def;
        }
        return v;
    }

    /** Durations outside [min, max] are risky rather than impossible: clamp and warn. */
    Duration duration(JsonNode node, String path, Duration def, Duration min, Duration max) {
        String v = text(node, path, null);
        if (v == null) {
            return def;
        }
        Optional<Duration> d = Durations.parse(v);
        if (d.isEmpty()) {
            errors.add(path + ": not a duration: \"" + v + "\"; write it like 20ms, 30s, 5m, 2h or 30d");
            return def;
        }
        Function<Duration, String> f = Durations::format;
        if (d.get().compareTo(min) < 0) {
            warnings.add(path + ": " + v + " is shorter than the safe minimum; using " + f.apply(min));
            return min;
        }
        if (d.get().compareTo(max) > 0) {
            warnings.add(path + ": " + v + " is longer than the safe maximum; using " + f.apply(max));
            return max;
        }
        return d.get();
    }
}
