package org.hearth.tools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hearth.voice.models.SpeechModels;
import org.hearth.voice.recognition.VoskNativeLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hearth bench voice}: decodes generated English clips with the installed model and prints
 * {@code voice: clips=N decode_ms=D reply_ms=R rtf=X rss_mb=M}. Needs espeak-ng and sox.
 */
@Command(name = "voice", mixinStandardHelpOptions = true,
        description = {"Benchmark the English voice pipeline on clips made with espeak-ng and sox.",
            "Prints: voice: clips=N decode_ms=D reply_ms=R rtf=X rss_mb=M",
            "decode_ms and reply_ms are means per clip; rss_mb is the peak resident memory."})
public final class BenchVoiceCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", description = "The English model folder (default: <models-dir>/en).")
    private Path model;

    @Option(names = "--models-dir", defaultValue = "/var/lib/hearth/models",
            description = "Installed models (default: ${DEFAULT-VALUE}; from a checkout, the model the build unpacked when none is installed).")
    private Path modelsDir;

    @Option(names = "--lib-dir", defaultValue = "/var/lib/hearth/lib", description = "Where an installed libvosk.so lives (default: ${DEFAULT-VALUE}).")
    private Path libDir;

    @Option(names = "--clips", defaultValue = "40", description = "How many clips (default: ${DEFAULT-VALUE}).")
    private int clips;

    @Option(names = "--models", defaultValue = "1",
            description = "Load the model this many times and decode each clip with each, as a household of that many"
                    + " languages would (default: ${DEFAULT-VALUE}).")
    private int models;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for choosing phrases (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (clips < 1 || clips > 10_000) {
            err.println("--clips must be 1 to 10000");
            return 2;
        }
        Path modelDir = model != null ? model : SpeechModels.fromSystem().locate(modelsDir, "en");
        if (model == null && !SpeechModels.isModel(modelDir)) {
            err.println("bench voice: " + SpeechModels.missing(modelDir, "en") + ", or give a model folder with --model DIR.");
            return 1;
        }
        VoskNativeLibrary.preferDirectory(libDir);
        try {
            VoiceBench.Result r = VoiceBench.run(modelDir, clips, seed, models);
            out.println(r.line());
            return 0;
        } catch (IllegalStateException | IOException e) {
            err.println("bench voice: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
        }
    }
}
