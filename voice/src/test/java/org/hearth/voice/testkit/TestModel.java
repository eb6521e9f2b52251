package org.hearth.voice.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.voice.intent.LanguageResources;
import org.hearth.voice.recognition.EndpointSettings;
import org.hearth.voice.recognition.VoskModel;
import org.hearth.voice.recognition.VoskSpeechRecognizer;

/**
 * The English model the build unzipped into voice/target/model-en, loaded once per test JVM, and
 * one grammar recogniser made from it, shared by the medium tests as the daemon shares them.
 */
public final class TestModel {

    private static VoskModel model;
    private static VoskSpeechRecognizer english;

    private TestModel() {
    }

    public static Path dir() {
        String prop = System.getProperty("hearth.model.en");
        if (prop == null || !Files.isRegularFile(Path.of(prop, "am", "final.mdl"))) {
            throw new IllegalStateException("The English Vosk model is missing (hearth.model.en=" + prop + "). Run the"
                    + " tests through Maven: the build copies com.alphacephei:vosk-model-en:aar and unzips it into"
                    + " voice/target/model-en.");
        }
        return Path.of(prop);
    }

    public static synchronized VoskModel model() {
        if (model == null) {
            try {
                model = VoskModel.load(dir());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return model;
    }

    /**
     * A new English grammar recogniser on a newly loaded model. Vosk adapts to the speaker
     * (i-vectors) as it hears, and not only per recogniser: a recogniser made later from the same
     * model hears the same clip a little differently. Tests that measure accuracy take their own
     * model, so their figures do not depend on which tests ran before them. The model is never
     * closed: the test JVM ends soon, and closing it under a live recogniser would crash.
     */
    public static VoskSpeechRecognizer freshEnglish() {
        try {
            return VoskModel.load(dir()).grammarRecognizer(LanguageResources.builtIn("en").grammarPhrases(),
                    EndpointSettings.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared English grammar recogniser; callers on one thread at a time, as in the daemon. */
    public static synchronized VoskSpeechRecognizer english() {
        if (english == null) {
            try {
                english = model().grammarRecognizer(LanguageResources.builtIn("en").grammarPhrases(),
                        EndpointSettings.DEFAULT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return english;
    }
}
