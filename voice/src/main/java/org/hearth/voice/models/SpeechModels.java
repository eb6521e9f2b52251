package org.hearth.voice.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a language's speech model is. An installed model ({@code MODELS_DIR/<model>}, put there by
 * {@code hearth models install}) always wins. A source checkout has nothing installed, but its build
 * unpacks the English model into {@code voice/target/model-en}; the checkout's {@code ./hearth}
 * launcher names that folder's parent in the system property {@value #BUILT_MODELS_PROPERTY}, so a
 * checkout finds the model the way an installed system does. Installed systems never set it.
 */
public final class SpeechModels {

    /** A folder holding models the build unpacked, one {@code model-<name>} folder each. */
    public static final String BUILT_MODELS_PROPERTY = "hearth.built.models";

    private final Optional<Path> built;

    public SpeechModels(Optional<Path> built) {
        this.built = built;
    }

    /** As this process was started: with the checkout's built models when the launcher named them. */
    public static SpeechModels fromSystem() {
        String dir = System.getProperty(BUILT_MODELS_PROPERTY);
        return new SpeechModels(dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir)));
    }

    /**
     * The model folder to load for {@code model} (for example "en"): the installed one if there is
     * one, else the build's, else the installed path, which {@link #isModel} then finds empty.
     */
    public Path locate(Path modelsDir, String model) {
        Path installed = modelsDir.resolve(model);
        if (Files.exists(installed)) {
            return installed;
        }
        return built.map(b -> b.resolve("model-" + model)).filter(SpeechModels::isModel).orElse(installed);
    }

    /** The JVM flag a child process needs to find the same built models, if any. */
    public Optional<String> jvmFlag() {
        return built.map(b -> "-D" + BUILT_MODELS_PROPERTY + "=" + b);
    }

    /** Whether {@code dir} holds an unpacked Vosk model. */
    public static boolean isModel(Path dir) {
        return Files.isRegularFile(dir.resolve("am/final.mdl")) && Files.isDirectory(dir.resolve("conf"));
    }

    /** What to say when {@code dir} holds no model for {@code model}: where it looked, and the command that fixes it. */
    public static String missing(Path dir, String model) {
        return "no " + model + " speech model in " + dir + " (it should hold am/final.mdl and conf/). Install one with `"
                + installCommand(model) + "`";
    }

    /** The command that installs {@code model}: a pinned one needs nothing more than its language. */
    public static String installCommand(String model) {
        return "hearth models install --lang " + model
                + (PinnedModel.forLang(model).isPresent() ? "" : " --from ZIP|URL --sha256 HEX");
    }
}
