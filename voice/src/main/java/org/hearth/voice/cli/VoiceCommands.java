package org.hearth.voice.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A development entry point with the voice module's commands, laid out as the gateway's
 * {@code hearth} command lays them out: {@code voice ask}, {@code models install}. The daemon does
 * not use it; {@code hearth bench voice} is in the tools module.
 */
@Command(name = "hearth-voice", mixinStandardHelpOptions = true, description = "Voice tools (development entry point).",
        subcommands = {VoiceCommands.Voice.class, VoiceCommands.Models.class})
public final class VoiceCommands {

    @Command(name = "voice", mixinStandardHelpOptions = true, description = "Talk to the assistant.",
            subcommands = {VoiceAskCommand.class, VoicePromptsCommand.class})
    public static final class Voice {
    }

    @Command(name = "models", mixinStandardHelpOptions = true, description = "Manage speech models.",
            subcommands = ModelsInstallCommand.class)
    public static final class Models {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new VoiceCommands()).execute(args));
    }
}
