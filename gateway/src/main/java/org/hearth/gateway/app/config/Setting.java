package org.hearth.gateway.app.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.hearth.time.Durations;

/**
 * One key of hearth.yaml or of the secrets file, defined once in {@link Settings}: what the loader
 * reads, the wizard checks, docs/config.md lists and the start-up log shows.
 *
 * @param key          the full key, {@code alerts.pre_alarm}; {@code sensors[].pin} for a field of
 *                     each list item, {@code secrets.carers.NAME.key} for one of each named entry
 * @param kind         how its value is written
 * @param defaultValue used when the key is left out; null when it has none (or it is required)
 * @param required     true when the key must be written
 * @param min          the least allowed value, or null; a duration outside its bounds is clamped
 *                     with a warning, any other value is refused
 * @param max          the greatest allowed value, or null
 * @param unit         the unit of a number ("°C", "days"), or empty
 * @param doc          one line for people: what it does
 * @param secret       never logged or shown, only {@code <masked>}
 * @param choices      the allowed words of a {@link Kind#CHOICE}
 */
public record Setting<T>(String key, Kind kind, T defaultValue, boolean required, T min, T max, String unit, String doc,
                         boolean secret, List<String> choices) {

    /** How a value is written in YAML. */
    public enum Kind {
        SECTION("mapping"), LIST("list"), TEXT("text"), CHOICE("one of"), BOOLEAN("true or false"), WHOLE("whole number"),
        NUMBER("number"), DURATION("duration"), TIME("time of day"), I2C_ADDRESS("I2C address"),
        /** A YAML list of words, each one of {@link Setting#choices()}: {@code [pa, en]}. */
        CHOICES("list of");

        private final String plain;

        Kind(String plain) {
            this.plain = plain;
        }

        public String plain() {
            return plain;
        }
    }

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(doc, "doc");
        unit = unit == null ? "" : unit;
        choices = List.copyOf(choices);
    }

    /** The key's last part, as written in its section: {@code pre_alarm}. */
    public String name() {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** The section it sits in: {@code alerts}, {@code sensors[]}, or empty at the top. */
    public String section() {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? "" : key.substring(0, dot);
    }

    /** The allowed values as people read them, "10s to 5m", or empty when any value will do. */
    public String range() {
        if (kind == Kind.CHOICE || kind == Kind.CHOICES) {
            return String.join(", ", choices);
        }
        if (min == null && max == null) {
            return "";
        }
        if (kind == Kind.TIME) {
            return "after " + min;
        }
        return show(min) + " to " + show(max);
    }

    /** A value as it is written in YAML: durations as {@code 30s}, whole numbers as {@code 16}. */
    public String show(Object value) {
        if (value == null) {
            return "";
        }
        if (secret) {
            return "<masked>";
        }
        if (value instanceof Duration d) {
            return Durations.format(d);
        }
        if (value instanceof Double n) {
            return n == Math.rint(n) ? Long.toString(n.longValue()) : n.toString();
        }
        if (kind == Kind.I2C_ADDRESS && value instanceof Integer a) {
            return String.format("0x%02X", a);
        }
        return value.toString();
    }
}
