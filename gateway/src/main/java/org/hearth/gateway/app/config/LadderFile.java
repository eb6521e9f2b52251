package org.hearth.gateway.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Adds a carer to the escalation ladder in {@code hearth.yaml} as one line, or a care hub as a new
 * section, keeping every comment and setting as written. It edits only a block-style
 * {@code carers:} list, and keeps a change only if the whole file still reads as a valid
 * configuration.
 */
public final class LadderFile {

    private LadderFile() {
    }

    /**
     * Appends {@code entry}, a line like {@code "  - {name: Priya, level: 1, endpoint: ...}"}, to the
     * carers list.
     *
     * @return false, with the file unchanged, when the list is not in a form this can edit safely
     */
    public static boolean append(Path configFile, String entry) throws IOException {
        List<String> lines = Files.readAllLines(configFile, StandardCharsets.UTF_8);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("carers:\\s*(\\[\\s*]\\s*)?(#.*)?")) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return false;
        }
        List<String> edited = new ArrayList<>(lines);
        // An empty ladder written as a flow list ("carers: []") becomes a block the entry joins.
        edited.set(start, edited.get(start).replaceFirst("\\[\\s*]", "").stripTrailing());
        // The block ends at the next line that starts a top-level key.
        int end = start + 1;
        int lastItem = start;
        for (; end < lines.size(); end++) {
            String l = lines.get(end);
            if (!l.isEmpty() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("#") && !l.startsWith("-")) {
                break;
            }
            if (!l.isBlank() && !l.strip().startsWith("#")) {
                lastItem = end;
            }
        }
        edited.add(lastItem + 1, entry);
        return replaceIfValid(configFile, edited);
    }

    /**
     * Adds a {@code hub:} section at the end of a configuration that has none.
     *
     * @return false, with the file unchanged, when it has one already or would not read as valid
     */
    public static boolean appendHub(Path configFile, java.net.URI hub, String identity) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(configFile, StandardCharsets.UTF_8));
        if (lines.stream().anyMatch(l -> l.matches("hub:.*"))) {
            return false;
        }
        lines.add("");
        lines.add("# The care hub this home reports to; its key is in the secrets file.");
        lines.addAll(hubSection(hub, identity));
        return replaceIfValid(configFile, lines);
    }

    /** The {@code hub:} section's lines for this hub and identity, as hearth.yaml spells them. */
    public static List<String> hubSection(java.net.URI hub, String identity) {
        return List.of("hub:", "  uri: " + SecretsFile.quoted(hub.toString()), "  identity: " + SecretsFile.quoted(identity));
    }

    /** Writes {@code edited} in place of the file, only if it reads as a valid configuration. */
    private static boolean replaceIfValid(Path configFile, List<String> edited) throws IOException {
        Path temp = configFile.resolveSibling("." + configFile.getFileName() + ".pairing");
        Files.write(temp, edited, StandardCharsets.UTF_8);
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(configFile);
            Files.setPosixFilePermissions(temp, mode);
            ConfigLoader.loadWithoutSecrets(temp);
        } catch (ConfigException | UnsupportedOperationException e) {
            Files.deleteIfExists(temp);
            return false;
        }
        Files.move(temp, configFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }
}
