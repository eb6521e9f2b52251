package org.hearth.voice.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hearth.voice.models.InstallException;
import org.hearth.voice.models.ModelInstaller;
import org.hearth.voice.models.ProgressBar;
import org.hearth.voice.recognition.VoskNativeLibrary;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hearth models install}: installs a Vosk language model zip, or the native
 * {@code libvosk.so} a Pi needs, from a file or URL, checked against a SHA-256.
 */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Install a speech model (--lang) or the Vosk native library (--libvosk) from a file or URL.",
            "The file must match --sha256; on any failure the installed model or library is left as it was.",
            "With no --from, `--lang en` fetches the English model from Maven Central (the artifact the build uses)",
            "and checks it against the SHA-256 pinned in Hearth's source."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:installed", "1:not installed (the message says why)", "2:wrong options"})
public final class ModelsInstallCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private What what;

    static final class What {
        @Option(names = "--lang", description = "Install a model for this language code (en, hi, gu, pl...).")
        String lang;

        @Option(names = "--libvosk", description = "Install libvosk.so (the file itself or the official zip).")
        boolean libvosk;
    }

    @Option(names = "--from", paramLabel = "PATH|URL",
            description = "The zip (or .so) to install. Leave out for English, to fetch the pinned model.")
    private String from;

    @Option(names = "--sha256", paramLabel = "HEX", description = "Its expected SHA-256, 64 hex digits (needed with --from).")
    private String sha256;

    @Option(names = "--repository", paramLabel = "URL", defaultValue = "https://repo1.maven.org/maven2/",
            description = "The Maven repository the pinned model comes from, e.g. a local mirror (default: ${DEFAULT-VALUE}).")
    private java.net.URI repository;

    @Option(names = "--models-dir", defaultValue = "/var/lib/hearth/models", description = "Where models go (default: ${DEFAULT-VALUE}).")
    private Path modelsDir;

    @Option(names = "--lib-dir", defaultValue = "/var/lib/hearth/lib", description = "Where libvosk.so goes (default: ${DEFAULT-VALUE}).")
    private Path libDir;

    @Override
    public Integer call() {
        if (from == null) {
            org.hearth.voice.models.PinnedModel pinned = what.libvosk ? null
                    : org.hearth.voice.models.PinnedModel.forLang(what.lang).orElse(null);
            if (pinned == null) {
                throw new ParameterException(spec.commandLine(), (what.libvosk ? "libvosk.so" : "A " + what.lang
                        + " model") + " has no download pinned in Hearth: give --from PATH|URL and --sha256 HEX"
                        + " (docs/voice.md lists where each comes from).");
            }
            if (sha256 != null && !sha256.strip().equalsIgnoreCase(pinned.sha256())) {
                throw new ParameterException(spec.commandLine(), "--sha256 differs from the hash pinned for the " + what.lang
                        + " model; leave it out, or give --from with the file it belongs to.");
            }
            from = pinned.url(repository);
            sha256 = pinned.sha256();
        } else if (sha256 == null) {
            throw new ParameterException(spec.commandLine(), "--from needs --sha256 HEX, the file's expected SHA-256.");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PrintStream bar = new PrintStream(new WriterOutputStream(out), true);
        String label = what.libvosk ? VoskNativeLibrary.FILE_NAME : "model " + what.lang;
        ModelInstaller installer = new ModelInstaller(modelsDir, libDir, new ProgressBar(bar, label));
        try {
            Path installed = what.libvosk ? installer.installLibrary(from, sha256)
                    : installer.installModel(what.lang, from, sha256);
            out.println("Installed " + label + " in " + installed);
            return 0;
        } catch (InstallException e) {
            err.println("Not installed: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
        }
    }

    /** Lets the progress bar write through picocli's writer, so tests can capture it. */
    private static final class WriterOutputStream extends OutputStream {
        private final PrintWriter writer;

        WriterOutputStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            writer.write(b);
        }

        @Override
        public void flush() {
            writer.flush();
        }
    }
}
