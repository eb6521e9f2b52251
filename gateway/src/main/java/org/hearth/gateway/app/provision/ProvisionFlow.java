package org.hearth.gateway.app.provision;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.gateway.app.config.Settings;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.ClimateChip;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.ble.PendantPairing;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorSpec;
import org.hearth.time.Durations;
import org.hearth.voice.skill.CollectionAddresses;
import org.hearth.voice.skill.CouncilPack;
import org.hearth.voice.skill.Library;

/**
 * The wizard's questions, one at a time, each with a default the installer takes by pressing
 * Enter. After the six sections it shows a numbered summary; the installer changes any section
 * by its number, and nothing is decided until they type {@code save}. Pure: it only talks to the
 * {@link Console} and fills the {@link HomePlan}.
 */
final class ProvisionFlow {

    static final int SECTIONS = 6;
    private static final List<SensorKind> USUAL_ORDER = List.of(SensorKind.PULL_CORD, SensorKind.PIR, SensorKind.CONTACT,
            SensorKind.HELP_BUTTON, SensorKind.CANCEL_BUTTON, SensorKind.PRESSURE_MAT, SensorKind.TALK_BUTTON,
            SensorKind.FALL_OUTPUT);

    private final Console console;
    private final HomePlan plan;
    private final Function<String, Checked<CouncilPack>> packs;
    private final HardwareCheck hardware;

