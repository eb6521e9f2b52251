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
import picocli.CommandLine.Spec;

/**
 * {@code hearth models install}: installs a Vosk language model zip, or the native
 * {@code libvosk.so} a Pi needs, from a file or URL, checked against a SHA-256.
 */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Install a speech model (--lang) or the Vosk native library (--libvosk) from a file or URL.",
            "The file must match --sha256; on any failure the installed model or library is left as it was."},
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

    @Option(names = "--from", required = true, paramLabel = "PATH|URL", description = "The zip (or .so) to install.")
    private String from;

    @Option(names = "--sha256", required = true, paramLabel = "HEX", description = "Its expected SHA-256, 64 hex digits.")
    private String sha256;

    @Option(names = "--models-dir", defaultValue = "/var/lib/hearth/models", description = "Where models go (default: ${DEFAULT-VALUE}).")
    private Path modelsDir;

    @Option(names = "--lib-dir", defaultValue = "/var/lib/hearth/lib", description = "Where libvosk.so goes (default: ${DEFAULT-VALUE}).")
    private Path libDir;

    @Override
    public Integer call() {
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
