package org.hearth.gateway.app.provision;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.app.config.Settings;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.ClimateChip;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.RadarSpec;

/**
 * The sensors of an answers file that are not on a pin, in hearth.yaml's own shape: {@code i2c}
 * (accelerometers and temperature sensors), {@code radars} and {@code pendants}. Each list given
 * replaces the plan's; an entry for a device the configuration already has (the same address or
 * port) keeps its settings. A new I2C sensor or radar must answer through {@link HardwareCheck},
 * as in the wizard, unless {@code keep_if_silent: yes} says to add it anyway (the wizard's
 * "keep"); a new pendant is paired later, by {@code Provisioning}.
 */
final class DeviceAnswers {

    private final AnswerReader r;
    private final HomePlan plan;
    private final HardwareCheck hardware;

    DeviceAnswers(AnswerReader r, HomePlan plan, HardwareCheck hardware) {
        this.r = r;
        this.plan = plan;
        this.hardware = hardware;
    }

    /**
     * {@code i2c: {bus, accelerometers, climate}}. Unless the file also gives the sensors on pins
     * (they are then checked against the bus), a pin sensor on BCM 2 or 3 refuses the bus.
     */
    void i2c(JsonNode node, boolean sensorsGiven) {
        if (!r.object(node, "i2c")) {
            return;
        }
        r.known(node, "i2c", Set.of("bus", "accelerometers", "climate"));
        r.text(node, "bus", "i2c.bus", t -> Checks.whole(t, Settings.I2C_BUS), v -> plan.i2cBus = v);
        JsonNode accels = node.path("accelerometers");
        JsonNode climate = node.path("climate");
        boolean newAccels = !accels.isMissingNode() && r.list(accels, "i2c.accelerometers", "accelerometers, each {address, room}");
        boolean newClimate = !climate.isMissingNode() && r.list(climate, "i2c.climate", "temperature sensors, each {chip, address, room}");
        HearthConfig.I2c before = plan.i2c;
        plan.i2c = new HearthConfig.I2c(newAccels ? List.of() : before.accelerometers(), newClimate ? List.of() : before.climate());
        if (newAccels) {
            Map<String, String> wearers = new HashMap<>(plan.household.wearers());
            before.accelerometers().forEach(a -> wearers.remove(a.id()));
            r.each(accels, "i2c.accelerometers", "{address: 0x53, room: bedroom}",
                    (a, at) -> accelerometer(a, at, before.accelerometers(), wearers));
            plan.household = new HearthConfig.Household(plan.household.residents(), plan.household.names(), wearers);
        }
        if (newClimate) {
            r.each(climate, "i2c.climate", "{chip: bme280, address: 0x76, room: living room}",
                    (c, at) -> climate(c, at, before.climate()));
        }
        if (!sensorsGiven && plan.usesI2c()) {
            Checks.pinsTaken(plan, 2, 3, "the I2C bus").ifPresent(p -> r.error("i2c: " + p));
        }
    }

    private void accelerometer(JsonNode a, String at, List<AccelerometerSpec> before, Map<String, String> wearers) {
        r.known(a, at, Set.of("id", "room", "address", "rate_hz", "resident", "keep_if_silent"));
        Integer address = address(a, at, AccelerometerSpec.ADDRESSES);
        Optional<AccelerometerSpec> kept = before.stream().filter(b -> address != null && b.address() == address).findFirst();
        String[] room = {kept.map(AccelerometerSpec::room).orElse(Fitting.Device.ACCELEROMETER.usualRoom())};
        int[] rate = {kept.map(AccelerometerSpec::rateHz).orElse(AccelerometerSpec.standard("x", "x").rateHz())};
        String[] resident = {kept.map(k -> plan.household.wearers().get(k.id())).orElse(null)};
        r.text(a, "room", at + ".room", Checks::room, v -> room[0] = v);
        r.text(a, "rate_hz", at + ".rate_hz", t -> oneOf(t, AccelerometerSpec.RATES_HZ), v -> rate[0] = v);
        r.text(a, "resident", at + ".resident", this::resident, v -> resident[0] = v.orElse(null));
        if (address == null) {
            return;
        }
        String id = r.id(a, at, plan, kept.map(AccelerometerSpec::id).orElse(SensorKinds.id("accel", room[0])));
        if (id == null) {
            return;
        }
        AccelerometerSpec spec = plan.accelerometer(id, room[0], address, rate[0]);
        if (kept.isPresent() || answers(a, at, () -> hardware.accelerometer(spec))) {
            plan.add(spec);
            if (resident[0] != null) {
                wearers.put(id, resident[0]);
            }
        }
    }

