package org.hearth.voice.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fixed announcements a language with recorded prompts needs, one recording each: the
 * built-in {@code org/hearth/voice/prompts/manifest.txt}. Each line is {@code key [!] = words},
 * where the key is the reply key the assistant speaks, '!' marks an announcement about safety,
 * and the words are what the translator records (said in English while the recording is missing).
 */
public final class PromptManifest {

    /** One announcement to record. */
    public record Prompt(String key, boolean safety, String english) {
    }

    private final Map<String, Prompt> prompts;
    private final List<String> order;

    private PromptManifest(Map<String, Prompt> prompts) {
        this.prompts = Map.copyOf(prompts);
        this.order = List.copyOf(prompts.keySet());
    }

    public static PromptManifest builtIn() {
        String path = "/org/hearth/voice/prompts/manifest.txt";
        try (InputStream in = PromptManifest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + path);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    static PromptManifest parse(String text) {
        Map<String, Prompt> prompts = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf(" = ");
            String[] head = eq < 0 ? new String[0] : line.substring(0, eq).strip().split("\\s+");
            if (head.length == 0 || head.length > 2 || (head.length == 2 && !head[1].equals("!"))
                    || line.substring(eq + 3).isBlank() || line.contains("{")) {
                throw new IllegalArgumentException("prompt manifest line " + (i + 1)
                        + ": expected 'key [!] = words' with no {placeholder}, got: " + line);
            }
            if (prompts.put(head[0], new Prompt(head[0], head.length == 2, line.substring(eq + 3).strip())) != null) {
                throw new IllegalArgumentException("prompt manifest line " + (i + 1) + ": '" + head[0] + "' twice");
            }
        }
        return new PromptManifest(prompts);
    }

    /** Every prompt, in the manifest's order. */
    public List<Prompt> prompts() {
        List<Prompt> out = new ArrayList<>();
        order.forEach(k -> out.add(prompts.get(k)));
        return out;
    }

    public Optional<Prompt> prompt(String key) {
        return Optional.ofNullable(prompts.get(key));
    }
}
