package org.hearth.sensors.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.hearth.sensors.AccelSample;

/**
 * One SisFall trial read back as the accelerometer stream the worn sensor would have sent.
 *
 * <p>The format, from the data set's Readme: 200 Hz with no time column; each row holds nine
 * comma-separated raw integers and ends with {@code ;}; numbers are left-padded with spaces;
 * lines end in CRLF. Columns 1–3 are the ADXL345 (13 bit over ±16 g, so 1/256 g per count), the
 * chip our worn sensor uses; the gyroscope and the second accelerometer are ignored. One
 * published file ends with a line holding a single space, so blank lines are skipped silently.
 *
 * <p>A row that cannot be read is skipped and reported with its line number. It still takes its
 * 5 ms slot, so the samples after it keep their true times. A file in which no row, or fewer
 * rows than not, can be read is not a SisFall trial, and reading it fails with a message saying
 * why.
 */
public final class SisFallTrial {

    /** SisFall's fixed sampling rate. */
    public static final int SAMPLE_RATE_HZ = 200;

    private static final long SAMPLE_PERIOD_MICROS = 1_000_000L / SAMPLE_RATE_HZ;
    /** (2 × 16 g) / 2^13 counts. */
    private static final double G_PER_COUNT = 1.0 / 256;
    /** A 13-bit two's-complement reading. */
    private static final int MIN_COUNT = -4096;
    private static final int MAX_COUNT = 4095;
    private static final int FIELDS = 9;
    /** Enough to show what is wrong without flooding a log when a whole file is bad. */
    private static final int MAX_LISTED = 50;

    private final SisFallName name;
    private final List<AccelSample> samples;
    private final List<MalformedLine> malformed;
    private final int malformedCount;

    private SisFallTrial(SisFallName name, List<AccelSample> samples, List<MalformedLine> malformed, int malformedCount) {
        this.name = name;
        this.samples = Collections.unmodifiableList(samples);
        this.malformed = List.copyOf(malformed);
        this.malformedCount = malformedCount;
    }

    /**
     * Reads {@code file}; its first sample is at {@code start}, sample i at start + i × 5 ms.
     *
     * @throws NotSisFallException when the name or the content is not a SisFall trial's
     * @throws IOException         when the file cannot be read
     */
    public static SisFallTrial read(Path file, Instant start) throws IOException {
        String fileName = file.getFileName().toString();
        SisFallName name = SisFallName.parse(fileName).orElseThrow(() -> new NotSisFallException(
                file + " is not a SisFall trial: its name should look like F05_SA01_R04.txt or D07_SE05_R01.txt"));
        // ISO-8859-1 decodes every byte, so a binary file is reported as malformed rows, not a decoder error.
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return read(name, in, start, file.toString());
        }
    }

    /** Reads a trial's rows from {@code in}; {@code source} names it in error messages. */
    public static SisFallTrial read(SisFallName name, Reader in, Instant start, String source) throws IOException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        long startMicros = Math.addExact(Math.multiplyExact(start.getEpochSecond(), 1_000_000L), start.getNano() / 1_000);
        List<AccelSample> samples = new ArrayList<>();
        List<MalformedLine> malformed = new ArrayList<>();
        int malformedCount = 0;
        int lineNumber = 0;
        long slot = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            long at = startMicros + slot * SAMPLE_PERIOD_MICROS;
            slot++;
            String problem = parseRow(line, at, samples);
            if (problem != null) {
                malformedCount++;
                if (malformed.size() < MAX_LISTED) {
                    malformed.add(new MalformedLine(lineNumber, problem));
                }
            }
        }
        if (samples.isEmpty() || malformedCount > samples.size()) {
            String first = malformed.isEmpty() ? "the file is empty" : "first, " + malformed.get(0);
            throw new NotSisFallException(source + " is not a SisFall trial: " + malformedCount + " of "
                    + (malformedCount + samples.size()) + " rows are not 9 comma-separated integers ending in ';' ("
                    + first + ")");
        }
        return new SisFallTrial(name, samples, malformed, malformedCount);
    }

    /** Appends the row's sample and returns null, or returns what is wrong with the row. */
    private static String parseRow(String line, long atMicros, List<AccelSample> out) {
        String row = line.strip();
        if (!row.endsWith(";")) {
            return "does not end with ';' (a cut-off row?)";
        }
        String[] fields = row.substring(0, row.length() - 1).split(",", -1);
        if (fields.length != FIELDS) {
            return "has " + fields.length + " fields, expected " + FIELDS;
        }
        int[] adxl = new int[3];
        for (int i = 0; i < FIELDS; i++) {
            String field = fields[i].strip();
            int value;
            try {
                value = Integer.parseInt(field);
            } catch (NumberFormatException e) {
                return "field " + (i + 1) + " is not an integer: '" + abbreviate(field) + "'";
            }
            if (i < 3) {
                if (value < MIN_COUNT || value > MAX_COUNT) {
                    return "field " + (i + 1) + " is " + value + ", outside the ADXL345's " + MIN_COUNT + ".." + MAX_COUNT;
                }
                adxl[i] = value;
            }
        }
        out.add(new AccelSample(atMicros, adxl[0] * G_PER_COUNT, adxl[1] * G_PER_COUNT, adxl[2] * G_PER_COUNT));
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }

    public SisFallName name() {
        return name;
    }

    /** The ADXL345 readings in g, in time order. */
    public List<AccelSample> samples() {
        return samples;
    }

    /** The rows that were skipped (at most the first 50; see {@link #malformedCount()}). */
    public List<MalformedLine> malformed() {
        return malformed;
    }

    public int malformedCount() {
        return malformedCount;
    }

    /** From the first to one period past the last row, skipped rows included. */
    public double durationSeconds() {
        if (samples.isEmpty()) {
            return 0;
        }
        long span = samples.get(samples.size() - 1).epochMicros() - samples.get(0).epochMicros() + SAMPLE_PERIOD_MICROS;
        return span / 1e6;
    }
}
