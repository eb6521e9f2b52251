package org.hearth.gateway.coap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The credential for local control ({@code /local/...} on the loopback port): 32 random bytes,
 * new at every start of the daemon, which writes them as hex to {@value #FILE_NAME} in its data
 * directory, mode 0600. Whoever can read that file (root and the daemon's user) may act; a tool
 * sends the text as the request's payload. Other local users may still read {@code /status}.
 */
public final class LocalToken {

    /** The token's file, in the data directory. */
    public static final String FILE_NAME = "local-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] text;

    private LocalToken(String text) {
        this.text = text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A new random token. */
    public static LocalToken random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new LocalToken(HexFormat.of().formatHex(bytes));
    }

    /** The token the running daemon wrote into {@code dataDir}, for a local tool to send. */
    public static LocalToken read(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            return new LocalToken(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (AccessDeniedException e) {
            throw new IOException("cannot read Hearth's local control token " + file
                    + ": permission denied. Run this as root (sudo) or as the hearth user.", e);
        } catch (NoSuchFileException e) {
            throw new IOException("there is no local control token " + file + ": Hearth has not started with this data directory",
                    e);
        }
    }

    /** The text to send, and to write to the file. */
    public String text() {
        return new String(text, StandardCharsets.US_ASCII);
    }

    /** True when {@code presented} is this token; compared in constant time, so timing tells nothing of it. */
    public boolean matches(byte[] presented) {
        return presented != null && MessageDigest.isEqual(text, presented);
    }

    /** Never the token itself: it must not reach a log. */
    @Override
    public String toString() {
        return "LocalToken[<masked>]";
    }
}
