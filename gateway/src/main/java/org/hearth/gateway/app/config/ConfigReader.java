package org.hearth.gateway.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.hearth.time.Durations;

/**
 * Reads the values of {@link Settings} out of YAML nodes. Each reader records its own problem in
 * {@link #errors} (or clamps a risky duration with a warning) and returns a harmless value, so
 * the loader goes on and every problem is listed at once. Each value read, or defaulted, is kept
 * for the start-up log, secrets as {@code <masked>}.
 */
final class ConfigReader {

    final List<String> errors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    private final Map<String, String> effective = new LinkedHashMap<>();

    void error(String message) {
        errors.add(message);
    }

    int errorCount() {
        return errors.size();
    }

    /** Every value read, by its path ({@code sensors[0].pin}), secrets masked. */
    Map<String, String> effective() {
        return effective;
    }

    private <T> T kept(String path, Setting<T> s, T value) {
        if (value != null) {
            effective.put(path, s.show(value));
        }
        return value;
    }

    /** A key not in the table for {@code section} is an error: a misspelt safety setting must not silently do nothing. */
    void known(JsonNode node, String path, String section) {
        if (!node.isObject()) {
            return;
        }
        List<String> allowed = Settings.namesIn(section);
        node.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                errors.add((path.isEmpty() ? "" : path + ".") + k + ": unknown setting; expected one of " + String.join(", ", allowed));
            }
        });
    }

    /** The section {@code s} of {@code parent}, checked for unknown keys; missing when not written. */
    JsonNode section(JsonNode parent, Setting<Void> s) {
        JsonNode n = object(parent, s.name());
        known(n, s.key(), s.key());
        return n;
    }

    JsonNode object(JsonNode parent, String key) {
        JsonNode n = parent.path(key);
        if (!n.isMissingNode() && !n.isNull() && !n.isObject()) {
            errors.add(key + ": must be a mapping of settings");
            return MissingNode.getInstance();
        }
        return n.isNull() ? MissingNode.getInstance() : n;
    }

    /** Each mapping of the list {@code s} under {@code parent}, with its path ({@code radars[2]}), checked for unknown keys. */
    void eachMapping(JsonNode parent, String path, Setting<Void> s, BiConsumer<JsonNode, String> each) {
        JsonNode list = parent.path(s.name());
        if (list.isMissingNode() || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            errors.add(path + ": must be a list");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String p = path + "[" + i + "]";
            if (!list.get(i).isObject()) {
                errors.add(p + ": must be a mapping of settings");
            } else {
                known(list.get(i), p, s.key() + "[]");
                each.accept(list.get(i), p);
            }
        }
    }

    /** {@code s} in {@code node}, at its own key. */
    <T> T get(JsonNode node, Setting<T> s) {
        return get(node, s.key(), s, s.defaultValue());
    }

    /** {@code s} in an entry of a list or map, at {@code parent.name}: {@code sensors[3].pin}. */
    <T> T get(JsonNode node, String parent, Setting<T> s) {
        return get(node, parent + "." + s.name(), s, s.defaultValue());
    }

    /** As {@link #get(JsonNode, String, Setting)}, with a default that depends on another value. */
    @SuppressWarnings("unchecked")
    <T> T get(JsonNode node, String path, Setting<T> s, T def) {
        Object v = switch (s.kind()) {
            case TEXT -> s.required() ? requiredText(node, path, s) : text(node, path, s, (String) def);
            case CHOICE -> oneOf(node, path, s, (String) def);
            case CHOICES -> someOf(node, path, s, (List<String>) def);
            case BOOLEAN -> bool(node, path, s, (Boolean) def);
            case WHOLE -> integer(node, path, s, (Integer) def);
            case NUMBER -> number(node, path, s, (Double) def);
            case DURATION -> duration(node, path, s, (Duration) def);
            case TIME -> time(node, path, s, (LocalTime) def);
            case I2C_ADDRESS -> address(node, path, s, (Integer) def);
            case SECTION, LIST -> throw new IllegalArgumentException(s.key() + " is not a value");
        };
        return kept(path, s, (T) v);
    }

    /** The raw text of {@code s}, or {@code def}; for values the loader checks itself. */
    String text(JsonNode node, String path, Setting<?> s, String def) {
        JsonNode n = node.path(s.name());
        if (n.isMissingNode() || n.isNull()) {
            return def;
        }
        if (!n.isValueNode()) {
            errors.add(path + ": must be a single value");
            return def;
        }
        return n.asText();
    }

    String requiredText(JsonNode node, String path, Setting<?> s) {
        String v = text(node, path, s, null);
        if (v == null || v.isBlank()) {
            errors.add(path + ": is required");
            return null;
        }
        return v.strip();
    }

    private String oneOf(JsonNode node, String path, Setting<?> s, String def) {
        String v = text(node, path, s, def);
        if (!s.choices().contains(v)) {
            errors.add(path + ": must be one of " + String.join(", ", s.choices()) + ", was \"" + v + "\"");
            return def;
        }
        return v;
    }

    /** A list of words, each one of the choices: {@code [pa, en]}; a single word is a list of one. */
    private List<String> someOf(JsonNode node, String path, Setting<?> s, List<String> def) {
        JsonNode n = node.path(s.name());
        if (n.isMissingNode() || n.isNull()) {
            return def;
        }
        if (!n.isArray() && !n.isValueNode()) {
            errors.add(path + ": must be a list such as [" + String.join(", ", s.choices().subList(0, 2)) + "]");
            return def;
        }
        List<String> words = new ArrayList<>();
        boolean ok = true;
        for (JsonNode item : n.isArray() ? n : List.of(n)) {
            String v = item.asText();
            if (!item.isValueNode() || !s.choices().contains(v)) {
                errors.add(path + "[" + words.size() + "]: must be one of " + String.join(", ", s.choices()) + ", was \""
                        + (item.isValueNode() ? v : item.toString()) + "\"");
                ok = false;
            }
            words.add(v);
        }
        return ok ? List.copyOf(words) : def;
    }

    private Boolean bool(JsonNode node, String path, Setting<?> s, Boolean def) {
        JsonNode n = node.path(s.name());
        if (n.isMissingNode() || n.isNull()) {
            return def;
        }
        if (!n.isBoolean()) {
            errors.add(path + ": must be true or false, was \"" + n.asText() + "\"");
            return def;
        }
        return n.asBoolean();
    }

    private Double number(JsonNode node, String path, Setting<?> s, Double def) {
        JsonNode n = node.path(s.name());
        if (n.isMissingNode() || n.isNull()) {
            return def;
        }
        if (!n.isNumber()) {
            errors.add(path + ": must be a number, was \"" + n.asText() + "\"");
            return def;
        }
        double min = (Double) s.min();
        double max = (Double) s.max();
        if (n.asDouble() < min || n.asDouble() > max) {
            errors.add(path + ": must be between " + min + " and " + max + ", was " + n.asText());
            return def;
        }
        return n.asDouble();
    }

    private Integer integer(JsonNode node, String path, Setting<?> s, Integer def) {
        JsonNode n = node.path(s.name());
        if (n.isMissingNode() || n.isNull()) {
            return def;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            errors.add(path + ": must be a whole number, was \"" + n.asText() + "\"");
            return def;
        }
        int v = n.asInt();
        if (v < (Integer) s.min() || v > (Integer) s.max()) {
            errors.add(path + ": must be between " + s.min() + " and " + s.max() + ", was " + v);
            return def;
        }
        return v;
    }

    /** Durations outside [min, max] are risky rather than impossible: clamp and warn. */
    private Duration duration(JsonNode node, String path, Setting<?> s, Duration def) {
        String v = text(node, path, s, null);
        if (v == null) {
            return def;
        }
        Optional<Duration> d = Durations.parse(v);
        if (d.isEmpty()) {
            errors.add(path + ": not a duration: \"" + v + "\"; write it like 20ms, 30s, 5m, 2h or 30d");
            return def;
        }
        Duration min = (Duration) s.min();
        Duration max = (Duration) s.max();
        if (d.get().compareTo(min) < 0) {
            warnings.add(path + ": " + v + " is shorter than the safe minimum; using " + Durations.format(min));
            return min;
        }
        if (d.get().compareTo(max) > 0) {
            warnings.add(path + ": " + v + " is longer than the safe maximum; using " + Durations.format(max));
            return max;
        }
        return d.get();
    }

    /** A time of day after the setting's minimum, "10:00" or "7:30". */
    private LocalTime time(JsonNode node, String path, Setting<?> s, LocalTime def) {
        String v = text(node, path, s, null);
        if (v == null) {
            return def;
        }
        LocalTime t = clockTime(v);
        if (t == null || s.min() != null && !t.isAfter((LocalTime) s.min())) {
            errors.add(path + ": must be a time after " + s.min() + " such as " + s.defaultValue() + ", was \"" + v + "\"");
            return def;
        }
        return t;
    }

    /** "07:00" or "7:00"; null when it is not a time of day. */
    static LocalTime clockTime(String text) {
        try {
            return LocalTime.parse(text.strip().length() == 4 ? "0" + text.strip() : text.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** I2C addresses as installers write them: 0x53, or 83. */
    private Integer address(JsonNode node, String path, Setting<?> s, Integer def) {
        JsonNode n = node.path(s.name());
        if (n.isMissingNode() || n.isNull()) {
            return def;
        }
        if (n.isIntegralNumber()) {
            return n.asInt();
        }
        String text = n.asText().strip().toLowerCase(java.util.Locale.ROOT);
        try {
            return text.startsWith("0x") ? Integer.parseInt(text.substring(2), 16) : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            errors.add(path + ": not an I2C address: \"" + n.asText() + "\"; write it like 0x53");
            return def;
        }
    }

    /** The sensors module checks addresses, rates and intervals against the datasheet; its words become ours. */
    void specOrError(String path, Runnable make) {
        try {
            make.run();
        } catch (IllegalArgumentException e) {
            errors.add(path + ": " + e.getMessage());
        }
    }
}
