package org.hearth.voice.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hearth.voice.intent.LanguageFile;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.speech.PromptManifest;
import org.hearth.voice.speech.RecordedPrompts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hearth voice prompts}: which recorded prompts of a language are missing or will not play,
 * each with the words the translator should record. Exit 0 when every one is there, 1 when some
 * are not, 2 for a language that has no recorded prompts.
 */
@Command(name = "prompts", mixinStandardHelpOptions = true,
        description = "List the recorded prompts a language still needs (Somali: one WAV per fixed announcement).")
public final class VoicePromptsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--lang", defaultValue = "so", description = "A language with recorded prompts (default: ${DEFAULT-VALUE}).")
    private String lang;

    @Option(names = "--dir", description = "The folder of recordings (default: /var/lib/hearth/prompts/<lang>).")
    private Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!LanguageFile.ALL.contains(lang) || !LanguageResources.builtIn(lang).recordedPrompts()) {
            err.println("'" + lang + "' has no recorded prompts; it is spoken by espeak-ng");
            return 2;
        }
        RecordedPrompts prompts = new RecordedPrompts(dir != null ? dir : RecordedPrompts.DEFAULT_ROOT.resolve(lang),
                PromptManifest.builtIn());
        int missing = 0;
        for (RecordedPrompts.Status s : prompts.statuses()) {
            if (!s.recorded()) {
                missing++;
                out.printf("%s %s%s: record \"%s\" as %s%n", s.problem().orElseThrow(), s.prompt().key(),
                        s.prompt().safety() ? " (safety)" : "", s.prompt().english(), s.file().getFileName());
            }
        }
        int all = prompts.manifest().prompts().size();
        out.printf("prompts: lang=%s dir=%s recorded=%d missing=%d%n", lang, prompts.dir(), all - missing, missing);
        out.flush();
        return missing == 0 ? 0 : 1;
    }
}
