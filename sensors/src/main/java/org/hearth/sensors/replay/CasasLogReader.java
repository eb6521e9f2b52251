package org.hearth.sensors.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hearth.sensors.SensorEvent;

/**
 * Reads a CASAS event log into {@link SensorEvent}s. Times in the file are the home's wall-clock
 * times and are read in the zone given. Rooms and kinds come from {@link CasasLogNaming}.
 *
 * <p>The {@code casas} format reads every whitespace-separated layout CASAS has published, told
 * apart by content, with or without fractional seconds:
 * <ul>
 *   <li>classic: {@code date time sensor state [activity [begin|end]]}, and the CIL files' tab
 *       layout, which splits the same way;</li>
 *   <li>area and sensor: {@code date time area sensor state [activity]}: the sensor named twice,
 *       by where it is and by its id ({@code Bedroom M021 ON Sleep}). The name that looks like an
 *       id ({@code M021}) is the sensor, whichever comes first; the other is its area.</li>
 * </ul>
 * The state is the first field after the time that is a known state or a number, so the names
 * before it say the layout. The first line with a state fixes the layout for the file; a line in
 * another layout, or in none, is a problem that names its number and shows its text escaped.
 *
 * <p>A line that cannot be read is kept as a {@link CasasLogProblem} with its line number and the
 * rest is replayed: one bad line must not hide a week of data. But when most lines fail, the file
 * is not in the layout asked for, and reading it stops with a {@link CasasLogFormatException}
 * rather than replaying a handful of accidental matches.
 */
public final class CasasLogReader {

    /** Files with fewer readable lines than this fraction are in some other layout. */
    private static final double MIN_READABLE_FRACTION = 0.5;

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");
    private static final Pattern SENSOR_NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");

    private final CasasLogFormat format;
    private final ZoneId zone;

    public CasasLogReader(CasasLogFormat format, ZoneId zone) {
        this.format = format;
        this.zone = zone;
    }

    public CasasLog read(Path file) throws IOException, CasasLogFormatException {
        if (!Files.isRegularFile(file)) {
            throw new CasasLogFormatException(file + ": no such file");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (java.nio.charset.MalformedInputException e) {
            throw new CasasLogFormatException(file + ": not a text file (" + e.getMessage() + ")");
        }
    }

    /** Reads from {@code in}; {@code source} names it in error messages. */
    public CasasLog read(Reader in, String source) throws IOException, CasasLogFormatException {
        List<SensorEvent> events = new ArrayList<>();
        List<CasasLogProblem> problems = new ArrayList<>();
        int ignored = 0;
        int reordered = 0;
        Layout layout = new Layout();
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                ignored++;
                continue;
            }
            Parsed parsed = parse(line, number, layout);
            if (parsed.problem != null) {
                problems.add(new CasasLogProblem(number, parsed.problem, line.strip()));
            } else if (parsed.event == null) {
                ignored++;
            } else {
                if (!events.isEmpty() && parsed.event.at().isBefore(events.get(events.size() - 1).at())) {
                    reordered++;
                }
                events.add(parsed.event);
            }
        }
        int tried = events.size() + problems.size();
        if (events.isEmpty() || events.size() < MIN_READABLE_FRACTION * tried) {
            String first = problems.isEmpty() ? "it holds no on/off events" : "first " + problems.get(0);

            throw new CasasLogFormatException(source + " is not a " + format.cliName() + " event log ("
                    + format.layout() + layout.found() + "): " + problems.size() + " of " + tried + " lines could not be read; " + first);
        }
        events.sort(Comparator.comparing(SensorEvent::at));
        return new CasasLog(events, problems, ignored, reordered);
    }

    private Parsed parse(String line, int number, Layout layout) {
        String[] fields;
        if (format == CasasLogFormat.CIL) {
            if (line.indexOf('\t') < 0) {
                return Parsed.problem("no tab-separated fields");
            }
            fields = line.strip().split("\t", -1);
            if (fields.length < 3) {
                return Parsed.problem("expected timestamp, sensor and state, found " + fields.length + " field(s)");
            }
            return event(fields[0].strip(), fields[1].strip(), null, fields[2].strip());
        }
        fields = SPACES.split(line.strip());
        if (fields.length < 4) {
            return Parsed.problem("expected date, time, sensor and state, found " + fields.length + " field(s)");
        }
        int state = 3;
        while (state < fields.length && !isState(fields[state])) {
            state++;
        }
        if (state == fields.length) {
            return Parsed.problem(fields.length == 4 ? "unknown state '" + fields[3] + "'"
                    : "no state (ON, OFF, OPEN, CLOSE or a reading) after the date and time");
        }
        int names = state - 2;
        if (names > 2) {
            return Parsed.problem(names + " names before the state '" + fields[state] + "'; expected a sensor, or an "
                    + "area and a sensor");
        }
        String problem = layout.check(names, number);
        if (problem != null) {
            return Parsed.problem(problem);
        }
        String date = fields[0] + " " + fields[1];
        if (names == 1) {
            return event(date, fields[2], null, fields[3]);
        }
        boolean idFirst = CasasLogNaming.isId(fields[2]) && !CasasLogNaming.isId(fields[3]);
        return idFirst ? event(date, fields[2], fields[3], fields[4]) : event(date, fields[3], fields[2], fields[4]);
    }

    private static boolean isState(String field) {
        return state(field) != null || NUMBER.matcher(field).matches();
    }

    private static Boolean state(String field) {
        return switch (field.toUpperCase(Locale.ROOT)) {
            case "ON", "OPEN", "OPENED", "PRESENT" -> Boolean.TRUE;
            case "OFF", "CLOSE", "CLOSED", "ABSENT" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** The whitespace layout of a casas file, fixed by its first line with a state. */
    private static final class Layout {
        private int names;
        private int line;

        /** @return null if a line with {@code n} names fits the file's layout, else why not */
        String check(int n, int number) {
            if (names == 0) {
                names = n;
                line = number;
                return null;
            }
            return n == names ? null : "a line of the layout " + describe(n) + ", but line " + line
                    + " set the layout " + describe(names);
        }

        String found() {
            return names == 0 ? "" : "; line " + line + " looked like " + describe(names);
        }

        private static String describe(int n) {
            return n == 1 ? "'date time sensor state'" : "'date time area sensor state'";
        }
    }

    private Parsed event(String timestamp, String sensor, String area, String state) {
        LocalDateTime at;
        try {
            at = LocalDateTime.parse(timestamp, TIMESTAMP);
        } catch (DateTimeParseException e) {
            return Parsed.problem("bad timestamp '" + timestamp + "'");
        }
        if (!SENSOR_NAME.matcher(sensor).matches()) {
            return Parsed.problem("bad sensor name '" + sensor + "'");
        }
        if (area != null && !SENSOR_NAME.matcher(area).matches()) {
            return Parsed.problem("bad area name '" + area + "'");
        }
        Boolean active = state(state);
        if (active == null) {
            // Temperature, light and battery readings are real data, just not on/off events.
            return NUMBER.matcher(state).matches() ? Parsed.IGNORED : Parsed.problem("unknown state '" + state + "'");
        }
        CasasLogSensor where = area == null ? CasasLogNaming.sensor(sensor) : CasasLogNaming.sensor(sensor, area);
        return new Parsed(new SensorEvent(sensor, where.room(), where.kind(), active, at.atZone(zone).toInstant()), null);
    }

    private record Parsed(SensorEvent event, String problem) {
        static final Parsed IGNORED = new Parsed(null, null);

        static Parsed problem(String why) {
            return new Parsed(null, why);
        }
    }
}
