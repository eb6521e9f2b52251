package org.hearth.hub;

import java.nio.file.Path;
import org.hearth.hub.config.ConfigException;
import org.hearth.hub.config.HubConfig;
import org.hearth.hub.config.HubConfigLoader;
import picocli.CommandLine.Option;

/** The {@code --config} option every command shares, and loading it with every problem reported. */
final class ConfigOption {

    @Option(names = {"-c", "--config"}, defaultValue = "/etc/hearth-hub/hub.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path file;

    /** Loads the file, or prints every problem and ends the command with exit code 2. */
    HubConfig load() {
        try {
            return HubConfigLoader.load(file);
        } catch (ConfigException e) {
            System.err.println("hearth-hub: the configuration " + file + " is not valid; nothing was done:");
            e.errors().forEach(line -> System.err.println("  " + line));
            throw new Exit(HubMain.EXIT_INVALID);
        }
    }

    /** Ends a command with an exit code after it has told the user why. */
    static final class Exit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;

        Exit(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }
}
