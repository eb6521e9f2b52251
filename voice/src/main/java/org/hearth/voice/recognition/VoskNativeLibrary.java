package org.hearth.voice.recognition;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the native Vosk library comes from. The vosk jar carries x86-64 builds only; on a Pi,
 * {@code hearth models install --libvosk} puts the official aarch64 {@code libvosk.so} in the lib
 * directory, and this puts that directory first on {@code jna.library.path}, which JNA searches
 * before the jar.
 */
public final class VoskNativeLibrary {

    public static final String FILE_NAME = "libvosk.so";
    public static final Path DEFAULT_DIR = Path.of("/var/lib/hearth/lib");

    private static final Logger LOG = LoggerFactory.getLogger(VoskNativeLibrary.class);

    private VoskNativeLibrary() {
    }

    /**
     * Makes JNA look in {@code dir} first if it holds {@code libvosk.so}. Call before the first
     * model loads; JNA binds the library once per process.
     *
     * @return whether the directory holds the library
     */
    public static boolean preferDirectory(Path dir) {
        if (!Files.isRegularFile(dir.resolve(FILE_NAME))) {
            return false;
        }
        String path = dir.toAbsolutePath().toString();
        String current = System.getProperty("jna.library.path", "");
        if (!(File.pathSeparator + current + File.pathSeparator).contains(File.pathSeparator + path + File.pathSeparator)) {
            System.setProperty("jna.library.path", current.isEmpty() ? path : path + File.pathSeparator + current);
            LOG.info("Using the Vosk native library installed in {}", path);
        }
        return true;
    }
}
