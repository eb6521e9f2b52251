package org.hearth.gateway.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the secrets file for {@code hearth pair}: every carer's key, mode 0600 from the first
 * byte, replaced atomically so a crash or a power cut leaves either the old file or the new one,
 * and owned by whoever owned it before (see {@link PrivateFile}). Other carers' keys are kept as
 * they were.
 */
public final class SecretsFile {

    private SecretsFile() {
    }

    /** Adds or replaces one carer's key, creating the file if there is none. */
    public static void put(Path file, String carer, Secrets.CarerKey key) throws IOException, ConfigException {
        Secrets now = existing(file);
        Map<String, Secrets.CarerKey> keys = new LinkedHashMap<>(now.carers());
        keys.put(carer, key);
        write(file, keys, now.hub());
    }

    /** Sets the care hub's key, keeping every carer's. */
    public static void putHub(Path file, Secrets.HubKey key) throws IOException, ConfigException {
        write(file, existing(file).carers(), key);
    }

    /**
     * Removes one carer's key.
     *
     * @return false when the file holds no key for {@code carer}
     */
    public static boolean remove(Path file, String carer) throws IOException, ConfigException {
        Secrets now = existing(file);
        Map<String, Secrets.CarerKey> keys = new LinkedHashMap<>(now.carers());
        if (keys.remove(carer) == null) {
            return false;
        }
        write(file, keys, now.hub());
        return true;
    }

    private static Secrets existing(Path file) throws ConfigException {
        return ConfigLoader.loadSecretsIfPresent(file);
    }

    private static void write(Path file, Map<String, Secrets.CarerKey> keys, Secrets.HubKey hub) throws IOException {
        PrivateFile.replace(file, yaml(keys, hub));
    }

    /**
     * Writes {@code keys} to a new temporary file beside {@code file}, mode 0600 from the first
     * byte and flushed to disk, for the caller to check and then move over {@code file} with
     * {@link PrivateFile#moveInto}: this is how {@code hearth provision} replaces the config and
     * its secrets only once both are valid. The care hub's key in {@code file}, if any, is kept.
     */
    public static Path writeTemp(Path file, Map<String, Secrets.CarerKey> keys) throws IOException, ConfigException {
        return PrivateFile.writeTemp(file, yaml(keys, existing(file).hub()));
    }

    private static String yaml(Map<String, Secrets.CarerKey> keys, Secrets.HubKey hub) {
        StringBuilder yaml = new StringBuilder("""
                # Hearth secrets: each carer's pre-shared key. Mode 0600, owned by hearth.
                # Written by `hearth pair` and `hearth provision`; `hearth pair --revoke NAME` removes a carer.
                # Never share this file.
                """);
        yaml.append(keys.isEmpty() ? "carers: {}\n" : "carers:\n");
        keys.forEach((name, key) -> yaml.append("  ").append(quoted(name)).append(":\n")
                .append("    identity: ").append(quoted(key.identity())).append('\n')
                // quoted: a key of decimal digits alone would otherwise read back as a number
                .append("    key: \"").append(HexFormat.of().formatHex(key.key())).append("\"\n"));
        if (hub != null) {
            yaml.append("# The key this home shares with its care hub (hub.identity in hearth.yaml).\n")
                    .append("hub:\n  key: \"").append(HexFormat.of().formatHex(hub.key())).append("\"\n");
        }
        return yaml.toString();
    }

    /** A YAML double-quoted scalar, which is also a JSON string: safe for any name. */
    public static String quoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
