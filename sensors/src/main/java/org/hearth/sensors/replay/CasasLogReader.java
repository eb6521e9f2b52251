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
            Parsed parsed = parse(line);
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
                    + format.layout() + "): " + problems.size() + " of " + tried + " lines could not be read; " + first);
        }
        events.sort(Comparator.comparing(SensorEvent::at));
        return new CasasLog(events, problems, ignored, reordered);
    }

    private Parsed parse(String line) {
        String[] fields;
        if (format == CasasLogFormat.CIL) {
            if (line.indexOf('\t') < 0) {
                return Parsed.problem("no tab-separated fields");
            }
            fields = line.strip().split("\t", -1);
            if (fields.length < 3) {
                return Parsed.problem("expected timestamp, sensor and state, found " + fields.length + " field(s)");
            }
            return event(fields[0].strip(), fields[1].strip(), fields[2].strip());
        }
        fields = SPACES.split(line.strip());
        if (fields.length < 4) {
            return Parsed.problem("expected date, time, sensor and state, found " + fields.length + " field(s)");
        }
        return event(fields[0] + " " + fields[1], fields[2], fields[3]);
    }

    private Parsed event(String timestamp, String sensor, String state) {
        LocalDateTime at;
        try {
            at = LocalDateTime.parse(timestamp, TIMESTAMP);
        } catch (DateTimeParseException e) {
            return Parsed.problem("bad timestamp '" + timestamp + "'");
        }
        if (!SENSOR_NAME.matcher(sensor).matches()) {
            return Parsed.problem("bad sensor name '" + sensor + "'");
        }
        Boolean active = switch (state.toUpperCase(Locale.ROOT)) {
            case "ON", "OPEN", "OPENED", "PRESENT" -> Boolean.TRUE;
            case "OFF", "CLOSE", "CLOSED", "ABSENT" -> Boolean.FALSE;
            default -> null;
        };
        if (active == null) {
            // Temperature, light and battery readings are real data, just not on/off events.
            return NUMBER.matcher(state).matches() ? Parsed.IGNORED : Parsed.problem("unknown state '" + state + "'");
        }
        CasasLogSensor where = CasasLogNaming.sensor(sensor);
        return new Parsed(new SensorEvent(sensor, where.room(), where.kind(), active, at.atZone(zone).toInstant()), null);
    }

    private record Parsed(SensorEvent event, String problem) {
        static final Parsed IGNORED = new Parsed(null, null);

        static Parsed problem(String why) {
            return new Parsed(null, why);
        }
    }
}
