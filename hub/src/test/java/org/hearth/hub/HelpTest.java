package org.hearth.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

@Tag("small")
class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "run", "homes", "homes add", "homes list", "homes remove", "invite", "revoke", "status", "export"})
    void every_command_has_help(String command) {
        CommandLine cl = HubMain.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        String[] args = (command.isEmpty() ? "--help" : command + " --help").split(" ");
        assertThat(cl.execute(args)).isZero();
        assertThat(out.toString()).startsWith("Usage: hearth-hub" + (command.isEmpty() ? "" : " " + command));
    }
}
