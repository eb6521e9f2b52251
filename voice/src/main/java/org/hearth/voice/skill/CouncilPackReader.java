package org.hearth.voice.skill;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a pack's YAML into a {@link CouncilPack}, checking every field, with line numbers in errors. */
final class CouncilPackReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CouncilPackReader() {
    }

    static CouncilPack read(String source, InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        PackFile f;
        try {
            f = YAML.readValue(text, PackFile.class);
        } catch (JsonProcessingException e) {
            throw new CouncilPackException(source + ":" + line(text, e) + ": " + e.getOriginalMessage(), e);
        }
        if (f == null) {
            throw new CouncilPackException(source + ": the file is empty", null);
        }
        return f.toPack(source);
    }

    /**
     * The line to blame. The YAML parser reports where it stood, which for an unknown key can be
     * past it, so an unknown key is looked up by name.
     */
    private static int line(String text, JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].strip().startsWith(u.getPropertyName() + ":")) {
                    return i + 1;
                }
            }
        }
        JsonLocation at = e.getLocation();
        return at == null ? 0 : at.getLineNr();
    }

    record PackFile(Integer format, String id, String council, String version, Boolean sample, String notice,
            Bins bins, List<Place> libraries, List<AddressEntry> addresses,
            @JsonProperty("council_tax") Service councilTax,
            @JsonProperty("adult_social_care") Service socialCare,
            @JsonProperty("digital_helpline") Service digitalHelpline,
            @JsonProperty("benefits_advice") Service benefitsAdvice,
            @JsonProperty("universal_credit_help") Service universalCreditHelp) {

        CouncilPack toPack(String source) {
            require(source, format, "format");
            if (format < CouncilPack.OLDEST_FORMAT || format > CouncilPack.FORMAT) {
                throw fail(source, "format " + format + " is not supported; this version reads formats "
                        + CouncilPack.OLDEST_FORMAT + " to " + CouncilPack.FORMAT);
            }
            require(source, id, "id");
            require(source, council, "council");
            require(source, version, "version");
            require(source, sample, "sample");
            require(source, bins, "bins");
            BinSchedule schedule = bins.toSchedule(source);
            require(source, libraries, "libraries");
            List<Library> libs = new ArrayList<>();
            for (Place p : libraries) {
                libs.add(new Library(p.name(), p.openingHours(source)));
            }
            return new CouncilPack(id, council, version, sample, notice == null ? "" : notice, schedule,
                    libs, service(source, councilTax, "council_tax"), service(source, socialCare, "adult_social_care"),
                    service(source, digitalHelpline, "digital_helpline"),
                    service(source, benefitsAdvice, "benefits_advice"),
                    service(source, universalCreditHelp, "universal_credit_help"),
                    addresses(source, schedule, libs));
        }

        private CollectionAddresses addresses(String source, BinSchedule schedule, List<Library> libs) {
            if (addresses == null) {
                return CollectionAddresses.NONE;
            }
            if (format < 2) {
                throw fail(source, "addresses need format 2 or later; this pack says format " + format);
            }
            List<CollectionAddresses.Area> areas = new ArrayList<>();
            for (int i = 0; i < addresses.size(); i++) {
                areas.add(addresses.get(i).toArea(source, "addresses[" + i + "]", schedule, libs));
            }
            return new CollectionAddresses(areas);
        }
    }

    record AddressEntry(String street, String postcode, String day, String round, String library) {

        CollectionAddresses.Area toArea(String source, String key, BinSchedule schedule, List<Library> libs) {
            if (isBlank(street) && isBlank(postcode)) {
                throw fail(source, key + ": needs a street, a postcode, or both");
            }
            if (!isBlank(postcode) && !postcode.strip().matches("(?i)[a-z]{1,2}[0-9][a-z0-9]?( ?[0-9]([a-z]{2})?)?")) {
                throw fail(source, key + ".postcode: '" + postcode + "' is not a postcode or its start, like LE2 or LE2 9");
            }
            require(source, day, key + ".day");
            java.time.DayOfWeek weekday;
            try {
                weekday = java.time.DayOfWeek.valueOf(day.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw fail(source, key + ".day: '" + day + "' is not a weekday like tuesday");
            }
            require(source, round, key + ".round");
            if (!schedule.rounds().containsKey(round)) {
                throw fail(source, key + ".round: '" + round + "' is not one of bins.rounds " + schedule.rounds().keySet());
            }
            if (library != null && libs.stream().noneMatch(l -> l.name().equals(library))) {
                throw fail(source, key + ".library: '" + library + "' is not one of the pack's libraries");
            }
            return new CollectionAddresses.Area(isBlank(street) ? null : street.strip(),
                    isBlank(postcode) ? null : postcode.strip().toUpperCase(java.util.Locale.ROOT), weekday, round, library);
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }
    }

    record Bins(List<String> streams, Map<String, String> rounds,
            @JsonProperty("bank_holiday_shifts") List<ShiftEntry> bankHolidayShifts) {

        BinSchedule toSchedule(String source) {
            require(source, streams, "bins.streams");
            require(source, rounds, "bins.rounds");
            Map<String, LocalDate> anchors = new LinkedHashMap<>();
            rounds.forEach((round, date) -> anchors.put(round, date(source, "bins.rounds." + round, date)));
            List<BinSchedule.Shift> shifts = new ArrayList<>();
            if (bankHolidayShifts != null) {
                for (ShiftEntry s : bankHolidayShifts) {
                    if (s.shiftDays() == null || s.shiftDays() < 1 || s.shiftDays() > 6) {
                        throw fail(source, "bins.bank_holiday_shifts " + s.date() + ": shift_days must be 1 to 6");
                    }
                    shifts.add(new BinSchedule.Shift(date(source, "bins.bank_holiday_shifts", s.date()), s.name(),
                            s.shiftDays()));
                }
            }
            return new BinSchedule(streams, anchors, shifts);
        }
    }

    record ShiftEntry(String date, String name, @JsonProperty("shift_days") Integer shiftDays) {
    }

    record Place(String name, Map<String, String> hours) {
        OpeningHours openingHours(String source) {
            require(source, name, "libraries[].name");
            require(source, hours, "libraries[" + name + "].hours");
            try {
                return OpeningHours.parse(hours);
            } catch (IllegalArgumentException e) {
                throw fail(source, "libraries[" + name + "].hours." + e.getMessage());
            }
        }
    }

    record Service(String name, String phone, Map<String, String> hours) {
    }

    private static PhoneService service(String source, Service s, String key) {
        require(source, s, key);
        require(source, s.name(), key + ".name");
        require(source, s.phone(), key + ".phone");
        require(source, s.hours(), key + ".hours");
        if (!s.phone().matches("[0-9 ]{6,20}")) {
            throw fail(source, key + ".phone: '" + s.phone() + "' is not a phone number of digits and spaces");
        }
        try {
            return new PhoneService(s.name(), s.phone(), OpeningHours.parse(s.hours()));
        } catch (IllegalArgumentException e) {
            throw fail(source, key + ".hours." + e.getMessage());
        }
    }

    private static LocalDate date(String source, String key, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw fail(source, key + ": '" + value + "' is not a date like 2026-01-05");
        }
    }

    private static void require(String source, Object value, String key) {
        if (value == null) {
            throw fail(source, key + " is missing");
        }
    }

    private static CouncilPackException fail(String source, String message) {
        return new CouncilPackException(source + ": " + message, null);
    }
}
