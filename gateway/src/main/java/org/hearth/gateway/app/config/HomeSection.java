package org.hearth.gateway.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.hearth.voice.skill.CouncilPack;
import org.hearth.voice.skill.Library;

/**
 * The resident's side of hearth.yaml: the home, its council pack, the quiet hours, the voice
 * assistant and the detectors' thresholds.
 */
final class HomeSection {

    private final ConfigReader r;

    HomeSection(ConfigReader reader) {
        this.r = reader;
    }

    HearthConfig.Home home(JsonNode home) {
        return new HearthConfig.Home(r.get(home, Settings.HOME_LABEL), languages(home), zone(home),
                HearthConfig.Household.ONE);
    }

    /** {@code languages: [pa, en]} (two people in one home), or the one {@code language}, never both. */
    private List<String> languages(JsonNode home) {
        if (!home.has(Settings.HOME_LANGUAGES.name())) {
            return List.of(r.get(home, Settings.HOME_LANGUAGE));
        }
        List<String> languages = r.get(home, Settings.HOME_LANGUAGES);
        String key = Settings.HOME_LANGUAGES.key();
        if (home.has(Settings.HOME_LANGUAGE.name())) {
            r.error(key + ": set either home.language or home.languages, not both");
        }
        if (languages == null) {
            return List.of(Settings.HOME_LANGUAGE.defaultValue()); // the reader named what was wrong
        }
        if (languages.isEmpty() || languages.size() > HearthConfig.MAX_LANGUAGES) {
            r.error(key + ": name one or two languages, main first, such as [pa, en]; was " + languages
                    + (languages.size() > HearthConfig.MAX_LANGUAGES ? " (each language with speech needs a model of its own"
                    + " in memory, and a Pi holds two at most)" : ""));
            return List.of(Settings.HOME_LANGUAGE.defaultValue());
        }
        if (new HashSet<>(languages).size() < languages.size()) {
            r.error(key + ": names a language twice, was " + languages);
            return List.of(languages.get(0));
        }
        return languages;
    }

