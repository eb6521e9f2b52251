package org.hearth.voice.models;

import java.net.URI;
import java.util.Optional;

/**
 * A model an installer can fetch with no hash hunting: the same Maven Central artifact the build
 * unpacks, with its SHA-256 written here. Maven Central's own {@code .sha1} for the artifact
 * matched the file this hash was taken from.
 *
 * @param lang     the language code it is installed as
 * @param path     the artifact's path under a Maven repository
 * @param sha256   the artifact's SHA-256
 */
public record PinnedModel(String lang, String path, String sha256) {

    /** Maven Central, where the build gets the same artifact. */
    public static final URI MAVEN_CENTRAL = URI.create("https://repo1.maven.org/maven2/");

    /** {@code com.alphacephei:vosk-model-en:0.3.45:aar}, the version the build uses ({@code vosk.version}). */
    static final PinnedModel ENGLISH = new PinnedModel("en",
            "com/alphacephei/vosk-model-en/0.3.45/vosk-model-en-0.3.45.aar",
            "8a5792fccaf873b4745dbd1b3fe19d8a77a15898e806674020eea820424771cd");

    /** The pinned model for {@code lang}, if there is one; only English is published on Maven Central. */
    public static Optional<PinnedModel> forLang(String lang) {
        return ENGLISH.lang.equals(lang) ? Optional.of(ENGLISH) : Optional.empty();
    }

    /** Where to fetch it from {@code repository}, a Maven repository's base URL. */
    public String url(URI repository) {
        String base = repository.toString();
        return (base.endsWith("/") ? base : base + "/") + path;
    }
}
