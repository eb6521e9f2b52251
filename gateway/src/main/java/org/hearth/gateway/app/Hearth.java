package org.hearth.gateway.app;

import java.util.List;
import org.hearth.gateway.app.config.Version;
import org.hearth.gateway.app.demo.DemoCommand;
import org.hearth.gateway.app.privacy.ExportCommand;
import org.hearth.gateway.app.privacy.PurgeCommand;
import org.hearth.gateway.app.provision.PairCommand;
import org.hearth.gateway.app.provision.ProvisionCommand;
import org.hearth.gateway.app.provision.TestAlertCommand;
import org.hearth.gateway.app.provision.WalkTestCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code hearth}: the gateway's command line. */
@Command(name = "hearth", mixinStandardHelpOptions = true, versionProvider = Hearth.VersionProvider.class,
        description = "Hearth: an assisted-living gateway for an older person's home.",
        subcommands = {RunCommand.class, DemoCommand.class, StatusCommand.class, AlertsCommand.class, PairCommand.class,
                ProvisionCommand.class, WalkTestCommand.class, TestAlertCommand.class, ExportCommand.class, PurgeCommand.class,
                org.hearth.voice.cli.VoiceCommands.Voice.class, org.hearth.voice.cli.VoiceCommands.Models.class})
public final class Hearth implements Runnable {

    /** Exit code for an invalid configuration or invalid arguments: fix the input and try again. */
    public static final int EXIT_INVALID = 2;

    public static void main(String[] args) {
        System.exit(execute(args, List.of()));
    }

    /**
     * Runs {@code hearth} with {@code extraCommands} added at the top level: the tools module adds
     * {@code bench} and {@code eval} this way, so the production jar holds neither.
     */
    public static int execute(String[] args, List<Object> extraCommands) {
        // One-shot commands keep their output clean; the daemon logs at INFO. Must run before any logger exists.
        boolean daemon = args.length > 0 && args[0].equals("run");
        if (System.getProperty("hearth.log.level") == null && !daemon) {
            System.setProperty("hearth.log.level", "WARN");
        }
        CommandLine cl = commandLine();
        extraCommands.forEach(cl::addSubcommand);
        return cl.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Hearth());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ConfigOption.Exit exit) {
                return exit.code;
            }
            line.getErr().println("hearth: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            org.slf4j.LoggerFactory.getLogger(Hearth.class).debug("Command failed", e);
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** {@code hearth --version}: {@link Version#current()}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"hearth " + Version.current()};
        }
    }
}
