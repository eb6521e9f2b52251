package org.hearth.carer;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Properties;
import org.hearth.protocol.PairingCode;

/**
 * The carer's own settings file, written by {@code hearth-carer enroll}: who they are, their key
 * and where the gateway is, so {@code hearth-carer listen} needs no arguments. Mode 0600, because
 * it holds the key. {@link #toString()} masks the key.
 *
 * @param pairing the pairing code as enrolled
 * @param bind    the address this device listens on
 * @param port    the port this device listens on
 */
public record CarerSettings(PairingCode pairing, String bind, int port) {

    /** {@code $XDG_CONFIG_HOME/hearth-carer/carer.properties}, or under {@code ~/.config}. */
    public static Path defaultFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("hearth-carer").resolve("carer.properties");
    }

    /**
     * Reads the settings.
     *
     * @throws IOException in plain words when the file is missing or broken; never with the key
     */
    public static CarerSettings read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no settings at " + file + "; run hearth-carer enroll first");
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        for (String k : new String[] {"name", "identity", "key", "gateway", "bind", "port"}) {
            if (p.getProperty(k, "").isBlank()) {
                throw new IOException(file + ": " + k + " is missing; run hearth-carer enroll again");
            }
        }
        byte[] key;
        try {
            key = HexFormat.of().parseHex(p.getProperty("key").strip());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": key must be 32 hex digits");
        }
        try {
            PairingCode code = new PairingCode(URI.create(p.getProperty("gateway").strip()), p.getProperty("name"),
                    p.getProperty("identity"), key);
            return new CarerSettings(code, p.getProperty("bind").strip(), Integer.parseInt(p.getProperty("port").strip()));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Writes the settings atomically, mode 0600 from the first byte. */
    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".carer-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Properties p = new Properties();
            p.setProperty("name", pairing.name());
            p.setProperty("identity", pairing.identity());
            p.setProperty("key", HexFormat.of().formatHex(pairing.key()));
            p.setProperty("gateway", pairing.gateway().toString());
            p.setProperty("bind", bind);
            p.setProperty("port", Integer.toString(port));
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "hearth-carer settings, written by hearth-carer enroll. Mode 0600: it holds your key.");
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public String toString() {
        return "CarerSettings[" + pairing + ", " + bind + ":" + port + "]";
    }
}
