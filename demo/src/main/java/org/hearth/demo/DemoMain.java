package org.hearth.demo;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hearth-demo}: the parts of {@code hearth demo} that stand for the world outside the home. */
@Command(name = "hearth-demo", mixinStandardHelpOptions = true,
        description = "The home router and the carer's phone of `hearth demo`; the demo starts these itself.",
        subcommands = {NatCommand.class, WebCarerCommand.class})
public final class DemoMain implements Runnable {

    /** Exit code when something the part needs is not installed; it has said what and how to install it. */
    public static final int EXIT_MISSING = 3;

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new DemoMain()).execute(args));
    }
}
