package org.hearth.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hearth.sensors.sim.WornTrace;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Tag("medium")
class EvalFallsCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void evaluates_a_folder_prints_the_summary_last_and_writes_the_csv() throws IOException {
        SisFallFiles.write(dir.resolve("data"), "F04_SA99_R01.txt", WornTrace.at(200, 1).fallFromWalking().samples());
        Path csv = dir.resolve("falls.csv");

        int code = run("--data", dir.resolve("data").toString(), "--out", csv.toString());

        assertThat(code).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("falls: trials=1 falls=1 adls=0 sensitivity=1.000 specificity=n/a");
        assertThat(Files.readAllLines(csv)).first().isEqualTo("trial,label,detected,first_alert_s");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void a_missing_folder_is_exit_code_2_with_a_plain_message() {
        int code = run("--data", dir.resolve("nowhere").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("No data: ").contains("nowhere").contains("is not a folder");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void a_folder_without_trials_is_exit_code_2_with_a_plain_message() throws IOException {
        Files.writeString(dir.resolve("Readme.txt"), "nothing here");

        int code = run("--data", dir.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("holds no SisFall trial file");
    }

    @Test
    void a_folder_whose_trials_are_all_unreadable_is_exit_code_2() throws IOException {
        Files.writeString(dir.resolve("F01_SA99_R01.txt"), "garbage\n");

        int code = run("--data", dir.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("F01_SA99_R01.txt is not a SisFall trial").contains("could be read");
    }

    @Test
    void data_is_required() {
        int code = run();

        assertThat(code).isEqualTo(2); // picocli's usage error
        assertThat(err.toString()).contains("--data");
    }

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new EvalFallsCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }
}
