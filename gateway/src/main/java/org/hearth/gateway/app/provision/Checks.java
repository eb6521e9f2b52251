package org.hearth.gateway.app.provision;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.app.config.Setting;
import org.hearth.gateway.app.config.Settings;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorSpec;
import org.hearth.time.Durations;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.models.SpeechModels;

/**
 * Reads and checks each kind of answer, the same way for the wizard and for an answers file. The
 * limits are the configuration's own ({@link Settings}); where ConfigLoader would clamp a
 * risky value with a warning, the wizard refuses it and says what is allowed, since the installer
 * is there to choose again.
 */
final class Checks {

    static final Map<String, String> LANGUAGE_NAMES = Map.of("en", "English", "gu", "Gujarati", "hi", "Hindi",
            "pa", "Punjabi", "ur", "Urdu", "pl", "Polish", "bn", "Bengali", "so", "Somali");

    private Checks() {
    }

    static Checked<String> label(String text) {
        if (text.isBlank()) {
            return Checked.no("please type a first name or a label such as Flat 12");
        }
        if (text.strip().length() > 40) {
            return Checked.no("keep it short: 40 letters at most");
        }
        return Checked.ok(text.strip());
    }

    /** "pa", "Punjabi" or "punjabi". */
    static Checked<String> language(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (HearthConfig.LANGUAGES.contains(t)) {
            return Checked.ok(t);
        }
        for (var e : LANGUAGE_NAMES.entrySet()) {
            if (e.getValue().equalsIgnoreCase(t)) {
                return Checked.ok(e.getKey());
            }
        }
        return Checked.no("Hearth speaks " + languages() + "; type one of those");
    }

