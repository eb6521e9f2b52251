package org.hearth.tools.eval;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hearth.sensors.AccelSample;

/** Writes generated 200 Hz traces in SisFall's file format, so evaluations can run on data made in the test. */
final class SisFallFiles {

    private SisFallFiles() {
    }

    /** Writes {@code samples} (which must be at 200 Hz) as {@code dir/name}, creating folders as needed. */
    static Path write(Path dir, String name, List<AccelSample> samples) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (AccelSample s : samples) {
                // ADXL345 counts, padded like the published files; the gyroscope and the second
                // accelerometer are written as zeros.
                w.write(String.format("%5d,%5d,%5d,    0,    0,    0,    0,    0,    0;\r\n",
                        counts(s.x()), counts(s.y()), counts(s.z())));
            }
        }
        return file;
    }

    private static long counts(double g) {
        return Math.round(g * 256);
    }
}
