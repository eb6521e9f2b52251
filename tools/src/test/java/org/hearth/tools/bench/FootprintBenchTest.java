package org.hearth.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.gateway.testkit.JavaProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hearth bench footprint}, short, against the real daemon in child processes (without
 * voice, then with the English model the build unpacked): it ends with its one summary line and
 * every figure is a plausible measurement. No figure is compared with an aim: machines are noisy.
 */
@Tag("large")
class FootprintBenchTest {

    private static final Pattern SUMMARY = Pattern.compile(
            "footprint: ready_ms=(\\d+) rss_mb=(\\d+\\.\\d) rss_voice_mb=(\\d+\\.\\d) idle_cpu_pct=(\\d+\\.\\d\\d) writes_mb_per_day=(\\d+\\.\\d)");
    /** Where the voice module's build unzips the English model; the tests run from the gateway module. */
    private static final Path MODEL = Path.of("../voice/target/model-en").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void the_bench_measures_both_runs_and_prints_one_summary_line() throws Exception {
        assertThat(MODEL.resolve("am/final.mdl")).as("the English Vosk model; build through Maven, which unpacks it "
                + "(./mvnw -pl gateway -am verify)").isRegularFile();
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.createSymbolicLink(models.resolve("en"), MODEL);

        try (JavaProcess bench = JavaProcess.start(dir, "org.hearth.tools.HearthTools", "bench", "footprint",
                "--duration", "20s", "--idle", "45s", "--rate-multiplier", "4", "--starts", "2", "--models-dir", models.toString(),
                "--work-dir", dir.toString())) {
            assertThat(bench.awaitExit(Duration.ofMinutes(5))).as(bench.output()).isZero();
            List<String> lines = bench.lines();
            assertThat(lines).as(bench.output()).anyMatch(l -> l.startsWith("footprint: voice=off"))
                    .anyMatch(l -> l.startsWith("footprint: voice=on"));
            String last = lines.get(lines.size() - 1);
            Matcher m = SUMMARY.matcher(last);
            assertThat(m.matches()).as("the last line, of:%n%s", bench.output()).isTrue();

            long readyMs = Long.parseLong(m.group(1));
            double rss = Double.parseDouble(m.group(2));
            double rssVoice = Double.parseDouble(m.group(3));
            double idleCpu = Double.parseDouble(m.group(4));
            double writes = Double.parseDouble(m.group(5));
            assertThat(readyMs).as("start-up takes some time, and less than the bench's 120 s limit").isBetween(1L, 120_000L);
            assertThat(rss).as("a JVM's resident memory, in MB").isBetween(20.0, 4096.0);
            assertThat(rssVoice).isBetween(20.0, 4096.0);
            assertThat(idleCpu).as("a share of one core, in %").isBetween(0.0, 100.0);
            assertThat(writes).as("the presses' events were written to the database").isPositive();
        }
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("the runs' folders are removed").containsExactly("models");
        }
    }

    @Test
    void without_a_model_it_refuses_with_a_clear_message_unless_told_no_voice() throws Exception {
        try (JavaProcess bench = JavaProcess.start(dir, "org.hearth.tools.HearthTools", "bench", "footprint",
                "--models-dir", dir.resolve("none").toString())) {
            assertThat(bench.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(bench.output()).contains("no en speech model in " + dir.resolve("none").resolve("en"))
                    .as("names the command that fixes it").contains("hearth models install --lang en").contains("--no-voice");
        }
    }
}
