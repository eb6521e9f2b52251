package org.hearth.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command of {@code hearth}, groups included, answers {@code --help} with its usage and exit code 0. */
@Tag("small")
class HelpTest {

    @ParameterizedTest(name = "hearth {0} --help")
    @MethodSource("commands")
    void every_command_answers_help(String command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Hearth.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");

        int code = cl.execute(args.toArray(String[]::new));

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Usage: hearth" + (command.isEmpty() ? "" : " " + command));
    }

    @Test
    void the_walk_finds_the_command_groups() {
        assertThat(commands()).contains("", "voice", "voice ask", "models", "models install", "run", "status", "test-alert");
    }

    @Test
    void the_installed_command_has_no_bench_or_eval() {
        // They are the tools module's (HearthTools), which ./hearth runs from a checkout and the package does not hold.
        assertThat(commands()).noneMatch(c -> c.startsWith("bench") || c.startsWith("eval"));
    }

    /** Every command's path below {@code hearth}: "" for hearth itself, then "voice", "voice ask" and so on. */
    static List<String> commands() {
        List<String> paths = new ArrayList<>();
        walk(Hearth.commandLine(), "", paths);
        return paths;
    }

    private static void walk(CommandLine cl, String path, List<String> paths) {
        paths.add(path);
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) {
                walk(sub, Stream.of(path, name).filter(s -> !s.isEmpty()).reduce((a, b) -> a + " " + b).orElseThrow(), paths);
            }
        });
    }
}