    private void climate(JsonNode c, String at, List<ClimateSensorSpec> before) {
        r.known(c, at, Set.of("id", "room", "chip", "address", "keep_if_silent"));
        ClimateChip[] chip = {null};
        r.required(c, "chip", at + ".chip", DeviceAnswers::chip, v -> chip[0] = v);
        if (chip[0] == null) {
            return;
        }
        Integer address = address(c, at, chip[0].addresses());
        Optional<ClimateSensorSpec> kept = before.stream()
                .filter(b -> address != null && b.address() == address && b.chip() == chip[0]).findFirst();
        String[] room = {kept.map(ClimateSensorSpec::room).orElse(Fitting.Device.of(chip[0]).usualRoom())};
        r.text(c, "room", at + ".room", Checks::room, v -> room[0] = v);
        if (address == null) {
            return;
        }
        String id = r.id(c, at, plan, kept.map(ClimateSensorSpec::id).orElse(SensorKinds.id("climate", room[0])));
        if (id == null) {
            return;
        }
        ClimateSensorSpec spec = plan.climate(id, room[0], chip[0], address);
        if (kept.isPresent() || answers(c, at, () -> hardware.climate(spec))) {
            plan.add(spec);
        }
    }

    /**
     * {@code radars: [{device, room, id, baud, max_silence}]}. A radar on the header UART takes BCM
     * 14 and 15 from the pin sensors, as in the wizard.
     */
    void radars(JsonNode list, boolean sensorsGiven) {
        if (!r.list(list, "radars", "radars, each {device: /dev/ttyUSB0, room: living room}")) {
            return;
        }
        List<RadarSpec> before = List.copyOf(plan.radars);
        plan.radars.clear();
        r.each(list, "radars", "{device: /dev/ttyUSB0, room: living room}", (n, at) -> {
            r.known(n, at, Set.of("id", "room", "device", "baud", "max_silence", "keep_if_silent"));
            String[] device = {null};
            if (n.path("device").isMissingNode()) {
                Checked<String> usual = Checks.serialDevice(Settings.RADAR_DEVICE.defaultValue(), plan.radars);
                if (usual.isOk()) {
                    device[0] = usual.value();
                } else {
                    r.error(at + ".device: " + usual.problem() + "; give this radar's own port");
                }
            }
            r.text(n, "device", at + ".device", t -> Checks.serialDevice(t, plan.radars), v -> device[0] = v);
            Optional<RadarSpec> kept = before.stream().filter(b -> b.device().equals(device[0])).findFirst();
            String[] room = {kept.map(RadarSpec::room).orElse(Fitting.Device.RADAR.usualRoom())};
            int[] baud = {kept.map(RadarSpec::baud).orElse(RadarSpec.DEFAULT_BAUD)};
            Duration[] maxSilence = {kept.map(RadarSpec::maxSilence).orElse(RadarSpec.DEFAULT_MAX_SILENCE)};
            r.text(n, "room", at + ".room", Checks::room, v -> room[0] = v);
            r.text(n, "baud", at + ".baud", t -> oneOf(t, RadarSpec.BAUDS), v -> baud[0] = v);
            r.text(n, "max_silence", at + ".max_silence", t -> Checks.duration(t, Settings.RADAR_MAX_SILENCE), v -> maxSilence[0] = v);
            if (device[0] == null) {
                return;
            }
            if (!sensorsGiven) {
                Optional<String> taken = Checks.uartPinsTaken(plan, device[0]);
                if (taken.isPresent()) {
                    r.error(at + ".device: " + taken.get() + ", or use a USB adapter (/dev/ttyUSB0)");
                    return;
                }
            }
            String id = r.id(n, at, plan, kept.map(RadarSpec::id).orElse(SensorKinds.id("radar", room[0])));
            if (id == null) {
                return;
            }
            RadarSpec spec = new RadarSpec(id, room[0], device[0], baud[0], maxSilence[0]);
            if (kept.isPresent() || answers(n, at, () -> hardware.radar(spec))) {
                plan.radars.add(spec);
            }
        });
    }

