package org.hearth.gateway.app.provision;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hearth.gateway.app.ConfigOption;
import org.hearth.gateway.app.Hearth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code hearth provision}: the installer's wizard, or the same from an answers file. The
 * questions and the writing live in {@code app.provision}; this is the command line, and the
 * steps it offers after saving: a restart, {@code hearth walk-test} and {@code hearth test-alert}.
 */
@Command(name = "provision", mixinStandardHelpOptions = true,
        description = {"Set up this home: the resident, the address, sensors, carers and thresholds, one question at a time.",
            "Writes the configuration and the carers' keys only when Hearth accepts them; the old ones are kept until then.",
            "Exit codes: 0 saved, 1 failed or left without saving, 2 invalid answers."})
public final class ProvisionCommand implements Callable<Integer> {

    /**
     * The lead's {@code hearth test-alert}, found by name among the subcommands so this command
     * does not depend on its class. Empty when it is not there.
     */
    static final String TEST_ALERT = "test-alert";

    @Mixin
    ConfigOption config;

    @Option(names = "--answers", paramLabel = "FILE",
            description = "Take the answers from this YAML file instead of asking (see config/provision.example.yaml).")
    Path answers;

    @Option(names = "--gateway", paramLabel = "URI",
            description = "How the carers' devices reach this gateway, e.g. coaps://192.168.1.20:5684 "
                    + "(default: from coap.bind and coap.port, or this machine's local address).")
    URI gateway;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (gateway != null && (!"coaps".equals(gateway.getScheme()) || gateway.getHost() == null)) {
            System.err.println("hearth: --gateway must look like coaps://HOST:PORT");
            return Hearth.EXIT_INVALID;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Provisioning provisioning = new Provisioning(config.file(), gateway, Console.of(in, out));
        return answers != null ? provisioning.fromAnswers(answers) : provisioning.interactive(new Steps());
    }

    /** The other commands, run in this process, through picocli by name. */
    private final class Steps implements Provisioning.NextSteps {
        @Override
        public int restart() {
            try {
                return new ProcessBuilder("systemctl", "restart", "hearth").inheritIO().start().waitFor();
            } catch (IOException e) {
                System.out.println("Cannot run systemctl here: " + e.getMessage());
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }

        @Override
        public int walkTest(Path file) {
            return run("walk-test", file).orElse(1);
        }

        @Override
        public Optional<Integer> testAlert(Path file) {
            return run(TEST_ALERT, file);
        }

        private Optional<Integer> run(String name, Path file) {
            CommandLine sub = spec.root().subcommands().get(name);
            return sub == null ? Optional.empty() : Optional.of(sub.execute("--config", file.toString()));
        }
    }
}