    /**
     * How many live here, their names, and whose each wearable is: names must be one per resident,
     * and a wearable's resident one of them.
     */
    HearthConfig.Household household(JsonNode home, DeviceSections devices) {
        Map<String, String> wearers = devices.wearers();
        int residents = r.get(home, Settings.HOME_RESIDENTS);
        String namesText = r.get(home, Settings.HOME_RESIDENT_NAMES);
        List<String> names = namesText == null ? List.of()
                : Arrays.stream(namesText.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
        if (namesText != null && names.size() != residents) {
            r.error("home.resident_names: names " + names.size() + " people (\"" + namesText + "\"), but home.residents is "
                    + residents + "; give one name per resident, comma-separated");
        } else if (names.stream().distinct().count() != names.size()) {
            r.error("home.resident_names: each resident needs a name of their own, was \"" + namesText + "\"");
        }
        devices.wearerPaths().forEach((path, name) -> {
            if (!names.contains(name)) {
                r.error(path + ".resident: \"" + name + "\" is not one of home.resident_names ("
                        + (names.isEmpty() ? "none given" : String.join(", ", names)) + ")");
            }
        });
        return new HearthConfig.Household(residents, names, wearers);
    }

    private ZoneId zone(JsonNode home) {
        String v = r.get(home, Settings.HOME_TIMEZONE);
        try {
            return ZoneId.of(v);
        } catch (java.time.DateTimeException e) {
            r.error("home.timezone: unknown time zone \"" + v + "\"; use a name like Europe/London");
            return ZoneId.of(Settings.HOME_TIMEZONE.defaultValue());
        }
    }

    /** The council pack must exist, and the household's round and library must be in it. */
    HearthConfig.Council council(JsonNode home, Path base) {
        String packName = r.get(home, Settings.HOME_COUNCIL);
        String dayName = r.get(home, Settings.HOME_BIN_DAY);
        String round = r.get(home, Settings.HOME_BIN_ROUND);
        String library = r.get(home, Settings.HOME_LIBRARY);
        CouncilPack pack = councilPack(packName, base);
        if (Files.isRegularFile(base.resolve(packName))) {
            packName = base.resolve(packName).toString(); // a pack file, wherever the daemon runs from
        }
        DayOfWeek day = null;
        if (dayName != null) {
            try {
                day = DayOfWeek.valueOf(dayName.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                r.error("home.bin_day: must be a weekday such as tuesday, was \"" + dayName + "\"");
            }
            if (round == null) {
                r.error("home.bin_round: is required with home.bin_day; the council pack's rounds are "
                        + (pack == null ? "unknown" : rounds(pack)));
            }
        } else if (round != null) {
            r.error("home.bin_day: is required with home.bin_round");
        }
        if (pack != null && round != null && !pack.bins().rounds().containsKey(round)) {
            r.error("home.bin_round: \"" + round + "\" is not a round of " + pack.council() + "; expected one of "
                    + rounds(pack));
        }
        if (pack != null && library != null && pack.libraries().stream().noneMatch(l -> l.name().equalsIgnoreCase(library))) {
            r.error("home.library: \"" + library + "\" is not a library of " + pack.council() + "; expected one of "
                    + String.join(", ", pack.libraries().stream().map(Library::name).toList()));
        }
        return new HearthConfig.Council(packName, day, round, library);
    }

    private static String rounds(CouncilPack pack) {
        return String.join(", ", new TreeSet<>(pack.bins().rounds().keySet()));
    }

    /** A built-in pack by id, or a pack file; null (with an error) when neither. */
    private CouncilPack councilPack(String name, Path base) {
        Path file = base.resolve(name);
        try {
            return Files.isRegularFile(file) ? CouncilPack.read(file) : CouncilPack.builtIn(name);
        } catch (IOException | RuntimeException e) {
            r.error("home.council: " + e.getMessage());
            return null;
        }
    }

    HearthConfig.Voice voice(JsonNode node, Path base) {
        return new HearthConfig.Voice(r.get(node, Settings.VOICE_ENABLED),
                base.resolve(r.get(node, Settings.VOICE_MODELS_DIR)),
                base.resolve(r.get(node, Settings.VOICE_LIB_DIR)),
                r.get(node, Settings.VOICE_HANDS_FREE),
                r.get(node, Settings.VOICE_SPEECH_RATE),
                r.get(node, Settings.VOICE_END_OF_SPEECH));
    }

    /** The resident's night, "22:00-07:00"; the default when not set or not valid. */
    LocalTime[] quietHours(JsonNode home) {
        HearthConfig.Detection def = HearthConfig.Detection.DEFAULT;
        String hours = r.get(home, Settings.HOME_QUIET_HOURS);
        String[] parts = hours.split("-");
        LocalTime from = parts.length == 2 ? ConfigReader.clockTime(parts[0]) : null;
        LocalTime to = parts.length == 2 ? ConfigReader.clockTime(parts[1]) : null;
        if (from != null && to != null && !from.equals(to)) {
            return new LocalTime[] {from, to};
        }
        r.error("home.quiet_hours: write it like 22:00-07:00, was \"" + hours + "\"");
        return new LocalTime[] {def.nightStart(), def.nightEnd()};
    }

    /** The detectors' thresholds; quiet hours sit with the home, as they are the resident's. */
    HearthConfig.Detection detection(LocalTime[] quiet, JsonNode node) {
        LocalTime kitchenBy = r.get(node, Settings.DETECTION_KITCHEN_MOTION_BY);
        var bathroom = r.get(node, Settings.DETECTION_BATHROOM_MAX);
        double low = r.get(node, Settings.DETECTION_TEMPERATURE_LOW);
        double high = r.get(node, Settings.DETECTION_TEMPERATURE_HIGH);
        if (high - low < Settings.TEMPERATURE_GAP_C) {
            r.error("detection.temperature_high_c: must be at least " + (int) Settings.TEMPERATURE_GAP_C
                    + " °C above temperature_low_c (" + low + ")");
        }
        return new HearthConfig.Detection(quiet[0], quiet[1], kitchenBy, bathroom, low, high);
    }
}
