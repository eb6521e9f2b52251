package org.hearth.tools.eval;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hearth eval}: run the detectors over real recorded data and report how well they do. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate the detectors on recorded data.",
        subcommands = {EvalFallsCommand.class, EvalInactivityCommand.class})
public final class EvalCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
