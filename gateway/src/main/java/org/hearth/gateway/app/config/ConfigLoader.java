package org.hearth.gateway.app.config;

import static org.hearth.gateway.app.config.Settings.*;

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
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.SensorSpec;
import org.hearth.sensors.gpio.GpioBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and validates {@code hearth.yaml} and its secrets file against {@link Settings}. Every
 * problem is collected, then all are reported together, each as {@code key.path: message};
 * impossible values are errors, risky ones are clamped with a warning. Unknown keys are errors,
 * because a misspelt setting that silently does nothing could switch off someone's safety.
 * The sections are read by {@link HomeSection}, {@link DeviceSections}, {@link HubSection} and
 * {@link SecretsSection}, each value through {@link ConfigReader}.
 */
public final class ConfigLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The Pi's header UART, on BCM 14 and 15, under its stable name and the names it has on each model. */
    static final String HEADER_UART = "/dev/serial0";
    private static final List<String> HEADER_UART_DEVICES = List.of(HEADER_UART, "/dev/ttyAMA0", "/dev/ttyS0");

    private final ConfigReader r = new ConfigReader();
    /** True for {@code hearth pair}: an empty ladder is where the first carer is added. */
    private boolean noCarersYet;

    private ConfigLoader() {
    }

    /** Reads both files; relative paths in the config resolve against the config file's folder. */
    public static Loaded load(Path configFile) throws ConfigException {
        ConfigLoader loader = new ConfigLoader();
        HearthConfig config = loader.configOf(configFile);
        Secrets secrets = config == null ? null : loader.secrets(config);
        loader.throwIfErrors();
        loader.r.warnings.forEach(w -> LOG.warn("Config: {}", w));
        return new Loaded(config, secrets, List.copyOf(loader.r.warnings), new EffectiveConfig(loader.r.effective()));
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
        loader.throwIfErrors();
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
        SecretsSection section = new SecretsSection(loader.r);
        Map<String, Secrets.CarerKey> keys = root.isMissingNode() ? Map.of() : section.keys(root);
        Secrets.HubKey hub = root.isMissingNode() ? null : section.hubKey(root);
        loader.throwIfErrors();
        return new Secrets(keys, hub);
    }

    /** The secrets file's keys, or none when there is no file yet (before the first pairing). */
    public static Secrets loadSecretsIfPresent(Path secretsFile) throws ConfigException {
        return Files.exists(secretsFile) ? loadSecrets(secretsFile) : new Secrets(Map.of());
    }

    /**
     * A valid configuration, its secrets, the risky values that were clamped, and every value in
     * effect for the start-up log.
     */
    public record Loaded(HearthConfig config, Secrets secrets, List<String> warnings, EffectiveConfig effective) {
    }

    /** True when {@code device} is the header UART, which takes BCM 14 and 15 from the GPIO sensors. */
    public static boolean onHeaderUart(String device) {
        return HEADER_UART_DEVICES.contains(device);
    }

    private void throwIfErrors() throws ConfigException {
        if (!r.errors.isEmpty()) {
            throw new ConfigException(r.errors);
        }
    }

    private HearthConfig configOf(Path configFile) {
        JsonNode root = readYaml(configFile, "");
        if (!r.errors.isEmpty()) {
            return null;
        }
        return config(root, configFile.toAbsolutePath().getParent());
    }

    private Secrets secrets(HearthConfig config) {
        JsonNode root = readYaml(config.secretsFile(), "secrets_file");
        return root.isMissingNode() ? null : new SecretsSection(r).read(config, root);
    }

    private JsonNode readYaml(Path file, String what) {
        String label = what.isEmpty() ? file.getFileName().toString() : what;
        if (!Files.isRegularFile(file)) {
            r.error(label + ": file not found: " + file);
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = YAML.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                r.error(label + ": must be a YAML mapping of settings");
                return MissingNode.getInstance();
            }
            return node;
        } catch (JsonProcessingException e) {
            r.error(label + ": not valid YAML" + yamlProblem(e));
        } catch (IOException e) {
            r.error(label + ": cannot read " + file + ": " + e.getMessage());
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

    private HearthConfig config(JsonNode root, Path base) {
        r.known(root, "", "");
        HomeSection homes = new HomeSection(r);
        JsonNode homeNode = r.object(root, HOME.name());
        HearthConfig.Home home = homes.home(homeNode);
        r.known(homeNode, HOME.key(), HOME.key());
        HearthConfig.Council council = homes.council(homeNode, base);
        LocalTime[] quietHours = homes.quietHours(homeNode);
        HearthConfig.Voice voice = homes.voice(r.section(root, VOICE), base);
        HearthConfig.Detection detection = homes.detection(quietHours, r.section(root, DETECTION));

        JsonNode storageNode = r.section(root, STORAGE);
        HearthConfig.Storage storage = new HearthConfig.Storage(base.resolve(r.get(storageNode, STORAGE_DATA_DIR)),
                r.get(storageNode, STORAGE_EVENTS_RETENTION_DAYS));
        GpioBackend gpio = GpioBackend.valueOf(r.get(r.section(root, GPIO), GPIO_BACKEND).toUpperCase(Locale.ROOT));

        DeviceSections devices = new DeviceSections(r);
        List<SensorSpec> sensors = devices.sensors(root);
        HearthConfig.I2c i2c = devices.i2c(root, sensors);
        List<RadarSpec> radars = devices.radars(root, sensors, i2c);
        List<PendantSpec> pendants = devices.pendants(root, sensors, i2c, radars);
        home = home.withHousehold(homes.household(homeNode, devices));

        JsonNode alertsNode = r.section(root, ALERTS);
        HearthConfig.Alerts alerts = new HearthConfig.Alerts(r.get(alertsNode, ALERTS_PRE_ALARM),
                r.get(alertsNode, ALERTS_ESCALATION_TIMEOUT));

        List<HearthConfig.CarerEntry> carers = carers(r, root.path(CARERS.name()));

        JsonNode coapNode = r.section(root, COAP);
        HearthConfig.Coap coap = new HearthConfig.Coap(r.get(coapNode, COAP_BIND), r.get(coapNode, COAP_PORT),
                r.get(coapNode, COAP_LOOPBACK_PORT));
        Duration heartbeat = r.get(r.section(root, HEARTBEAT), HEARTBEAT_INTERVAL);

        Path secretsFile = base.resolve(r.get(root, SECRETS_FILE));
        JsonNode hubNode = r.object(root, HUB.name());
        HearthConfig.Hub hub = HubSection.read(r, hubNode);
        HubSection.checkCarers(r, carers, !hubNode.isMissingNode());
        if (!r.errors.isEmpty()) {
            return null;
        }
        return new HearthConfig(home, storage, gpio, sensors, alerts, carers, coap, heartbeat, secretsFile, i2c,
                council, voice, detection, hub, radars, pendants);
    }

    private List<HearthConfig.CarerEntry> carers(ConfigReader r, JsonNode list) {
        List<HearthConfig.CarerEntry> out = new ArrayList<>();
        if (list.isMissingNode() || list.isNull() || (list.isArray() && list.isEmpty())) {
            if (!noCarersYet) {
                r.error("carers: at least one carer is required, or no one will ever be told");
            }
            return out;
        }
        if (!list.isArray()) {
            r.error("carers: must be a list of carers");
            return out;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String p = "carers[" + i + "]";
            JsonNode c = list.get(i);
            if (!c.isObject()) {
                r.error(p + ": must be a mapping with name, level and endpoint (or via: hub)");
                continue;
            }
            r.known(c, p, "carers[]");
            int before = r.errorCount();
            String name = r.get(c, p, Settings.CARER_NAME);
            if (name != null && !names.add(name)) {
                r.error(p + ".name: duplicate carer \"" + name + "\"");
            }
            int level = r.get(c, p, Settings.CARER_LEVEL);
            URI endpoint = null;
            String via = r.get(c, p, Settings.CARER_VIA);
            boolean viaHub = "hub".equals(via);
            if (via != null && !viaHub) {
                r.error(p + ".via: the only way is \"hub\", was \"" + via + "\"; a carer reached directly has an endpoint instead");
            }
            if (via != null && c.has("endpoint")) {
                r.error(p + ": has both via and endpoint; a carer is reached either through the hub or at their own endpoint");
            }
            String uri = via != null ? null : r.requiredText(c, p + ".endpoint", Settings.CARER_ENDPOINT);
            if (uri != null) {
                r.effective().put(p + ".endpoint", uri);
                try {
                    endpoint = new URI(uri);
                    if (!"coaps".equals(endpoint.getScheme()) || endpoint.getHost() == null) {
                        r.error(p + ".endpoint: must be a coaps:// URI with a host, was \"" + uri + "\"");
                    }
                } catch (URISyntaxException e) {
                    r.error(p + ".endpoint: not a URI: \"" + uri + "\"");
                }
            }
            if (r.errorCount() == before) {
                out.add(new HearthConfig.CarerEntry(name, level, endpoint, viaHub));
            }
        }
        return out;
    }

}
