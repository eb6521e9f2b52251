package org.hearth.gateway.app.provision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.gateway.app.config.Setting;
import org.hearth.gateway.app.config.Settings;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorSpec;
import org.hearth.voice.skill.CollectionAddresses;
import org.hearth.voice.skill.CouncilPack;

/**
 * The wizard's answers from a YAML file (see config/provision.example.yaml), checked exactly as
 * the wizard checks typed answers. A section left out keeps its default: the existing config's
 * value when re-provisioning, else the documented default. Every problem is collected, each as
 * {@code key: message}. The I2C sensors, radars and pendants are read by {@link DeviceAnswers}.
 */
final class AnswersFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SECTIONS = Set.of("resident", "council", "address", "bins", "library", "quiet_hours",
            "i2c", "radars", "sensors", "pendants", "carers", "thresholds");

    private final HomePlan plan;
    private final Function<String, Checked<CouncilPack>> packs;
    private final AnswerReader r = new AnswerReader();
    private final DeviceAnswers devices;

    private AnswersFile(HomePlan plan, Function<String, Checked<CouncilPack>> packs, HardwareCheck hardware) {
        this.plan = plan;
        this.packs = packs;
        this.devices = new DeviceAnswers(r, plan, hardware);
    }

    /**
     * Fills {@code plan} from the file; returns every problem found, none when it may be saved. New
     * I2C sensors and radars are asked through {@code hardware} whether they answer, as the wizard asks.
     */
    static List<String> read(Path file, HomePlan plan, Function<String, Checked<CouncilPack>> packs, HardwareCheck hardware) {
        AnswersFile a = new AnswersFile(plan, packs, hardware);
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            return List.of(file.getFileName() + ": not valid YAML" + (at == null ? "" : " at line " + at.getLineNr()) + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            return List.of(file.getFileName() + ": cannot read " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            return List.of(file.getFileName() + ": must be a YAML mapping of answers");
        }
        a.all(root);
        if (plan.sensorCount() == 0 && root.path("sensors").isArray()) {
            a.r.error("sensors: add at least one sensor");
        }
        if (plan.hubCarers.isEmpty() && (plan.carers.isEmpty() && !root.path("carers").isArray()
                || root.path("carers").isArray() && root.path("carers").isEmpty())) {
            a.r.error("carers: add at least one carer, or no one will ever be told of an alert");
        }
        return a.r.errors();
    }

    private void all(JsonNode root) {
        r.known(root, "", SECTIONS);
        JsonNode resident = root.path("resident");
        if (r.object(resident, "resident")) {
            r.known(resident, "resident", Set.of("label", "language", "second_language"));
            r.text(resident, "label", "resident.label", Checks::label, v -> plan.label = v);
            r.text(resident, "language", "resident.language", Checks::language, v -> plan.language = v);
            r.text(resident, "second_language", "resident.second_language", t -> Checks.secondLanguage(t, plan.language),
                    v -> plan.secondLanguage = v.isEmpty() ? null : v);
        }
        String council = root.path("council").isMissingNode() ? plan.council : root.path("council").asText().strip();
        Checked<CouncilPack> p = packs.apply(council);
        if (!p.isOk()) {
            r.error("council: " + p.problem());
        } else {
            CouncilPack pack = p.value();
            plan.council = council;
            bins(root, pack);
            r.text(root, "library", "library", t -> pack.libraries().stream().filter(l -> l.name().equalsIgnoreCase(t.strip()))
                    .findFirst().map(l -> Checked.ok(l.name())).orElse(Checked.no("not a library of " + pack.council()
                    + "; expected one of " + pack.libraries().stream().map(l -> l.name()).collect(Collectors.joining(", ")))),
                    v -> plan.library = v);
        }
        r.text(root, "quiet_hours", "quiet_hours", Checks::quietHours, v -> {
            plan.quietFrom = v[0];
            plan.quietTo = v[1];
        });
        // the I2C sensors and radars first: a new sensors list is then checked against the pins they take
        boolean sensorsGiven = !root.path("sensors").isMissingNode();
        if (!root.path("i2c").isMissingNode()) {
            devices.i2c(root.path("i2c"), sensorsGiven);
        }
        if (!root.path("radars").isMissingNode()) {
            devices.radars(root.path("radars"), sensorsGiven);
        }
        if (sensorsGiven) {
            sensors(root.path("sensors"));
        }
        if (!root.path("pendants").isMissingNode()) {
            devices.pendants(root.path("pendants"));
        }
        if (!root.path("carers").isMissingNode()) {
            carers(root.path("carers"));
        }
        JsonNode t = root.path("thresholds");
        if (r.object(t, "thresholds")) {
            thresholds(t);
        }
    }

    private void bins(JsonNode root, CouncilPack pack) {
        JsonNode bins = root.path("bins");
        boolean skip = bins.isTextual() && bins.asText().equalsIgnoreCase("skip");
        if (skip) {
            plan.binDay = null;
            plan.binRound = null;
        } else if (r.object(bins, "bins")) {
            r.known(bins, "bins", Set.of("day", "round"));
            DayOfWeek[] day = {null};
            String[] round = {null};
            r.required(bins, "day", "bins.day", Checks::weekday, v -> day[0] = v);
            r.required(bins, "round", "bins.round", r -> pack.bins().rounds().containsKey(r.strip()) ? Checked.ok(r.strip())
                    : Checked.no("not a round of " + pack.council() + "; expected one of "
                    + String.join(", ", new java.util.TreeSet<>(pack.bins().rounds().keySet()))), v -> round[0] = v);
            plan.binDay = day[0];
            plan.binRound = round[0];
        } else if (!bins.isMissingNode()) {
            r.error("bins: write {day: tuesday, round: weekly}, or skip");
        }
        JsonNode address = root.path("address");
        if (address.isMissingNode() || !bins.isMissingNode()) {
            return; // the bins given by hand win over the pack's list
        }
        List<CollectionAddresses.Match> found = pack.addresses().lookup(address.asText());
        if (found.size() == 1) {
            CollectionAddresses.Area a = found.get(0).area();
            plan.binDay = a.day();
            plan.binRound = a.round();
            if (a.library() != null && root.path("library").isMissingNode()) {
                plan.library = a.library();
            }
        } else if (found.isEmpty()) {
            r.error("address: \"" + address.asText() + "\" is not in " + pack.council()
                    + "'s list; add bins: {day: DAY, round: ROUND}, or bins: skip");
        } else {
            r.error("address: \"" + address.asText() + "\" could be any of "
                    + found.stream().map(m -> m.area().plain()).collect(Collectors.joining("; "))
                    + "; add the postcode, or bins: {day: DAY, round: ROUND}");
        }
    }

    private void sensors(JsonNode list) {
        if (!r.list(list, "sensors", "sensors, each {kind, room, pin}")) {
            return;
        }
        plan.sensors.clear();
        r.each(list, "sensors", "{kind: pull_cord, room: bathroom, pin: 26}", (s, at) -> {
            r.known(s, at, Set.of("kind", "room", "pin", "id"));
            SensorKind[] kind = {null};
            String[] room = {null};
            int[] pin = {-1};
            r.required(s, "kind", at + ".kind", t -> t.strip().matches("\\d+")
                    ? Checked.no("write the kind's name: " + SensorKind.allConfigNames()) : Checks.kind(t), v -> kind[0] = v);
            r.required(s, "room", at + ".room", Checks::room, v -> room[0] = v);
            r.required(s, "pin", at + ".pin", t -> Checks.pin(t, plan, null), v -> pin[0] = v);
            if (kind[0] == null || room[0] == null || pin[0] < 0) {
                return;
            }
            String id = r.id(s, at, plan, SensorKinds.id(kind[0], room[0]));
            if (id != null) {
                plan.sensors.add(new SensorSpec(id, room[0], kind[0], pin[0], SensorKinds.pull(kind[0]),
                        SensorKinds.activeLow(kind[0]), Settings.SENSOR_DEBOUNCE.defaultValue(), SensorKinds.maxSilence(kind[0])));
            }
        });
    }

    private void carers(JsonNode list) {
        if (!r.list(list, "carers", "carers, each {name, level, endpoint}")) {
            return;
        }
        List<HomePlan.Carer> before = List.copyOf(plan.carers);
        plan.carers.clear();
        r.each(list, "carers", "{name: Priya, level: 1, endpoint: 192.168.1.30}", (c, at) -> {
            r.known(c, at, Set.of("name", "level", "endpoint", "new_key"));
            String[] name = {null};
            int[] level = {1};
            java.net.URI[] endpoint = {null};
            r.required(c, "name", at + ".name", t -> Checks.carerName(t, plan.carers), v -> name[0] = v);
            r.text(c, "level", at + ".level", t -> Checks.whole(t, Settings.CARER_LEVEL), v -> level[0] = v);
            r.required(c, "endpoint", at + ".endpoint", Checks::endpoint, v -> endpoint[0] = v);
            boolean[] newKey = {false};
            r.text(c, "new_key", at + ".new_key", Checks::yesNo, v -> newKey[0] = v);
            if (name[0] == null || endpoint[0] == null) {
                return;
            }
            boolean paired = before.stream().anyMatch(b -> b.name().equals(name[0]) && !b.newKey());
            plan.carers.add(new HomePlan.Carer(name[0], level[0], endpoint[0], newKey[0] || !paired));
        });
    }

    /** The thresholds the installer may set, each answered under its config name: {@code thresholds.pre_alarm}. */
    private static final List<Setting<?>> THRESHOLDS = List.of(Settings.ALERTS_PRE_ALARM, Settings.ALERTS_ESCALATION_TIMEOUT,
            Settings.DETECTION_KITCHEN_MOTION_BY, Settings.DETECTION_BATHROOM_MAX, Settings.DETECTION_TEMPERATURE_LOW,
            Settings.DETECTION_TEMPERATURE_HIGH, Settings.STORAGE_EVENTS_RETENTION_DAYS);

    private void thresholds(JsonNode t) {
        r.known(t, "thresholds", THRESHOLDS.stream().map(Setting::name).collect(Collectors.toSet()));
        threshold(t, Settings.ALERTS_PRE_ALARM, v -> Checks.duration(v, Settings.ALERTS_PRE_ALARM), v -> plan.preAlarm = v);
        threshold(t, Settings.ALERTS_ESCALATION_TIMEOUT, v -> Checks.duration(v, Settings.ALERTS_ESCALATION_TIMEOUT),
                v -> plan.escalationTimeout = v);
        threshold(t, Settings.DETECTION_KITCHEN_MOTION_BY, v -> Checks.time(v, Settings.DETECTION_KITCHEN_MOTION_BY),
                v -> plan.kitchenMotionBy = v);
        threshold(t, Settings.DETECTION_BATHROOM_MAX, v -> Checks.duration(v, Settings.DETECTION_BATHROOM_MAX), v -> plan.bathroomMax = v);
        threshold(t, Settings.DETECTION_TEMPERATURE_LOW, v -> Checks.number(v, Settings.DETECTION_TEMPERATURE_LOW),
                v -> plan.temperatureLowC = v);
        threshold(t, Settings.DETECTION_TEMPERATURE_HIGH, v -> Checks.number(v, Settings.DETECTION_TEMPERATURE_HIGH),
                v -> plan.temperatureHighC = v);
        Checks.temperatures(plan.temperatureLowC, plan.temperatureHighC).ifPresent(p -> r.error("thresholds.temperature_high_c: " + p));
        threshold(t, Settings.STORAGE_EVENTS_RETENTION_DAYS, v -> Checks.whole(v, Settings.STORAGE_EVENTS_RETENTION_DAYS),
                v -> plan.eventsRetentionDays = v);
    }

    private <T> void threshold(JsonNode t, Setting<T> s, Function<String, Checked<T>> parse, Consumer<T> set) {
        r.text(t, s.name(), "thresholds." + s.name(), parse, set);
    }
}
