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
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

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

    /** Facts a checked pack gives without a source or a checked date, named by their YAML path. */
    private static final class Unsourced {
        final List<String> missing = new ArrayList<>();

        Source source(String source, String key, String reference, String checked) {
            if (reference == null || reference.isBlank()) {
                missing.add(key + ".source");
            }
            if (checked == null) {
                missing.add(key + ".checked");
            }
            if (reference == null || reference.isBlank() || checked == null) {
                return null;
            }
            return new Source(reference.strip(), date(source, key + ".checked", checked));
        }
    }

    record PackFile(Integer format, String id, String council, String version, Boolean sample, String notice,
            String expires, Bins bins, List<Place> libraries, List<AddressEntry> addresses,
            @JsonProperty("main_number") Service mainNumber,
            @JsonProperty("waste_and_recycling") Service waste,
            @JsonProperty("council_tax") Service councilTax,
            @JsonProperty("adult_social_care") Service socialCare,
            @JsonProperty("digital_helpline") Service digitalHelpline,
            @JsonProperty("benefits_advice") Service benefitsAdvice,
            @JsonProperty("universal_credit_help") Service universalCreditHelp,
            @JsonProperty("pension_credit") Service pensionCredit,
            @JsonProperty("attendance_allowance") Service attendanceAllowance) {

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
            Unsourced unsourced = new Unsourced();
            Optional<LocalDate> expiry = Optional.ofNullable(expires).map(e -> date(source, "expires", e));
            if (expiry.isEmpty() && !sample) {
                unsourced.missing.add("expires");
            }
            BinSchedule schedule = bins.toSchedule(source, unsourced);
            if (libraries == null && format < 3) {
                require(source, libraries, "libraries");
            }
            List<Library> libs = new ArrayList<>();
            for (Place p : libraries == null ? List.<Place>of() : libraries) {
                libs.add(p.toLibrary(source, unsourced));
            }
            Map<CouncilService, Service> given = new EnumMap<>(CouncilService.class);
            put(given, CouncilService.MAIN, mainNumber);
            put(given, CouncilService.WASTE, waste);
            put(given, CouncilService.COUNCIL_TAX, councilTax);
            put(given, CouncilService.SOCIAL_CARE, socialCare);
            put(given, CouncilService.DIGITAL_HELPLINE, digitalHelpline);
            put(given, CouncilService.BENEFITS_ADVICE, benefitsAdvice);
            put(given, CouncilService.UNIVERSAL_CREDIT_HELP, universalCreditHelp);
            put(given, CouncilService.PENSION_CREDIT, pensionCredit);
            put(given, CouncilService.ATTENDANCE_ALLOWANCE, attendanceAllowance);
            if (format < 3) {
                // Formats 1 and 2 had these five lines, all required.
                for (CouncilService s : List.of(CouncilService.COUNCIL_TAX, CouncilService.SOCIAL_CARE,
                        CouncilService.DIGITAL_HELPLINE, CouncilService.BENEFITS_ADVICE, CouncilService.UNIVERSAL_CREDIT_HELP)) {
                    require(source, given.get(s), s.key());
                }
            }
            Map<CouncilService, PhoneService> services = new EnumMap<>(CouncilService.class);
            given.forEach((which, s) -> services.put(which, service(source, s, which.key(), unsourced)));
            CollectionAddresses areas = addresses(source, schedule, libs);
            if (!sample && !unsourced.missing.isEmpty()) {
                throw fail(source, "this pack is not a sample (sample: false), so every fact needs a source and the day it"
                        + " was checked (format 3), and the pack an expiry date; missing: "
                        + String.join(", ", unsourced.missing));
            }
            if (!sample && !areas.isEmpty()) {
                throw fail(source, "addresses are for sample packs only: street rounds belong in the installer's config"
                        + " (home.bin_day, home.bin_round), not in a checked pack");
            }
            return new CouncilPack(id, council, version, sample, notice == null ? "" : notice, expiry, schedule,
                    libs, services, areas);
        }

        private static void put(Map<CouncilService, Service> given, CouncilService which, Service s) {
            if (s != null) {
                given.put(which, s);
            }
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

    /**
     * {@code streams} is either a list of stream names, one a week in turn (formats 1 and 2, and
     * still read), or a list of weeks, each the list of streams collected that week.
     */
    record Bins(List<Object> streams, Map<String, String> rounds,
            @JsonProperty("bank_holiday_shifts") List<ShiftEntry> bankHolidayShifts,
            @JsonProperty("by_subscription") List<String> bySubscription, String source, String checked) {

        BinSchedule toSchedule(String file, Unsourced unsourced) {
            require(file, streams, "bins.streams");
            require(file, rounds, "bins.rounds");
            List<List<String>> weeks = new ArrayList<>();
            for (Object week : streams) {
                if (week instanceof String s) {
                    weeks.add(List.of(s));
                } else if (week instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) {
                    weeks.add(l.stream().map(String.class::cast).toList());
                } else {
                    throw fail(file, "bins.streams: '" + week + "' is neither a stream name nor a list of them");
                }
            }
            Map<String, LocalDate> anchors = new LinkedHashMap<>();
            rounds.forEach((round, date) -> anchors.put(round, date(file, "bins.rounds." + round, date)));
            List<BinSchedule.Shift> shifts = new ArrayList<>();
            if (bankHolidayShifts != null) {
                for (ShiftEntry s : bankHolidayShifts) {
                    if (s.shiftDays() == null || s.shiftDays() < 1 || s.shiftDays() > 6) {
                        throw fail(file, "bins.bank_holiday_shifts " + s.date() + ": shift_days must be 1 to 6");
                    }
                    shifts.add(new BinSchedule.Shift(date(file, "bins.bank_holiday_shifts", s.date()), s.name(),
                            s.shiftDays(), unsourced.source(file, "bins.bank_holiday_shifts[" + s.date() + "]",
                                    s.source(), s.checked())));
                }
            }
            Source src = unsourced.source(file, "bins", source, checked);
            try {
                return new BinSchedule(weeks, anchors, shifts, bySubscription == null ? List.of() : bySubscription, src);
            } catch (IllegalArgumentException e) {
                throw fail(file, e.getMessage());
            }
        }
    }

    record ShiftEntry(String date, String name, @JsonProperty("shift_days") Integer shiftDays, String source,
            String checked) {
    }

    record Place(String name, Map<String, String> hours, String source, String checked) {
        Library toLibrary(String file, Unsourced unsourced) {
            require(file, name, "libraries[].name");
            Source src = unsourced.source(file, "libraries[" + name + "]", source, checked);
            if (hours == null) {
                return new Library(name, Optional.empty(), src);
            }
            try {
                return new Library(name, Optional.of(OpeningHours.parse(hours)), src);
            } catch (IllegalArgumentException e) {
                throw fail(file, "libraries[" + name + "].hours." + e.getMessage());
            }
        }
    }

    record Service(String name, String phone, Map<String, String> hours, String source, String checked) {
    }

    private static PhoneService service(String file, Service s, String key, Unsourced unsourced) {
        require(file, s.name(), key + ".name");
        require(file, s.phone(), key + ".phone");
        if (!s.phone().matches("[0-9 ]{6,20}")) {
            throw fail(file, key + ".phone: '" + s.phone() + "' is not a phone number of digits and spaces");
        }
        Source src = unsourced.source(file, key, s.source(), s.checked());
        try {
            return new PhoneService(s.name(), s.phone(),
                    s.hours() == null ? Optional.empty() : Optional.of(OpeningHours.parse(s.hours())), src);
        } catch (IllegalArgumentException e) {
            throw fail(file, key + ".hours." + e.getMessage());
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
