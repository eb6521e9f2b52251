package org.hearth.gateway.app.config;

import static org.hearth.gateway.app.config.Settings.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.ClimateChip;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.Pull;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorSpec;

/**
 * The sensors of hearth.yaml: on GPIO pins, on the I2C bus, presence radars on serial ports and
 * BLE pendants, with the checks that span them (ids unique across all, pins the buses take).
 */
final class DeviceSections {

    private final ConfigReader r;
    private final Map<String, String> wearers = new LinkedHashMap<>();
    private final Map<String, String> wearerPaths = new LinkedHashMap<>();

    DeviceSections(ConfigReader reader) {
        this.r = reader;
    }

    List<SensorSpec> sensors(JsonNode root) {
        JsonNode list = root.path(SENSORS.name());
        List<SensorSpec> out = new ArrayList<>();
        if (list.isMissingNode() || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            r.error("sensors: must be a list of sensors");
            return out;
        }
        Map<String, String> idAt = new HashMap<>();
        Map<Integer, String> pinOwner = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String p = "sensors[" + i + "]";
            JsonNode s = list.get(i);
            if (!s.isObject()) {
                r.error(p + ": must be a mapping with id, room, kind and pin");
                continue;
            }
            r.known(s, p, "sensors[]");
            int before = r.errorCount();
            String id = r.get(s, p, SENSOR_ID);
            if (id != null && idAt.putIfAbsent(id, p) != null) {
                r.error(p + ".id: duplicate id \"" + id + "\" (also " + idAt.get(id) + ")");
            }
            String room = r.get(s, p, SENSOR_ROOM);
            SensorKind kind = kind(s, p);
            Integer pin = pin(s, p, id, pinOwner);
            String pull = r.get(s, p, SENSOR_PULL);
            boolean activeLow = r.get(s, p, SENSOR_ACTIVE_LOW);
            Duration debounce = r.get(s, p, SENSOR_DEBOUNCE);
            Duration silence = r.get(s, p, SENSOR_MAX_SILENCE);
            if (r.errorCount() == before) {
                out.add(new SensorSpec(id, room, kind, pin, Pull.valueOf(pull.toUpperCase(Locale.ROOT)), activeLow, debounce, silence));
            }
        }
        return out;
    }

    private SensorKind kind(JsonNode s, String p) {
        String kindName = r.requiredText(s, p + ".kind", SENSOR_KIND);
        if (kindName == null) {
            return null;
        }
        r.effective().put(p + ".kind", kindName);
        SensorKind kind = SensorKind.fromConfigName(kindName).orElse(null);
        if (kind == null) {
            r.error(p + ".kind: unknown sensor kind \"" + kindName + "\"; expected one of " + SensorKind.allConfigNames());
        }
        return kind;
    }

    private Integer pin(JsonNode s, String p, String id, Map<Integer, String> pinOwner) {
        JsonNode pinNode = s.path(SENSOR_PIN.name());
        int lowest = SENSOR_PIN.min();
        int highest = SENSOR_PIN.max();
        if (pinNode.isMissingNode()) {
            r.error(p + ".pin: is required");
        } else if (!pinNode.canConvertToInt() || !pinNode.isIntegralNumber()) {
            r.error(p + ".pin: must be a BCM pin number, was \"" + pinNode.asText() + "\"");
        } else if (pinNode.asInt() < lowest || pinNode.asInt() > highest) {
            r.error(p + ".pin: must be between " + lowest + " and " + highest + " (BCM numbering), was " + pinNode.asInt());
        } else {
            int pin = pinNode.asInt();
            String owner = pinOwner.putIfAbsent(pin, id == null ? p : id);
            if (owner != null) {
                r.error(p + ".pin: " + pin + " is already used by " + owner);
            }
            r.effective().put(p + ".pin", Integer.toString(pin));
            return pin;
        }
        return null;
    }

    /** The I2C sensors; GPIO sensors on the bus's pins (BCM 2 and 3) are errors. */
    HearthConfig.I2c i2c(JsonNode root, List<SensorSpec> sensors) {
        JsonNode node = r.section(root, I2C);
        int bus = r.get(node, I2C_BUS);
        List<AccelerometerSpec> accels = new ArrayList<>();
        List<ClimateSensorSpec> climate = new ArrayList<>();
        r.eachMapping(node, "i2c.accelerometers", I2C_ACCELEROMETERS, (a, p) -> {
            String id = r.get(a, p, ACCEL_ID);
            String room = r.get(a, p, ACCEL_ROOM);
            int address = r.get(a, p, ACCEL_ADDRESS);
            int rate = r.get(a, p, ACCEL_RATE);
            wearer(p, id, r.get(a, p, ACCEL_RESIDENT));
            if (id != null && room != null) {
                r.specOrError(p, () -> accels.add(new AccelerometerSpec(id, room, bus, address, rate,
                        AccelerometerSpec.defaultPollEvery(rate), AccelerometerSpec.standard(id, room).maxSilence())));
            }
        });
        r.eachMapping(node, "i2c.climate", I2C_CLIMATE, (c, p) -> {
            String id = r.get(c, p, CLIMATE_ID);
            String room = r.get(c, p, CLIMATE_ROOM);
            ClimateChip chip = ClimateChip.fromConfigName(r.get(c, p, CLIMATE_CHIP)).orElseThrow();
            int address = r.get(c, p + ".address", CLIMATE_ADDRESS, ClimateSensorSpec.standard("x", "x", chip).address());
            if (id != null && room != null) {
                r.specOrError(p, () -> {
                    ClimateSensorSpec std = ClimateSensorSpec.standard(id, room, chip);
                    climate.add(new ClimateSensorSpec(id, room, chip, bus, address, std.readEvery(), std.maxSilence()));
                });
            }
        });
        if (node.path("accelerometers").size() + node.path("climate").size() > 0) {
            for (int i = 0; i < sensors.size(); i++) {
                int pin = sensors.get(i).pin();
                if (pin == 2 || pin == 3) {
                    r.error("sensors[" + i + "].pin: BCM " + pin + " is the I2C bus (" + (pin == 2 ? "SDA" : "SCL")
                            + "), which the i2c sensors use");
                }
            }
        }
        return new HearthConfig.I2c(accels, climate);
    }

    /**
     * Presence radars on serial ports. The Pi's header UART is BCM 14 (TXD) and 15 (RXD), so a
     * radar on it takes those pins from the GPIO sensors.
     */
    List<RadarSpec> radars(JsonNode root, List<SensorSpec> sensors, HearthConfig.I2c i2c) {
        List<RadarSpec> radars = new ArrayList<>();
        Map<String, String> deviceOwner = new HashMap<>();
        Set<String> otherIds = idsOf(sensors, i2c, List.of());
        r.eachMapping(root, "radars", RADARS, (n, p) -> {
            String id = r.get(n, p, RADAR_ID);
            String room = r.get(n, p, RADAR_ROOM);
            String device = r.get(n, p, RADAR_DEVICE);
            int baud = r.get(n, p, RADAR_BAUD);
            Duration maxSilence = r.get(n, p, RADAR_MAX_SILENCE);
            if (id != null && !otherIds.add(id)) {
                r.error(p + ".id: duplicate id \"" + id + "\" (another sensor has it)");
            }
            String owner = deviceOwner.putIfAbsent(device, p);
            if (owner != null) {
                r.error(p + ".device: " + device + " is already the port of " + owner);
            }
            if (id != null && room != null) {
                r.specOrError(p, () -> radars.add(new RadarSpec(id, room, device, baud, maxSilence)));
            }
        });
        String uart = deviceOwner.keySet().stream().filter(ConfigLoader::onHeaderUart).findFirst().orElse(null);
        for (int i = 0; uart != null && i < sensors.size(); i++) {
            int pin = sensors.get(i).pin();
            if (pin == 14 || pin == 15) {
                r.error("sensors[" + i + "].pin: BCM " + pin + " is the serial port (" + (pin == 14 ? "TXD" : "RXD")
                        + "), which the radar on " + uart + " uses");
            }
        }
        return radars;
    }

    /** Worn fall pendants over Bluetooth Low Energy (docs/sensors.md, "Fall pendant"). */
    List<PendantSpec> pendants(JsonNode root, List<SensorSpec> sensors, HearthConfig.I2c i2c, List<RadarSpec> radars) {
        List<PendantSpec> pendants = new ArrayList<>();
        Set<String> otherIds = idsOf(sensors, i2c, radars);
        Map<String, String> addressOwner = new HashMap<>();
        r.eachMapping(root, "pendants", PENDANTS, (n, p) -> {
            String id = r.get(n, p, PENDANT_ID);
            String room = r.get(n, p, PENDANT_ROOM);
            String address = r.get(n, p, PENDANT_ADDRESS);
            String profile = r.get(n, p, PENDANT_PROFILE);
            String adapter = r.get(n, p, PENDANT_ADAPTER);
            Duration maxSilence = r.get(n, p, PENDANT_MAX_SILENCE);
            Duration reconnect = r.get(n, p, PENDANT_RECONNECT_EVERY);
            int batteryLow = r.get(n, p, PENDANT_BATTERY_LOW);
            Duration notWornAfter = r.get(n, p, PENDANT_NOT_WORN_AFTER);
            wearer(p, id, r.get(n, p, PENDANT_RESIDENT));
            if (id != null && !otherIds.add(id)) {
                r.error(p + ".id: duplicate id \"" + id + "\" (another sensor has it)");
            }
            if (address != null) {
                String owner = addressOwner.putIfAbsent(address.toUpperCase(Locale.ROOT), p);
                if (owner != null) {
                    r.error(p + ".address: " + address + " is already the address of " + owner);
                }
            }
            if (id != null && address != null) {
                r.specOrError(p, () -> pendants.add(new PendantSpec(id, room, address, profile, adapter, maxSilence, reconnect,
                        batteryLow, notWornAfter)));
            }
        });
        return pendants;
    }

    /** The worn sensors assigned to a resident, by the path that names them ("pendants[0]") to the name. */
    Map<String, String> wearerPaths() {
        return Map.copyOf(wearerPaths);
    }

    /** The worn sensors assigned to a resident: sensor id to the name. */
    Map<String, String> wearers() {
        return Map.copyOf(wearers);
    }

    private void wearer(String path, String id, String resident) {
        if (id != null && resident != null && !resident.isBlank()) {
            wearers.put(id, resident.strip());
            wearerPaths.put(path, resident.strip());
        }
    }

    private static Set<String> idsOf(List<SensorSpec> sensors, HearthConfig.I2c i2c, List<RadarSpec> radars) {
        Set<String> ids = new HashSet<>();
        sensors.forEach(s -> ids.add(s.id()));
        i2c.accelerometers().forEach(a -> ids.add(a.id()));
        i2c.climate().forEach(c -> ids.add(c.id()));
        radars.forEach(x -> ids.add(x.id()));
        return ids;
    }
}