    /** A second person's language, different from the main one; "none" (or "no") is empty. */
    static Checked<String> secondLanguage(String text, String main) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("none") || t.equals("no") || t.equals("-")) {
            return Checked.ok("");
        }
        Checked<String> c = language(text);
        if (c.isOk() && c.value().equals(main)) {
            return Checked.no(LANGUAGE_NAMES.get(main) + " is already the main language; type another, or none");
        }
        return c.isOk() ? c : Checked.no(c.problem() + ", or none");
    }

    /** The languages nobody can speak to Hearth in, as there is no speech model for them: "Punjabi (pa), ...". */
    static String textAndButtonsOnly() {
        return String.join(", ", HearthConfig.LANGUAGES.stream()
                .filter(code -> !LanguageResources.builtIn(code).hasSpeechModel())
                .map(code -> LANGUAGE_NAMES.get(code) + " (" + code + ")").toList());
    }

    /** What a language gets: spoken requests after its model is installed, or text and buttons only. */
    static String listening(String code) {
        LanguageResources language = LanguageResources.builtIn(code);
        String name = LANGUAGE_NAMES.get(code);
        if (!language.hasSpeechModel()) {
            return name + ": text and buttons only (no speech model exists); Hearth still speaks to them"
                    + (language.recordedPrompts() ? " through recorded prompts" : "") + ".";
        }
        return name + ": spoken requests, once its speech model is installed (sudo "
                + SpeechModels.installCommand(language.speechModel()) + ").";
    }

    static String languages() {
        List<String> out = new ArrayList<>();
        for (String code : HearthConfig.LANGUAGES) {
            out.add(LANGUAGE_NAMES.get(code) + " (" + code + ")");
        }
        return String.join(", ", out);
    }

    /** "tue", "Tuesday". */
    static Checked<DayOfWeek> weekday(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.length() >= 3) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().startsWith(t)) {
                    return Checked.ok(d);
                }
            }
        }
        return Checked.no("type a weekday, such as Tuesday");
    }

    /** "07:00" or "7:00". */
    static Checked<LocalTime> clockTime(String text) {
        String t = text.strip();
        if (t.matches("\\d:\\d\\d")) {
            t = "0" + t;
        }
        if (t.matches("\\d\\d:\\d\\d")) {
            try {
                return Checked.ok(LocalTime.parse(t));
            } catch (DateTimeException e) {
                // falls through to the plain message
            }
        }
        return Checked.no("write a time on the 24-hour clock, like 07:00 or 22:30");
    }

    /** "22:00-07:00": from one time to another, overnight allowed. */
    static Checked<LocalTime[]> quietHours(String text) {
        String[] parts = text.split("-");
        if (parts.length == 2) {
            Checked<LocalTime> from = clockTime(parts[0]);
            Checked<LocalTime> to = clockTime(parts[1]);
            if (from.isOk() && to.isOk()) {
                if (from.value().equals(to.value())) {
                    return Checked.no("the quiet hours must start and end at different times");
                }
                return Checked.ok(new LocalTime[] {from.value(), to.value()});
            }
        }
        return Checked.no("write it from one time to another, like 22:00-07:00");
    }

    /** A time of day after the setting's minimum, as {@code detection.kitchen_motion_by}. */
    static Checked<LocalTime> time(String text, Setting<LocalTime> s) {
        Checked<LocalTime> t = clockTime(text);
        if (t.isOk() && !t.value().isAfter(s.min())) {
            return Checked.no("choose a time after " + s.min() + ", such as " + s.defaultValue());
        }
        return t;
    }

    /** Within the setting's bounds: the wizard refuses what the loader would clamp. */
    static Checked<Duration> duration(String text, Setting<Duration> s) {
        return duration(text, s.min(), s.max());
    }

    static Checked<Double> number(String text, Setting<Double> s) {
        return number(text, s.min(), s.max());
    }

    static Checked<Integer> whole(String text, Setting<Integer> s) {
        return whole(text, s.min(), s.max());
    }

    static Checked<Duration> duration(String text, Duration min, Duration max) {
        Optional<Duration> d = Durations.parse(text);
        if (d.isEmpty()) {
            return Checked.no("write a length of time like 30s, 5m or 2h");
        }
        if (d.get().compareTo(min) < 0 || d.get().compareTo(max) > 0) {
            return Checked.no("choose between " + Durations.format(min) + " and " + Durations.format(max));
        }
        return Checked.ok(d.get());
    }

    static Checked<Double> number(String text, double min, double max) {
        try {
            double v = Double.parseDouble(text.strip());
            if (v < min || v > max) {
                return Checked.no("choose a number from " + plain(min) + " to " + plain(max));
            }
            return Checked.ok(v);
        } catch (NumberFormatException e) {
            return Checked.no("type a number, such as " + plain(min));
        }
    }

    static Checked<Integer> whole(String text, int min, int max) {
        try {
            int v = Integer.parseInt(text.strip());
            if (v < min || v > max) {
                return Checked.no("choose a whole number from " + min + " to " + max);
            }
            return Checked.ok(v);
        } catch (NumberFormatException e) {
            return Checked.no("type a whole number from " + min + " to " + max);
        }
    }

    /** The two limits together: a heated home needs room between too cold and too warm. */
    static Optional<String> temperatures(double low, double high) {
        double gap = Settings.TEMPERATURE_GAP_C;
        return high - low < gap ? Optional.of("the high limit must be at least " + plain(gap) + " °C above the low limit (" + plain(low) + " °C)")
                : Optional.empty();
    }

    /** "1" to "8" from the list, or the config name (pull_cord), or its plain name (pull cord). */
    static Checked<SensorKind> kind(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        SensorKind[] kinds = SensorKind.values();
        if (t.matches("\\d+")) {
            int n = Integer.parseInt(t);
            return n >= 1 && n <= kinds.length ? Checked.ok(kinds[n - 1])
                    : Checked.no("type a number from 1 to " + kinds.length);
        }
        for (SensorKind k : kinds) {
            if (k.configName().equals(t.replace(' ', '_')) || SensorKinds.plain(k).equalsIgnoreCase(t)) {
                return Checked.ok(k);
            }
        }
        return Checked.no("type the number of the kind from the list");
    }

    /** "AA:BB:CC:DD:EE:FF", as {@code bluetoothctl devices} shows it (the pendant's own check decides). */
    static Checked<String> bluetoothAddress(String text) {
        try {
            return Checked.ok(org.hearth.sensors.PendantSpec.thingy52("pendant", "worn pendant", text.strip()).address());
        } catch (IllegalArgumentException e) {
            return Checked.no("not a Bluetooth address like AA:BB:CC:DD:EE:FF");
        }
    }

    static Checked<String> room(String text) {
        return text.isBlank() ? Checked.no("type the room's name, such as bathroom") : Checked.ok(text.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * BCM pins nobody else uses; not 2 and 3 when I2C sensors share the bus, nor 14 and 15 when a
     * radar is on the header UART. {@code ignore} is the sensor being changed.
     */
    static List<Integer> freePins(HomePlan plan, String ignore) {
        List<Integer> free = new ArrayList<>();
        for (int pin = SensorSpec.LOWEST_PIN; pin <= SensorSpec.HIGHEST_PIN; pin++) {
            if (pinProblem(pin, plan, ignore).isEmpty()) {
                free.add(pin);
            }
        }
        return free;
    }

    static Checked<Integer> pin(String text, HomePlan plan, String ignore) {
        Checked<Integer> n = whole(text, SensorSpec.LOWEST_PIN, SensorSpec.HIGHEST_PIN);
        if (!n.isOk()) {
            return Checked.no("pins are numbered " + SensorSpec.LOWEST_PIN + " to " + SensorSpec.HIGHEST_PIN + " (BCM numbering)");
        }
        return pinProblem(n.value(), plan, ignore).<Checked<Integer>>map(Checked::no).orElse(n);
    }

    private static Optional<String> pinProblem(int pin, HomePlan plan, String ignore) {
        for (SensorSpec s : plan.sensors) {
            if (s.pin() == pin && !s.id().equals(ignore)) {
                return Optional.of("pin " + pin + " is already used by the " + SensorKinds.plain(s.kind()) + " in the " + s.room()
                        + " (" + s.id() + "); choose another");
            }
        }
        if (plan.usesI2c() && (pin == 2 || pin == 3)) {
            return Optional.of("pin " + pin + " is the I2C bus (" + (pin == 2 ? "SDA" : "SCL")
                    + "), which the temperature or fall sensors use; choose another");
        }
        if (plan.usesHeaderUart() && (pin == 14 || pin == 15)) {
            return Optional.of("pin " + pin + " is the serial port (" + (pin == 14 ? "TXD" : "RXD")
                    + "), which the presence radar uses; choose another");
        }
        return Optional.empty();
    }

    /** The GPIO sensors on {@code pins}, which a new I2C sensor or header-UART radar would take from them. */
    static Optional<String> pinsTaken(HomePlan plan, int first, int second, String by) {
        return plan.sensors.stream().filter(s -> s.pin() == first || s.pin() == second).findFirst()
                .map(s -> "the " + SensorKinds.plain(s.kind()) + " in the " + s.room() + " is on pin " + s.pin() + ", which "
                        + by + " needs (pins " + first + " and " + second + "); move it to another pin first");
    }

    /** Why a first I2C sensor cannot be fitted: a GPIO sensor on the bus's pins (BCM 2 and 3). */
    static Optional<String> i2cPinsTaken(HomePlan plan) {
        return plan.usesI2c() ? Optional.empty() : pinsTaken(plan, 2, 3, "the I2C bus");
    }

    /** Why a radar cannot be on {@code port}: it is the header UART and a GPIO sensor is on BCM 14 or 15. */
    static Optional<String> uartPinsTaken(HomePlan plan, String port) {
        return ConfigLoader.onHeaderUart(port) ? pinsTaken(plan, 14, 15, "the serial port on " + port) : Optional.empty();
    }

    /** "0x53": an I2C address as the chips' datasheets and hearth.yaml write it. */
    static String hex(int address) {
        return String.format("0x%02X", address);
    }

    /** "1" to the last number of the menu, or a name: pull_cord, pull cord, adxl345, bme280, sht31, radar. */
    static Checked<Fitting> fitting(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        List<Fitting> menu = Fitting.menu();
        if (t.matches("\\d+")) {
            int n = Integer.parseInt(t);
            return n >= 1 && n <= menu.size() ? Checked.ok(menu.get(n - 1)) : Checked.no("type a number from 1 to " + menu.size());
        }
        for (Fitting.Device d : Fitting.Device.values()) {
            if (d.configName().equals(t) || d.plain().equalsIgnoreCase(t)) {
                return Checked.ok(d);
            }
        }
        return kind(t).map(Fitting.Pin::new);
    }

    /** "/dev/serial0", "/dev/ttyUSB0": a device file, not used by another radar. */
    static Checked<String> serialDevice(String text, List<org.hearth.sensors.RadarSpec> radars) {
        String t = text.strip();
        if (!t.matches("/dev/[A-Za-z0-9._/-]+")) {
            return Checked.no("write the serial port's device, such as /dev/serial0 or /dev/ttyUSB0");
        }
        return radars.stream().filter(r -> r.device().equals(t)).findFirst()
                .<Checked<String>>map(r -> Checked.no(t + " is already used by the radar in the " + r.room() + " (" + r.id() + ")"))
                .orElse(Checked.ok(t));
    }

    /** "0x53", "53" or "0X1D": one of {@code allowed}, and not already used by another I2C sensor. */
    static Checked<Integer> i2cAddress(String text, List<Integer> allowed, HomePlan plan) {
        String t = text.strip().toLowerCase(Locale.ROOT).replaceFirst("^0x", "");
        String choices = allowed.stream().map(Checks::hex).collect(java.util.stream.Collectors.joining(" or "));
        if (!t.matches("[0-9a-f]{1,2}") || !allowed.contains(Integer.parseInt(t, 16))) {
            return Checked.no("this chip answers at " + choices + " (set by how its address pin is wired)");
        }
        int address = Integer.parseInt(t, 16);
        boolean taken = plan.i2c.accelerometers().stream().anyMatch(a -> a.address() == address)
                || plan.i2c.climate().stream().anyMatch(c -> c.address() == address);
        return taken ? Checked.no(String.format("another sensor is already at 0x%02X; wire this one's address pin the other way", address))
                : Checked.ok(address);
    }

    static Checked<String> carerName(String text, List<HomePlan.Carer> others) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Checked.no("type the carer's first name, or the helpline's name");
        }
        if (t.length() > 40) {
            return Checked.no("keep it short: 40 letters at most");
        }
        if (others.stream().anyMatch(c -> c.name().equalsIgnoreCase(t))) {
            return Checked.no(t + " is already on the list");
        }
        return Checked.ok(t);
    }

    /** "192.168.1.30", "192.168.1.30:5684", "priyas-phone" or a full coaps:// address. */
    static Checked<URI> endpoint(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Checked.no("type the address of the carer's device, such as 192.168.1.30");
        }
        if (!t.contains("://")) {
            t = "coaps://" + t + (t.matches(".*:\\d+") ? "" : ":5684");
        }
        try {
            URI uri = new URI(t);
            if (!"coaps".equals(uri.getScheme()) || uri.getHost() == null || uri.getPath() != null && !uri.getPath().isEmpty()) {
                return Checked.no("write it like 192.168.1.30 or coaps://192.168.1.30:5684");
            }
            return Checked.ok(uri.getPort() < 0 ? new URI("coaps", null, uri.getHost(), 5684, null, null, null) : uri);
        } catch (URISyntaxException e) {
            return Checked.no("write it like 192.168.1.30 or coaps://192.168.1.30:5684");
        }
    }

    /** "yes" or "no"; also "true" and "false", as YAML writes them in an answers file. */
    static Checked<Boolean> yesNo(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("y") || t.equals("yes") || t.equals("true")) {
            return Checked.ok(true);
        }
        if (t.equals("n") || t.equals("no") || t.equals("false")) {
            return Checked.ok(false);
        }
        return Checked.no("type yes or no");
    }

    /** 16 rather than 16.0. */
    static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
