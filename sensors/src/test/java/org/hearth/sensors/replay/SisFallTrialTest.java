package org.hearth.sensors.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.hearth.sensors.AccelSample;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads small SisFall-format files written here, with the quirks of the published files. */
@Tag("medium")
class SisFallTrialTest {

    private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");
    private static final long START_MICROS = 1_767_607_200_000_000L;

    /** Nine padded integers and ';' per row, CRLF, four bad rows, and a last line of one space. */
    private static final String FIXTURE = String.join("\r\n",
            "  12,-256,  -20,  100,  200,   30, -100,-1000,   60;",
            "  10,-250,  -18,   99,  201,   31,  -99, -998,   61;",
            "  11,-251,  -19;",
            " abc,-255,  -20,  100,  200,   30, -100,-1000,   60;",
            "5000,-255,  -20,  100,  200,   30, -100,-1000,   60;",
            "  -9,-257,  -25,   84,  247,   27, -120, -987,   63;",
            " 512,   0, -256,    0,    0,    0,    0,    0,    0",
            " 256,   0,    0,    0,    0,    0,    0,    0,    0;",
            "   0,   0,  256,    0,    0,    0,    0,    0,    0;",
            " ") + "\r\n";

    @TempDir
    Path dir;

    @Test
    void rows_become_samples_in_g_at_200_hz_from_the_start_instant() throws IOException {
        SisFallTrial trial = SisFallTrial.read(write("F03_SA99_R02.txt", FIXTURE), START);

        assertThat(trial.name()).isEqualTo(new SisFallName("F03", "SA99", 2));
        List<AccelSample> samples = trial.samples();
        assertThat(samples).hasSize(5);
        AccelSample first = samples.get(0);
        assertThat(first.epochMicros()).isEqualTo(START_MICROS);
        assertThat(first.x()).isCloseTo(12 / 256.0, within(1e-12));
        assertThat(first.y()).isCloseTo(-1.0, within(1e-12));
        assertThat(first.z()).isCloseTo(-20 / 256.0, within(1e-12));
        assertThat(samples.get(4).z()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void a_skipped_row_keeps_its_time_slot_so_later_samples_keep_their_true_times() throws IOException {
        SisFallTrial trial = SisFallTrial.read(write("F03_SA99_R02.txt", FIXTURE), START);

        // Rows 1, 2, 6, 8 and 9 are good: they were taken at slots 0, 1, 5, 7 and 8 of 5 ms.
        assertThat(trial.samples()).extracting(s -> (s.epochMicros() - START_MICROS) / 5_000)
                .containsExactly(0L, 1L, 5L, 7L, 8L);
        assertThat(trial.durationSeconds()).isCloseTo(0.045, within(1e-9));
    }

    @Test
    void malformed_rows_are_counted_and_reported_by_line_number() throws IOException {
        SisFallTrial trial = SisFallTrial.read(write("F03_SA99_R02.txt", FIXTURE), START);

        assertThat(trial.malformedCount()).isEqualTo(4);
        assertThat(trial.malformed()).extracting(MalformedLine::number).containsExactly(3, 4, 5, 7);
        assertThat(trial.malformed().get(0).reason()).contains("3 fields");
        assertThat(trial.malformed().get(1).reason()).contains("field 1 is not an integer: 'abc'");
        assertThat(trial.malformed().get(2).reason()).contains("5000").contains("ADXL345");
        assertThat(trial.malformed().get(3).reason()).contains("';'");
        assertThat(trial.malformed().get(0)).hasToString("line 3: has 3 fields, expected 9");
    }

    @Test
    void plain_newlines_and_a_missing_final_newline_read_the_same() throws IOException {
        String unix = FIXTURE.replace("\r\n", "\n").stripTrailing();

        SisFallTrial trial = SisFallTrial.read(write("D01_SE99_R01.txt", unix), START);

        assertThat(trial.samples()).hasSize(5);
        assertThat(trial.name().isFall()).isFalse();
    }

    @Test
    void a_file_with_another_name_is_refused_with_the_expected_form() throws IOException {
        Path file = write("walk.txt", FIXTURE);

        assertThatThrownBy(() -> SisFallTrial.read(file, START))
                .isInstanceOf(NotSisFallException.class)
                .hasMessageContaining("walk.txt is not a SisFall trial")
                .hasMessageContaining("F05_SA01_R04.txt");
    }

    @Test
    void a_file_that_is_something_else_is_refused_with_the_first_reason() throws IOException {
        Path file = write("D01_SA99_R01.txt", "2016-07-12 00:00:01\tBedroomABed\tON\t\n2016-07-12 00:00:09\tBedroomABed\tOFF\t\n");

        assertThatThrownBy(() -> SisFallTrial.read(file, START))
                .isInstanceOf(NotSisFallException.class)
                .hasMessageContaining("is not a SisFall trial")
                .hasMessageContaining("2 of 2 rows")
                .hasMessageContaining("line 1");
    }

    @Test
    void an_empty_file_is_refused() throws IOException {
        Path file = write("D01_SA99_R01.txt", " \r\n");

        assertThatThrownBy(() -> SisFallTrial.read(file, START))
                .isInstanceOf(NotSisFallException.class)
                .hasMessageContaining("the file is empty");
    }

    @Test
    void binary_junk_is_refused_not_crashed_on() throws IOException {
        byte[] junk = new byte[4096];
        new Random(1).nextBytes(junk);
        Path file = dir.resolve("F01_SA99_R01.txt");
        Files.write(file, junk);

        assertThatThrownBy(() -> SisFallTrial.read(file, START)).isInstanceOf(NotSisFallException.class);
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.ISO_8859_1);
        return file;
    }
}
