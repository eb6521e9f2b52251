package org.hearth.tools.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hearth bench}: measurements on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure parts of Hearth on this machine.",
        subcommands = {BenchAlertsCommand.class, BenchSensorsCommand.class, BenchFootprintCommand.class, org.hearth.tools.bench.BenchVoiceCommand.class})
public final class BenchCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