    /**
     * The fall pendants, each by its Bluetooth address ({@code Provisioning} pairs the new ones
     * before saving). A pendant already in the configuration keeps its settings.
     */
    void pendants(JsonNode list) {
        if (!r.list(list, "pendants", "pendants, each {address: \"AA:BB:CC:DD:EE:FF\"}")) {
            return;
        }
        List<PendantSpec> before = List.copyOf(plan.pendants);
        plan.pendants.clear();
        r.each(list, "pendants", "{address: \"AA:BB:CC:DD:EE:FF\"}", (d, at) -> {
            r.known(d, at, Set.of("address", "room", "id"));
            String[] address = {null};
            String[] room = {Settings.PENDANT_ROOM.defaultValue()};
            r.required(d, "address", at + ".address", Checks::bluetoothAddress, v -> address[0] = v);
            r.text(d, "room", at + ".room", Checks::room, v -> room[0] = v);
            if (address[0] == null) {
                return;
            }
            if (plan.pendants.stream().anyMatch(p -> p.address().equals(address[0]))) {
                r.error(at + ".address: " + address[0] + " is listed twice");
                return;
            }
            Optional<PendantSpec> kept = before.stream().filter(p -> p.address().equals(address[0])).findFirst();
            String id = r.id(d, at, plan, kept.map(PendantSpec::id).orElse("pendant"));
            if (id == null) {
                return;
            }
            plan.pendants.add(kept.map(p -> new PendantSpec(id, d.path("room").isMissingNode() ? p.room() : room[0], p.address(),
                    p.profile(), p.adapter(), p.maxSilence(), p.reconnectEvery(), p.batteryLowPercent(), p.notWornAfter()))
                    .orElse(PendantSpec.thingy52(id, room[0], address[0])));
        });
    }

    /**
     * The entry's address (the chip's first when left out), checked as the wizard checks it. YAML
     * reads a bare 0x53 as the number 83, so a number is taken as the address it is, as the
     * loader takes it; null, having said why, when it cannot be used.
     */
    private Integer address(JsonNode entry, String at, List<Integer> allowed) {
        JsonNode n = entry.path("address");
        if (!n.isMissingNode() && !n.isNull() && !n.isValueNode()) {
            r.error(at + ".address: must be a single value");
            return null;
        }
        String text = n.isMissingNode() || n.isNull() ? Checks.hex(allowed.get(0)) : n.isIntegralNumber() ? Checks.hex(n.asInt())
                : n.asText();
        Checked<Integer> c = Checks.i2cAddress(text, allowed, plan);
        if (!c.isOk()) {
            r.error(at + ".address: " + c.problem() + ", was \"" + text + "\"");
            return null;
        }
        return c.value();
    }

    /**
     * True when the new device answered, or the entry says to keep it silent (it is then OFFLINE
     * until it answers); otherwise an error in the driver's words.
     */
    private boolean answers(JsonNode entry, String at, Supplier<Optional<String>> check) {
        boolean[] keep = {false};
        r.text(entry, "keep_if_silent", at + ".keep_if_silent", Checks::yesNo, v -> keep[0] = v);
        Optional<String> problem = check.get();
        if (problem.isPresent() && !keep[0]) {
            r.error(at + ": it does not answer: " + problem.get() + "; fix the wiring, or add keep_if_silent: yes to add it"
                    + " anyway (OFFLINE until it answers)");
            return false;
        }
        return true;
    }

    /** Who wears it: one of the household's names (home.resident_names), or none. */
    private Checked<Optional<String>> resident(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("none")) {
            return Checked.ok(Optional.empty());
        }
        List<String> names = plan.household.names();
        return names.stream().filter(n -> n.equalsIgnoreCase(t)).findFirst().map(n -> Checked.ok(Optional.of(n)))
                .orElse(Checked.no(names.isEmpty() ? "this home names no residents (home.resident_names), so no one can wear it"
                        : "not one of home.resident_names (" + String.join(", ", names) + "), or none"));
    }

    private static Checked<ClimateChip> chip(String text) {
        return ClimateChip.fromConfigName(text.strip().toLowerCase(java.util.Locale.ROOT)).map(Checked::ok)
                .orElse(Checked.no("not a temperature sensor Hearth drives; expected one of "
                        + java.util.Arrays.stream(ClimateChip.values()).map(ClimateChip::configName).collect(Collectors.joining(", "))));
    }

    private static Checked<Integer> oneOf(String text, List<Integer> allowed) {
        String choices = allowed.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return text.strip().matches("\\d+") && allowed.contains(Integer.parseInt(text.strip()))
                ? Checked.ok(Integer.parseInt(text.strip())) : Checked.no("choose one of " + choices);
    }
}
