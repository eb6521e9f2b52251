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
import org.hearth.gateway.app.config.Limits;
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

    /** The input ended before the installer saved. */
    private static final class EndOfInput extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EndOfInput() {
            super(null, null, false, false);
        }
    }

    ProvisionFlow(Console console, HomePlan plan, Function<String, Checked<CouncilPack>> packs) {
        this.console = console;
        this.plan = plan;
        this.packs = packs;
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
        if (plan.sensors.isEmpty() && plan.i2c.isEmpty()) {
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
                    + " (" + plan.language + ")";
            case 2 -> "Council and bins: " + plan.council + "; " + (plan.binDay == null ? "bin day not set"
                    : "bins on " + day(plan.binDay) + ", round " + plan.binRound)
                    + (plan.library == null ? "" : "; library: " + plan.library);
            case 3 -> "Quiet hours (sleep): " + plan.quietFrom + "-" + plan.quietTo;
            case 4 -> "Sensors: " + (plan.sensors.isEmpty() ? "none" : plan.sensors.stream().map(ProvisionFlow::plain)
                    .collect(Collectors.joining("; ")))
                    + (plan.i2c.isEmpty() ? "" : "; and " + (plan.i2c.accelerometers().size() + plan.i2c.climate().size())
                    + " on the I2C bus (kept as they are)");
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
        plan.language = ask("Which language does the resident speak?", plan.language, Checks::language);
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
            if (plan.sensors.isEmpty()) {
                console.say("  No sensors yet.");
            }
            for (int i = 0; i < plan.sensors.size(); i++) {
                console.say("    " + (i + 1) + " " + plain(plan.sensors.get(i)));
            }
            String a = ask("Type 'add' to add a sensor, a number to remove that sensor, or 'done'.",
                    plan.sensors.isEmpty() ? "add" : "done", t -> listCommand(t, plan.sensors.size()));
            if (a.equals("done")) {
                return;
            }
            if (a.equals("add")) {
                addSensor();
            } else {
                SensorSpec gone = plan.sensors.remove(Integer.parseInt(a) - 1);
                console.say("  Removed the " + plain(gone) + ".");
            }
        }
    }

    private void addSensor() {
        List<Integer> free = Checks.freePins(plan.sensors, plan.usesI2c(), null);
        if (free.isEmpty()) {
            console.say("  Every pin is in use; remove a sensor first.");
            return;
        }
        SensorKind[] kinds = SensorKind.values();
        for (int i = 0; i < kinds.length; i++) {
            console.say("    " + (i + 1) + " " + SensorKinds.plain(kinds[i]));
        }
        SensorKind usual = USUAL_ORDER.stream().filter(k -> plan.sensors.stream().noneMatch(s -> s.kind() == k)).findFirst()
                .orElse(SensorKind.PIR);
        SensorKind kind = ask("What kind of sensor is it? Type its number.", Integer.toString(usual.ordinal() + 1), Checks::kind);
        String name = SensorKinds.plain(kind);
        String room = ask("Which room is the " + name + " in?", SensorKinds.usualRoom(kind), Checks::room);
        int suggested = free.contains(SensorKinds.suggestedPin(kind)) ? SensorKinds.suggestedPin(kind) : free.get(0);
        console.say("  Free pins (BCM numbers): " + free.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (plan.usesI2c() ? " (2 and 3 are the I2C bus)" : "") + ".");
        int pin = ask("Which pin is the " + name + " wired to?", Integer.toString(suggested),
                t -> Checks.pin(t, plan.sensors, plan.usesI2c(), null));
        SensorSpec s = new SensorSpec(uniqueId(SensorKinds.id(kind, room)), room, kind, pin, SensorKinds.pull(kind),
                SensorKinds.activeLow(kind), org.hearth.gateway.app.config.ConfigLoader.DEFAULT_DEBOUNCE,
                SensorKinds.maxSilence(kind));
        plan.sensors.add(s);
        console.say("  Added the " + plain(s) + ".");
    }

    private String uniqueId(String base) {
        return uniqueId(plan, base);
    }

    /** "cord-bathroom", or "cord-bathroom-2" when there is one already. */
    static String uniqueId(HomePlan plan, String base) {
        Set<String> taken = new java.util.HashSet<>(plan.i2cIds());
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
        int level = ask("Which level is " + name + "? 1 is told first.", Integer.toString(Math.min(next, 9)),
                t -> Checks.whole(t, 1, 9));
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
                + "(10s to 5m)", Durations.format(plan.preAlarm), t -> Checks.duration(t, Limits.PRE_ALARM_MIN, Limits.PRE_ALARM_MAX));
        plan.escalationTimeout = ask("How long has each carer to answer before the next one is told? (1m to 1h)",
                Durations.format(plan.escalationTimeout), t -> Checks.duration(t, Limits.ESCALATION_MIN, Limits.ESCALATION_MAX));
        plan.kitchenMotionBy = ask("By what time should there be movement in the kitchen each morning?",
                plan.kitchenMotionBy.toString(), Checks::kitchenMotionBy);
        plan.bathroomMax = ask("How long can the bathroom be in use before Hearth asks if all is well? (15m to 3h)",
                Durations.format(plan.bathroomMax), t -> Checks.duration(t, Limits.BATHROOM_MIN, Limits.BATHROOM_MAX));
        plan.temperatureLowC = ask("Tell the carers when the home is colder than how many °C? (5 to 22)",
                Checks.plain(plan.temperatureLowC), t -> Checks.number(t, Limits.TEMPERATURE_LOW_MIN, Limits.TEMPERATURE_LOW_MAX));
        double low = plan.temperatureLowC;
        plan.temperatureHighC = ask("...and warmer than how many °C? (20 to 35)",
                Checks.plain(Math.max(plan.temperatureHighC, Math.min(35, low + 4))), t -> {
                    Checked<Double> v = Checks.number(t, Limits.TEMPERATURE_HIGH_MIN, Limits.TEMPERATURE_HIGH_MAX);
                    return v.isOk() ? Checks.temperatures(low, v.value()).<Checked<Double>>map(Checked::no).orElse(v) : v;
                });
        plan.eventsRetentionDays = ask("How many days should sensor events be kept? (1 to 3650)",
                Integer.toString(plan.eventsRetentionDays), t -> Checks.whole(t, 1, 3650));
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
