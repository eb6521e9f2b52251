package org.hearth.gateway.app;

import java.nio.file.Path;
import org.hearth.gateway.app.config.ConfigException;
import org.hearth.gateway.app.config.ConfigLoader;
import picocli.CommandLine.Option;

/** The {@code --config} option every command shares, and loading it with every problem reported. */
public final class ConfigOption {

    @Option(names = {"-c", "--config"}, defaultValue = "/etc/hearth/hearth.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path file;

    /** The configuration file named. */
    public Path file() {
        return file;
    }

    /** Loads the file, or prints every problem and ends the command with exit code 2. */
    public ConfigLoader.Loaded load() {
        try {
            return ConfigLoader.load(file);
        } catch (ConfigException e) {
            System.err.println("hearth: the configuration " + file + " is not valid; nothing was done:");
            e.errors().forEach(line -> System.err.println("  " + line));
            throw new Exit(Hearth.EXIT_INVALID);
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
