package org.hearth.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./hearth bench ...} and {@code ./hearth eval ...} run through {@link HearthTools}: the
 * gateway's command line with this module's two commands added, each answering {@code --help}.
 */
@Tag("small")
class HearthToolsTest {

    @ParameterizedTest(name = "hearth {0} --help")
    @ValueSource(strings = {"bench", "bench alerts", "bench sensors", "bench footprint", "bench voice", "eval", "eval falls",
        "eval inactivity", "run", "voice ask"})
    void every_command_answers_help_under_hearth(String command) {
        List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = org.hearth.gateway.app.Hearth.execute(args.toArray(String[]::new), HearthTools.commands());
        } finally {
            System.setOut(saved);
        }
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: hearth " + command);
    }
}
