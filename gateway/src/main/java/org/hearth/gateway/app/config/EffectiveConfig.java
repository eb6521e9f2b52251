package org.hearth.gateway.app.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every value in effect after loading, defaults included, by its path ({@code sensors[0].pin}), in
 * the order read; secrets ({@link Setting#secret()}) are {@code <masked>}. Logged once at start,
 * as HikariCP logs its pool's configuration, so a journal shows what the daemon ran with.
 */
public final class EffectiveConfig {

    private final Map<String, String> values;

    EffectiveConfig(Map<String, String> values) {
        this.values = new LinkedHashMap<>(values);
    }

    /** One {@code key = value} line per setting. */
    public List<String> lines() {
        return values.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList();
    }

    /** The lines as one block for one log event. */
    @Override
    public String toString() {
        return "Configuration in effect:\n  " + String.join("\n  ", lines());
    }
}
