package org.hearth.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Tag("small")
class EvalInactivityCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void prints_the_summary_lines_in_their_exact_format_and_writes_the_csv() throws IOException {
        Path events = write("home.txt", new SyntheticCilLog(1).days(LocalDate.of(2021, 3, 1), 3).text());
        Path csv = dir.resolve("alerts.csv");

        int code = run("--events", events.toString(), "--format", "cil", "--inject-collapses", "5", "--seed", "3",
                "--out", csv.toString());

        assertThat(code).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("inactivity: days=\\d+\\.\\d{2} alerts=\\d+ alerts_per_week=\\d+\\.\\d{2}");
        assertThat(lines.get(1)).matches("checkins: per_week=\\d+\\.\\d{2}");
        assertThat(lines.get(2)).matches("collapses: injected=5 detected=\\d+ median_delay_min=(\\d+\\.\\d|n/a)");
        assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8)).first().isEqualTo("time,kind,collapse,detail");
        assertThat(Files.readString(csv)).contains(",collapse,1,\"copy 1: the log is cut here");
    }

    @Test
    void collapses_in_an_active_synthetic_home_are_found_within_the_hour() {
        Path events = write("home.txt", new SyntheticCilLog(2).days(LocalDate.of(2021, 3, 1), 4).text());

        run("--events", events.toString(), "--format", "cil", "--inject-collapses", "20", "--seed", "5");

        assertThat(out.toString()).contains("inactivity: days=3.95 alerts=0 alerts_per_week=0.00")
                .contains("collapses: injected=20 detected=20 median_delay_min=");
        double median = Double.parseDouble(out.toString().replaceAll("(?s).*median_delay_min=([0-9.]+).*", "$1"));
        assertThat(median).isBetween(20.0, 60.0);
    }

    @Test
    void malformed_lines_are_reported_with_their_numbers_and_the_rest_is_replayed() {
        Path events = write("home.txt", new SyntheticCilLog(1).days(LocalDate.of(2021, 3, 1), 1)
                .line("2021-03-02 25:61:00\tKitchenASink\tON\t").line("garbage").text());

        int code = run("--events", events.toString(), "--format", "cil");

        assertThat(code).isZero();
        assertThat(err.toString()).contains("2 lines not read: line ").contains("bad timestamp '2021-03-02 25:61:00'")
                .contains("no tab-separated fields (\"garbage\")").contains("(\"2021-03-02 25:61:00\\tKitchenASink\\tON\")");
        assertThat(out.toString()).startsWith("inactivity: days=");
    }

    @Test
    void a_missing_file_exits_with_2_and_says_so() {
        int code = run("--events", dir.resolve("nope.txt").toString(), "--format", "cil");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("nope.txt: no such file");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void a_file_in_the_wrong_layout_exits_with_2_and_says_which_layout_was_expected() {
        Path classic = write("classic.txt", "2010-11-04 00:03:50.209589 M003 ON\n2010-11-04 00:03:57.399391 M003 OFF\n");

        int code = run("--events", classic.toString(), "--format", "cil");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("is not a cil event log (timestamp<TAB>sensor<TAB>ON|OFF<TAB>)");
    }

    @Test
    void an_unknown_format_exits_with_2() {
        Path events = write("home.txt", new SyntheticCilLog(1).days(LocalDate.of(2021, 3, 1), 1).text());

        assertThat(run("--events", events.toString(), "--format", "json")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown --format 'json': use cil or casas.");
    }

    @Test
    void the_events_option_is_required() {
        assertThat(run("--format", "cil")).isEqualTo(2);
        assertThat(err.toString()).contains("--events");
    }

    @Test
    void two_residents_are_simulated_weeks_with_one_more_line() {
        int code = run("--residents", "2", "--weeks", "1", "--inject-collapses", "2", "--seed", "4");

        assertThat(code).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("inactivity: days=7.00 ");
        assertThat(lines.get(3)).matches("residents: 2 rule=household outings=\\d+ other_home=\\d+ collapses_alone=1 detected_alone=[01] "
                + "median_delay_alone_min=(\\d+\\.\\d|n/a) alone_other_back_first=[01] collapses_other_home=1 detected_other_home=[01]");
    }

    @Test
    void three_residents_and_no_events_for_one_are_refused() {
        assertThat(run("--residents", "3")).isEqualTo(EvalInactivityCommand.BAD_INPUT);
        assertThat(err.toString()).contains("--residents must be 1 or 2 (2 with no --events: simulated weeks), was 3.");
        assertThat(run("--residents", "2", "--weeks", "0")).isEqualTo(EvalInactivityCommand.BAD_INPUT);
        assertThat(run()).isEqualTo(EvalInactivityCommand.BAD_INPUT);
        assertThat(err.toString()).contains("Give --events FILE and --format cil|casas, or --residents 2");
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new EvalInactivityCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