    /** The input ended before the installer saved. */
    private static final class EndOfInput extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EndOfInput() {
            super(null, null, false, false);
        }
    }

    ProvisionFlow(Console console, HomePlan plan, Function<String, Checked<CouncilPack>> packs, HardwareCheck hardware) {
        this.console = console;
        this.plan = plan;
        this.packs = packs;
        this.hardware = hardware;
    }

    /** Asks everything, then lets the installer change any section; the plan when they save, empty when they quit. */
    Optional<HomePlan> run() {
        try {
            for (int s = 1; s <= SECTIONS; s++) {
                section(s);
            }
            return review();
        } catch (EndOfInput e) {
            console.say("");
            console.say("The answers ended before 'save'. Nothing was saved.");
            return Optional.empty();
        }
    }

    /** Back to the summary, after Hearth refused what was saved: the installer changes it and saves again. */
    Optional<HomePlan> reviewAgain() {
        try {
            return review();
        } catch (EndOfInput e) {
            console.say("");
            console.say("The answers ended before 'save'. Nothing was saved.");
            return Optional.empty();
        }
    }

    /** Asks one more question, outside the sections: null when the input has ended. */
    <T> T extra(String question, String def, Function<String, Checked<T>> parse) {
        try {
            return ask(question, def, parse);
        } catch (EndOfInput e) {
            return null;
        }
    }

    private Optional<HomePlan> review() {
        while (true) {
            console.say("");
            console.say("Here is everything. Nothing is saved yet.");
            for (int s = 1; s <= SECTIONS; s++) {
                console.say("  " + s + ". " + summary(s));
            }
            String a = console.ask("Type a number to change it, or 'save' (or 'quit' to leave without saving):");
            if (a == null) {
                throw new EndOfInput();
            }
            String t = a.toLowerCase(Locale.ROOT);
            if (t.equals("save")) {
                List<String> problems = problems(plan);
                if (problems.isEmpty()) {
                    return Optional.of(plan);
                }
                console.say("It cannot be saved yet:");
                problems.forEach(p -> console.say("  - " + p));
            } else if (t.equals("quit")) {
                console.say("Nothing was saved.");
                return Optional.empty();
            } else if (t.matches("[1-9]") && Integer.parseInt(t) <= SECTIONS) {
                section(Integer.parseInt(t));
            } else {
                console.say("  Sorry: type a number from 1 to " + SECTIONS + ", or 'save'.");
            }
        }
    }

    /** What must be true of a whole plan before it is saved, in plain words. */
    static List<String> problems(HomePlan plan) {
        List<String> out = new ArrayList<>();
        if (!plan.hasCarers()) {
            out.add("add at least one carer (section 5), or no one will ever be told of an alert");
        }
        if (plan.sensorCount() == 0) {
            out.add("add at least one sensor (section 4)");
        }
        Checks.temperatures(plan.temperatureLowC, plan.temperatureHighC).ifPresent(p -> out.add(p + " (section 6)"));
        return out;
    }

    private void section(int s) {
        console.say("");
        switch (s) {
            case 1 -> resident();
            case 2 -> address();
            case 3 -> quietHours();
            case 4 -> sensors();
            case 5 -> carers();
            case 6 -> thresholds();
            default -> throw new IllegalArgumentException("no section " + s);
        }
    }

    String summary(int s) {
        return switch (s) {
            case 1 -> "The resident: alerts say \"" + plan.label + "\"; speaks " + Checks.LANGUAGE_NAMES.get(plan.language)
                    + " (" + plan.language + ")" + (plan.secondLanguage == null ? ""
                    : "; a second person speaks " + Checks.LANGUAGE_NAMES.get(plan.secondLanguage) + " (" + plan.secondLanguage + ")");
            case 2 -> "Council and bins: " + plan.council + "; " + (plan.binDay == null ? "bin day not set"
                    : "bins on " + day(plan.binDay) + ", round " + plan.binRound)
                    + (plan.library == null ? "" : "; library: " + plan.library);
            case 3 -> "Quiet hours (sleep): " + plan.quietFrom + "-" + plan.quietTo;
            case 4 -> "Sensors: " + (plan.sensorCount() == 0 ? "none" : String.join("; ", listedSensors()));
            case 5 -> "Carers: " + (plan.carers.isEmpty() ? "none" : plan.carers.stream().map(ProvisionFlow::plain)
                    .collect(Collectors.joining("; ")))
                    + (plan.hubCarers.isEmpty() ? "" : "; and through the care hub (kept as they are): " + plan.hubCarers.stream()
                    .map(c -> c.name() + ", level " + c.level()).collect(Collectors.joining("; ")));
            case 6 -> "Thresholds: \"I'm fine\" time " + Durations.format(plan.preAlarm) + ", each carer has "
                    + Durations.format(plan.escalationTimeout) + ", kitchen movement by " + plan.kitchenMotionBy
                    + ", bathroom at most " + Durations.format(plan.bathroomMax) + ", temperature "
                    + Checks.plain(plan.temperatureLowC) + "-" + Checks.plain(plan.temperatureHighC) + " °C, events kept "
                    + plan.eventsRetentionDays + " days";
            default -> throw new IllegalArgumentException("no section " + s);
        };
    }

    // ---- 1. the resident ----

    private void resident() {
        console.say("1. The resident");
        plan.label = ask("What should alerts call this home? A first name or a label like Flat 12, never a full name.",
                plan.label, Checks::label);
        console.say("  Hearth speaks " + Checks.languages() + ".");
        console.say("  Text and buttons only, as no speech model exists for them: " + Checks.textAndButtonsOnly() + ".");
        plan.language = ask("Which language does the resident speak?", plan.language, Checks::language);
        String second = ask("Does a second person in the home speak another language? Type it, or none.",
                plan.secondLanguage == null || plan.secondLanguage.equals(plan.language) ? "none" : plan.secondLanguage,
                t -> Checks.secondLanguage(t, plan.language));
        plan.secondLanguage = second.isEmpty() ? null : second;
        for (String code : plan.languages()) {
            console.say("  " + Checks.listening(code));
        }
        if (plan.secondLanguage != null) {
            console.say("  Hearth answers each person in the language it heard, and says its own news in both.");
        }
    }

    // ---- 2. the council, the address and the bins ----

    private void address() {
        console.say("2. The council and the bins");
        String[] typed = new String[1];
        CouncilPack pack = ask("Which council is this home in? (the assistant answers from its pack)", plan.council, t -> {
            typed[0] = t.strip();
            return packs.apply(typed[0]);
        });
        plan.council = typed[0];
        if (pack.sample()) {
            console.say("  Note: this council's information is SAMPLE data, not yet checked by the council.");
        }
        if (plan.binRound != null && !pack.bins().rounds().containsKey(plan.binRound)) {
            plan.binDay = null;
            plan.binRound = null;
        }
        if (plan.library != null && pack.libraries().stream().noneMatch(l -> l.name().equalsIgnoreCase(plan.library))) {
            plan.library = null;
        }
        String keep = plan.binDay == null ? "skip" : "keep";
        if (plan.binDay != null) {
            console.say("  The bins are now collected on " + day(plan.binDay) + ", round " + plan.binRound + ".");
        }
        if (pack.addresses().isEmpty()) {
            // A checked pack holds no street list: the day is the council's word to each household.
            Optional<DayOfWeek> day = ask("Which day are the bins collected? (the council's letter or website says it; Enter to "
                    + keep + ")", keep, t -> t.strip().equalsIgnoreCase(keep) ? Checked.ok(Optional.<DayOfWeek>empty())
                    : Checks.weekday(t).map(Optional::of));
            if (day.isPresent()) {
                plan.binDay = day.get();
                plan.binRound = round(pack);
            }
        } else {
            while (true) {
                String where = ask("What is the home's street and postcode? (to find the bin day; Enter to " + keep + ")", keep,
                        Checked::ok);
                if (where.equalsIgnoreCase(keep) || bins(pack, where)) {
                    break;
                }
            }
        }
        if (!pack.libraries().isEmpty()) {
            library(pack);
        }
    }

    /** Looks the address up; true when the bins are settled (found, typed by hand or skipped). */
    private boolean bins(CouncilPack pack, String typed) {
        List<CollectionAddresses.Match> found = pack.addresses().lookup(typed);
        if (found.size() == 1) {
            CollectionAddresses.Area a = found.get(0).area();
            console.say("  Found " + a.plain() + ": bins on " + day(a.day()) + ", round " + a.round() + ".");
            if (ask("Is that right?", "yes", Checks::yesNo)) {
                take(a);
                return true;
            }
        } else if (found.size() > 1) {
            console.say("  That address could be any of these:");
            for (int i = 0; i < found.size(); i++) {
                CollectionAddresses.Area a = found.get(i).area();
                console.say("    " + (i + 1) + " " + a.plain() + ": " + day(a.day()) + ", round " + a.round());
            }
            int n = ask("Which one? Type its number, or 0 for none of these.", "1", t -> Checks.whole(t, 0, found.size()));
            if (n > 0) {
                take(found.get(n - 1).area());
                return true;
            }
        } else {
            console.say("  That address is not in " + pack.council() + "'s list.");
        }
        console.say("  You can type the bin day and round by hand (the council's letter or website says them),");
        console.say("  try the address again, or skip: the assistant will then say it does not know the bin day yet.");
        String choice = ask("Type 'hand', 'again' or 'skip'.", "hand", t -> List.of("hand", "again", "skip")
                .contains(t.toLowerCase(Locale.ROOT)) ? Checked.ok(t.toLowerCase(Locale.ROOT)) : Checked.no("type hand, again or skip"));
        switch (choice) {
            case "again" -> {
                return false;
            }
            case "skip" -> {
                plan.binDay = null;
                plan.binRound = null;
                return true;
            }
            default -> {
                plan.binDay = ask("Which day are the bins collected?", plan.binDay == null ? "tuesday" : day(plan.binDay),
                        Checks::weekday);
                plan.binRound = round(pack);
                return true;
            }
        }
    }

    /** The household's round: asked only when the council has more than one. */
    private String round(CouncilPack pack) {
        // sorted: the pack's map of rounds has no order of its own
        Set<String> rounds = new TreeSet<>(pack.bins().rounds().keySet());
        if (rounds.size() == 1) {
            return rounds.iterator().next();
        }
        String def = plan.binRound != null && rounds.contains(plan.binRound) ? plan.binRound : rounds.iterator().next();
        return ask("Which round? " + pack.council() + "'s rounds are " + String.join(", ", rounds) + ".",
                def, t -> rounds.stream().filter(r -> r.equalsIgnoreCase(t)).findFirst().map(Checked::ok)
                        .orElse(Checked.no("type one of " + String.join(", ", rounds))));
    }

    private void take(CollectionAddresses.Area a) {
        plan.binDay = a.day();
        plan.binRound = a.round();
        if (a.library() != null) {
            plan.library = a.library();
        }
    }

    private void library(CouncilPack pack) {
        List<Library> libs = pack.libraries();
        for (int i = 0; i < libs.size(); i++) {
            console.say("    " + (i + 1) + " " + libs.get(i).name());
        }
        int current = 1;
        for (int i = 0; i < libs.size(); i++) {
            if (libs.get(i).name().equalsIgnoreCase(plan.library == null ? "" : plan.library)) {
                current = i + 1;
            }
        }
        int n = ask("Which library is nearest? Type its number.", Integer.toString(current), t -> Checks.whole(t, 1, libs.size()));
        plan.library = libs.get(n - 1).name();
    }

    // ---- 3. quiet hours ----

    private void quietHours() {
        console.say("3. Quiet hours");
        LocalTime[] q = ask("When does the resident usually sleep? Stillness in bed then is sleep, not a fall. Write it like "
                + "22:00-07:00.", plan.quietFrom + "-" + plan.quietTo, Checks::quietHours);
        plan.quietFrom = q[0];
        plan.quietTo = q[1];
    }

    // ---- 4. sensors ----

    private void sensors() {
        console.say("4. Sensors");
        while (true) {
            List<String> listed = listedSensors();
            if (listed.isEmpty()) {
                console.say("  No sensors yet.");
            }
            for (int i = 0; i < listed.size(); i++) {
                console.say("    " + (i + 1) + " " + listed.get(i));
            }
            String a = ask("Type 'add' to add a sensor, a number to remove that sensor, or 'done'.",
                    listed.isEmpty() ? "add" : "done", t -> listCommand(t, listed.size()));
            if (a.equals("done")) {
                return;
            }
            if (a.equals("add")) {
                addSensor();
            } else {
                console.say("  Removed the " + remove(Integer.parseInt(a) - 1) + ".");
            }
        }
    }

    /** Every sensor in words, in the order section 4 numbers them: on pins, on I2C, radars, pendants. */
    private List<String> listedSensors() {
        List<String> out = new ArrayList<>();
        plan.sensors.forEach(s -> out.add(plain(s)));
        plan.i2c.accelerometers().forEach(a -> out.add(Fitting.Device.ACCELEROMETER.plain() + " in the " + a.room() + ", address "
                + hex(a.address()) + " (" + a.id() + ")"));
        plan.i2c.climate().forEach(c -> out.add((c.chip() == ClimateChip.BME280 ? Fitting.Device.BME280 : Fitting.Device.SHT31).plain()
                + " in the " + c.room() + ", address " + hex(c.address()) + " (" + c.id() + ")"));
        plan.radars.forEach(r -> out.add(Fitting.Device.RADAR.plain() + " in the " + r.room() + ", on " + r.device() + " (" + r.id() + ")"));
        plan.pendants.forEach(d -> out.add(Fitting.Device.PENDANT.plain() + " " + d.address() + " (" + d.id() + ")"));
        return out;
    }

    /** Removes the sensor numbered {@code i} (from 0) in {@link #listedSensors()}; returns its words. */
    private String remove(int i) {
        String words = listedSensors().get(i);
        if (i < plan.sensors.size()) {
            plan.sensors.remove(i);
            return words;
        }
        i -= plan.sensors.size();
        List<AccelerometerSpec> accels = new ArrayList<>(plan.i2c.accelerometers());
        List<ClimateSensorSpec> climate = new ArrayList<>(plan.i2c.climate());
        if (i < accels.size()) {
            accels.remove(i);
        } else if (i - accels.size() < climate.size()) {
            climate.remove(i - accels.size());
        } else if (i - accels.size() - climate.size() < plan.radars.size()) {
            plan.radars.remove(i - accels.size() - climate.size());
        } else {
            plan.pendants.remove(i - accels.size() - climate.size() - plan.radars.size());
        }
        plan.i2c = new HearthConfig.I2c(accels, climate);
        return words;
    }

    private void addSensor() {
        List<Fitting> menu = Fitting.menu();
        for (int i = 0; i < menu.size(); i++) {
            console.say("    " + (i + 1) + " " + Fitting.plain(menu.get(i)));
        }
        SensorKind usual = USUAL_ORDER.stream().filter(k -> plan.sensors.stream().noneMatch(s -> s.kind() == k)).findFirst()
                .orElse(SensorKind.PIR);
        Fitting choice = ask("What kind of sensor is it? Type its number.", Integer.toString(usual.ordinal() + 1), Checks::fitting);
        if (choice instanceof Fitting.Pin p) {
            addPinSensor(p.kind());
        } else {
            addDevice((Fitting.Device) choice);
        }
    }

    private void addPinSensor(SensorKind kind) {
        List<Integer> free = Checks.freePins(plan, null);
        if (free.isEmpty()) {
            console.say("  Every pin is in use; remove a sensor first.");
            return;
        }
        String name = SensorKinds.plain(kind);
        String room = ask("Which room is the " + name + " in?", SensorKinds.usualRoom(kind), Checks::room);
        int suggested = free.contains(SensorKinds.suggestedPin(kind)) ? SensorKinds.suggestedPin(kind) : free.get(0);
        console.say("  Free pins (BCM numbers): " + free.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (plan.usesI2c() ? " (2 and 3 are the I2C bus)" : "")
                + (plan.usesHeaderUart() ? " (14 and 15 are the radar's serial port)" : "") + ".");
        int pin = ask("Which pin is the " + name + " wired to?", Integer.toString(suggested), t -> Checks.pin(t, plan, null));
        SensorSpec s = new SensorSpec(uniqueId(SensorKinds.id(kind, room)), room, kind, pin, SensorKinds.pull(kind),
                SensorKinds.activeLow(kind), Settings.SENSOR_DEBOUNCE.defaultValue(),
                SensorKinds.maxSilence(kind));
        plan.sensors.add(s);
        console.say("  Added the " + plain(s) + ".");
    }

    /**
     * A sensor on the I2C bus or a serial port: its room and address (or port), then a check that
     * it answers, through the daemon's own driver. One that does not answer is added only if the
     * installer says so (it is then OFFLINE until it answers, and retried every minute).
     */
    private void addDevice(Fitting.Device device) {
        if (device.onI2c() && !plan.usesI2c()) {
            Optional<String> taken = Checks.pinsTaken(plan, 2, 3, "the I2C bus");
            if (taken.isPresent()) {
                console.say("  Sorry: " + taken.get() + ".");
                return;
            }
        }
        String room = ask("Which room is the " + device.plain() + " in?", device.usualRoom(), Checks::room);
        switch (device) {
            case ACCELEROMETER -> {
                int address = ask("Which address is it at? 0x53 with its SDO pin to GND, 0x1D with SDO to 3.3 V.",
                        freeAddress(AccelerometerSpec.ADDRESSES), t -> Checks.i2cAddress(t, AccelerometerSpec.ADDRESSES, plan));
                AccelerometerSpec base = AccelerometerSpec.standard(uniqueId(SensorKinds.id("accel", room)), room);
                AccelerometerSpec spec = new AccelerometerSpec(base.id(), room, plan.i2cBus, address, base.rateHz(),
                        base.pollEvery(), base.maxSilence());
                if (answers(device, () -> hardware.accelerometer(spec))) {
                    plan.i2c = new HearthConfig.I2c(with(plan.i2c.accelerometers(), spec), plan.i2c.climate());
                }
            }
            case BME280, SHT31 -> {
                ClimateChip chip = device == Fitting.Device.BME280 ? ClimateChip.BME280 : ClimateChip.SHT31;
                int address = ask("Which address is it at? " + hex(chip.addresses().get(0)) + " with its address pin to GND, "
                        + hex(chip.addresses().get(1)) + " with it to 3.3 V.", freeAddress(chip.addresses()),
                        t -> Checks.i2cAddress(t, chip.addresses(), plan));
                ClimateSensorSpec base = ClimateSensorSpec.standard(uniqueId(SensorKinds.id("climate", room)), room, chip);
                ClimateSensorSpec spec = new ClimateSensorSpec(base.id(), room, chip, plan.i2cBus, address, base.readEvery(),
                        base.maxSilence());
                if (answers(device, () -> hardware.climate(spec))) {
                    plan.i2c = new HearthConfig.I2c(plan.i2c.accelerometers(), with(plan.i2c.climate(), spec));
                }
            }
            case RADAR -> {
                String port = ask("Which serial port is it on? /dev/serial0 is the Pi's own pins (BCM 14 and 15); "
                        + "a USB adapter is /dev/ttyUSB0.", plan.radars.isEmpty() ? "/dev/serial0" : "/dev/ttyUSB0",
                        t -> Checks.serialDevice(t, plan.radars));
                if (org.hearth.gateway.app.config.ConfigLoader.onHeaderUart(port)) {
                    Optional<String> taken = Checks.pinsTaken(plan, 14, 15, "the serial port on " + port);
                    if (taken.isPresent()) {
                        console.say("  Sorry: " + taken.get() + ", or use a USB adapter (/dev/ttyUSB0).");
                        return;
                    }
                }
                RadarSpec spec = RadarSpec.standard(uniqueId(SensorKinds.id("radar", room)), room, port);
                if (answers(device, () -> hardware.radar(spec))) {
                    plan.radars.add(spec);
                }
            }
            case PENDANT -> addPendant(room);
            default -> throw new IllegalArgumentException("no questions for " + device);
        }
    }

    /**
     * The pendant: a BlueZ scan lists the pendants nearby, the installer picks the resident's (the
     * one held nearest the Pi comes first), and it is paired and trusted before it is added. With
     * no Bluetooth (no bus, no bluetoothd, no adapter), or nothing found, the installer may look again.
     */
    private void addPendant(String room) {
        String adapter = PendantSpec.DEFAULT_ADAPTER;
        String profile = PendantSpec.PROFILES.get(0);
        while (true) {
            console.say("  Switch the pendant on and hold it near the Pi. Looking for pendants for "
                    + hardware.scanWords() + "...");
            Checked<List<PendantPairing.Found>> nearby = hardware.pendantsNearby(adapter, profile);
            List<PendantPairing.Found> found = !nearby.isOk() ? List.of() : nearby.value().stream()
                    .filter(f -> plan.pendants.stream().noneMatch(p -> p.address().equals(f.address()))).toList();
            if (!found.isEmpty()) {
                for (int i = 0; i < found.size(); i++) {
                    PendantPairing.Found f = found.get(i);
                    console.say("    " + (i + 1) + " " + f.name() + " " + f.address() + (f.rssi() == null ? "" : ", signal " + f.rssi()
                            + " dBm") + (f.paired() ? ", paired already" : ""));
                }
                String a = ask("Which one is the resident's pendant? Type its number, or 'drop'.", "1", t -> pick(t, found.size()));
                if (a.equals("drop")) {
                    console.say("  The " + Fitting.Device.PENDANT.plain() + " was not added.");
                    return;
                }
                String address = found.get(Integer.parseInt(a) - 1).address();
                console.say("  Pairing with " + address + "...");
                Optional<String> problem = hardware.pair(adapter, address);
                if (problem.isEmpty()) {
                    PendantSpec spec = PendantSpec.thingy52(uniqueId("pendant"), room, address);
                    plan.pendants.add(spec);
                    console.say("  Paired and trusted. Added the " + Fitting.Device.PENDANT.plain() + " " + address + " (" + spec.id() + ").");
                    return;
                }
                console.say("  It could not be paired: " + problem.get() + ".");
            } else {
                console.say(nearby.isOk() ? "  No pendant was found. Is it switched on (its light blinks) and within a few metres?"
                        : "  Bluetooth cannot be used: " + nearby.problem() + ".");
            }
            String again = ask("Type 'again' to look again, or 'drop'.", "again", t -> List.of("again", "drop")
                    .contains(t.strip().toLowerCase(Locale.ROOT)) ? Checked.ok(t.strip().toLowerCase(Locale.ROOT))
                    : Checked.no("type again or drop"));
            if (again.equals("drop")) {
                console.say("  The " + Fitting.Device.PENDANT.plain() + " was not added.");
                return;
            }
        }
    }

    /**
     * Checks that the device answers; true when it should be added: it answered, or the installer
     * chose to keep it anyway.
     */
    private boolean answers(Fitting.Device device, java.util.function.Supplier<Optional<String>> check) {
        while (true) {
            console.say("  Checking that the " + device.plain() + " answers...");
            Optional<String> problem = check.get();
            if (problem.isEmpty()) {
                console.say("  It answers. Added the " + device.plain() + ".");
                return true;
            }
            console.say("  It does not answer: " + problem.get() + ".");
            String a = ask("Type 'again' to check again once it is fixed, 'keep' to add it anyway (it shows as OFFLINE until it"
                    + " answers), or 'drop'.", "again", t -> List.of("again", "keep", "drop").contains(t.strip().toLowerCase(Locale.ROOT))
                    ? Checked.ok(t.strip().toLowerCase(Locale.ROOT)) : Checked.no("type again, keep or drop"));
            if (!a.equals("again")) {
                console.say(a.equals("keep") ? "  Added the " + device.plain() + "; it shows as OFFLINE until it answers."
                        : "  The " + device.plain() + " was not added.");
                return a.equals("keep");
            }
        }
    }

    /** The first of a chip's addresses no other I2C sensor uses. */
    private String freeAddress(List<Integer> addresses) {
        return hex(addresses.stream().filter(a -> Checks.i2cAddress(hex(a), addresses, plan).isOk()).findFirst()
                .orElse(addresses.get(0)));
    }

    private static <T> List<T> with(List<T> list, T added) {
        List<T> out = new ArrayList<>(list);
        out.add(added);
        return out;
    }

    private static String hex(int address) {
        return String.format("0x%02X", address);
    }

    private String uniqueId(String base) {
        return uniqueId(plan, base);
    }

    /** "cord-bathroom", or "cord-bathroom-2" when there is one already. */
    static String uniqueId(HomePlan plan, String base) {
        Set<String> taken = new java.util.HashSet<>(plan.deviceIds());
        plan.sensors.forEach(s -> taken.add(s.id()));
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    // ---- 5. carers ----

    private void carers() {
        console.say("5. Carers, in the order they are told");
        console.say("  Level 1 is told first; if nobody there answers, level 2, and so on. The last should be a helpline.");
        while (true) {
            if (plan.carers.isEmpty()) {
                console.say("  No carers yet.");
            }
            for (int i = 0; i < plan.carers.size(); i++) {
                console.say("    " + (i + 1) + " " + plain(plan.carers.get(i)));
            }
            String a = ask("Type 'add' to add a carer, a number to change that carer, or 'done'.",
                    plan.carers.isEmpty() ? "add" : "done", t -> listCommand(t, plan.carers.size()));
            if (a.equals("done")) {
                return;
            }
            if (a.equals("add")) {
                addCarer();
            } else {
                changeCarer(Integer.parseInt(a) - 1);
            }
        }
    }

    private void addCarer() {
        String name = ask("What is the carer's name? A first name, or the helpline's name.", null,
                t -> Checks.carerName(t, plan.carers));
        int next = plan.carers.stream().mapToInt(HomePlan.Carer::level).max().orElse(0) + 1;
        int level = ask("Which level is " + name + "? 1 is told first.", Integer.toString(Math.min(next, Settings.CARER_LEVEL.max())),
                t -> Checks.whole(t, Settings.CARER_LEVEL));
        var endpoint = ask("What is the address of " + name + "'s device on the network? For example 192.168.1.30.", null,
                Checks::endpoint);
        plan.carers.add(new HomePlan.Carer(name, level, endpoint, true));
        console.say("  Added " + name + ". After saving, " + name + " scans a QR code to pair their device.");
    }

    private void changeCarer(int i) {
        HomePlan.Carer c = plan.carers.get(i);
        String a = ask("Type 'remove' to take " + c.name() + " off the list, 'new key' to pair " + c.name()
                + " again with a new QR code, or 'keep'.", "keep", t -> List.of("remove", "new key", "keep")
                .contains(t.toLowerCase(Locale.ROOT)) ? Checked.ok(t.toLowerCase(Locale.ROOT))
                : Checked.no("type remove, new key or keep"));
        switch (a) {
            case "remove" -> {
                plan.carers.remove(i);
                console.say("  Removed " + c.name() + "; their key stops working when you save.");
            }
            case "new key" -> plan.carers.set(i, new HomePlan.Carer(c.name(), c.level(), c.endpoint(), true));
            default -> { }
        }
    }

    // ---- 6. thresholds ----

    private void thresholds() {
        console.say("6. Thresholds (press Enter to keep each one)");
        plan.preAlarm = ask("When Hearth asks \"are you all right?\", how long has the resident to answer before carers are told? "
                + range(Settings.ALERTS_PRE_ALARM), Durations.format(plan.preAlarm), t -> Checks.duration(t, Settings.ALERTS_PRE_ALARM));
        plan.escalationTimeout = ask("How long has each carer to answer before the next one is told? "
                + range(Settings.ALERTS_ESCALATION_TIMEOUT), Durations.format(plan.escalationTimeout),
                t -> Checks.duration(t, Settings.ALERTS_ESCALATION_TIMEOUT));
        plan.kitchenMotionBy = ask("By what time should there be movement in the kitchen each morning?",
                plan.kitchenMotionBy.toString(), t -> Checks.time(t, Settings.DETECTION_KITCHEN_MOTION_BY));
        plan.bathroomMax = ask("How long can the bathroom be in use before Hearth asks if all is well? "
                + range(Settings.DETECTION_BATHROOM_MAX), Durations.format(plan.bathroomMax),
                t -> Checks.duration(t, Settings.DETECTION_BATHROOM_MAX));
        plan.temperatureLowC = ask("Tell the carers when the home is colder than how many °C? " + range(Settings.DETECTION_TEMPERATURE_LOW),
                Checks.plain(plan.temperatureLowC), t -> Checks.number(t, Settings.DETECTION_TEMPERATURE_LOW));
        double low = plan.temperatureLowC;
        double highest = Settings.DETECTION_TEMPERATURE_HIGH.max();
        plan.temperatureHighC = ask("...and warmer than how many °C? " + range(Settings.DETECTION_TEMPERATURE_HIGH),
                Checks.plain(Math.max(plan.temperatureHighC, Math.min(highest, low + Settings.TEMPERATURE_GAP_C))), t -> {
                    Checked<Double> v = Checks.number(t, Settings.DETECTION_TEMPERATURE_HIGH);
                    return v.isOk() ? Checks.temperatures(low, v.value()).<Checked<Double>>map(Checked::no).orElse(v) : v;
                });
        plan.eventsRetentionDays = ask("How many days should sensor events be kept? " + range(Settings.STORAGE_EVENTS_RETENTION_DAYS),
                Integer.toString(plan.eventsRetentionDays), t -> Checks.whole(t, Settings.STORAGE_EVENTS_RETENTION_DAYS));
    }

    /** "(10s to 5m)": the setting's bounds, as the question shows them. */
    private static String range(org.hearth.gateway.app.config.Setting<?> s) {
        return "(" + s.range() + ")";
    }

    // ---- asking ----

    private <T> T ask(String question, String def, Function<String, Checked<T>> parse) {
        while (true) {
            String a = console.ask(question + (def == null ? "" : " [" + def + "]"));
            if (a == null) {
                throw new EndOfInput();
            }
            Checked<T> c = parse.apply(a.isEmpty() && def != null ? def : a);
            if (c.isOk()) {
                return c.value();
            }
            console.say("  Sorry: " + c.problem() + ".");
        }
    }

    /** A number from 1 to {@code size}, or "drop". */
    private static Checked<String> pick(String text, int size) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.equals("drop") || t.matches("\\d+") && Integer.parseInt(t) >= 1 && Integer.parseInt(t) <= size ? Checked.ok(t)
                : Checked.no("type a number from 1 to " + size + ", or drop");
    }

    private static Checked<String> listCommand(String text, int size) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("add") || t.equals("done")) {
            return Checked.ok(t);
        }
        if (t.matches("\\d+") && Integer.parseInt(t) >= 1 && Integer.parseInt(t) <= size) {
            return Checked.ok(t);
        }
        return Checked.no(size == 0 ? "type add or done" : "type add, done, or a number from 1 to " + size);
    }

    static String plain(SensorSpec s) {
        return SensorKinds.plain(s.kind()) + " in the " + s.room() + ", pin " + s.pin() + " (" + s.id() + ")";
    }

    static String plain(HomePlan.Carer c) {
        return c.name() + ", level " + c.level() + ", device " + c.endpoint().getHost() + ":" + c.endpoint().getPort()
                + (c.newKey() ? ", pairs on saving" : ", paired");
    }

    private static String day(DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, Locale.UK);
    }
}
