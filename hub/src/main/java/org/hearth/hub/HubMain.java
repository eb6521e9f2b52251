package org.hearth.hub;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hearth-hub}: the care hub's command line. */
@Command(name = "hearth-hub", mixinStandardHelpOptions = true, versionProvider = HubMain.Version.class,
        description = "Hearth's care hub: gateways dial out to it; it keeps their homes' alerts and tells them what carers did.",
        subcommands = {RunCommand.class, HomesCommand.class, InviteCommand.class, RevokeCommand.class, StatusCommand.class, ExportCommand.class,
            org.hearth.hub.bench.BenchCommand.class})
public final class HubMain implements Runnable {

    /** Exit code for an invalid configuration or invalid arguments: fix the input and try again. */
    public static final int EXIT_INVALID = 2;

    public static void main(String[] args) {
        boolean daemon = args.length > 0 && args[0].equals("run");
        if (System.getProperty("hearth.log.level") == null && !daemon) {
            System.setProperty("hearth.log.level", "WARN");
        } else if (System.getProperty("hearth.log.level") == null) {
            System.setProperty("hearth.log.level", "INFO");
        }
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new HubMain());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ConfigOption.Exit exit) {
                return exit.code;
            }
            line.getErr().println("hearth-hub: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            org.slf4j.LoggerFactory.getLogger(HubMain.class).debug("Command failed", e);
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = HubMain.class.getPackage().getImplementationVersion();
            return new String[] {"hearth-hub " + (v == null ? "development" : v)};
        }
    }
}
