package org.hearth.gateway.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The secrets file: each carer's PSK identity and key, and the hub's key. Its problems name keys
 * ({@code secrets.carers.Priya.key}), never key material.
 */
final class SecretsSection {

    private final ConfigReader r;

    SecretsSection(ConfigReader reader) {
        this.r = reader;
    }

    /** The file a valid config names, checked against the config's ladder and hub. */
    Secrets read(HearthConfig config, JsonNode root) {
        try {
            PrivateFile.tooOpen(config.secretsFile(), "secrets_file").ifPresent(r::error);
        } catch (IOException e) {
            r.error("secrets_file: cannot read the mode of " + config.secretsFile() + ": " + e.getMessage());
        }
        Map<String, Secrets.CarerKey> keys = keys(root);
        Secrets.HubKey hubKey = hubKey(root);
        if (config.hub() != null && hubKey == null) {
            r.error("secrets.hub.key: the config has a hub: section but the secrets file has no key for it; add"
                    + " hub: {key: \"<32 hex digits>\"} from the hub's `homes add`");
        }
        // A carer without a key was revoked or is not paired yet: Hearth runs on without them,
        // as long as someone can still be told. A carer through the hub uses the hub's key.
        Predicate<HearthConfig.CarerEntry> keyed = c -> c.viaHub() ? hubKey != null : keys.containsKey(c.name());
        boolean anyone = config.carers().stream().anyMatch(keyed);
        for (int i = 0; i < config.carers().size(); i++) {
            String name = config.carers().get(i).name();
            if (keyed.test(config.carers().get(i)) || config.carers().get(i).viaHub()) {
                continue;
            }
            if (anyone) {
                r.warnings.add("carers[" + i + "].name: no key for \"" + name + "\" in the secrets file (revoked, or not paired yet); "
                        + "Hearth will not tell " + name + " until you run: hearth pair --carer " + name);
            } else {
                r.error("carers[" + i + "].name: no key for \"" + name + "\" in the secrets file; run: hearth pair --carer " + name);
            }
        }
        return new Secrets(keys, hubKey);
    }

    /** The hub's key in the secrets file, or null when there is none. */
    Secrets.HubKey hubKey(JsonNode root) {
        JsonNode hub = root.path("hub");
        if (hub.isMissingNode() || hub.isNull()) {
            return null;
        }
        if (!hub.isObject()) {
            r.error("secrets.hub: must be a mapping with key");
            return null;
        }
        r.known(hub, "secrets.hub", Settings.SECRETS_HUB.key());
        byte[] key = key(hub, "secrets.hub", Settings.SECRETS_HUB_KEY);
        return key == null ? null : new Secrets.HubKey(key);
    }

    Map<String, Secrets.CarerKey> keys(JsonNode root) {
        r.known(root, "secrets", "secrets");
        Map<String, Secrets.CarerKey> keys = new LinkedHashMap<>();
        JsonNode carers = r.object(root, "carers");
        for (Iterator<Map.Entry<String, JsonNode>> it = carers.fields(); it.hasNext(); ) {
            var e = it.next();
            String p = "secrets.carers." + e.getKey();
            r.known(e.getValue(), p, Settings.SECRETS_CARER_KEY.section());
            String identity = r.get(e.getValue(), p, Settings.SECRETS_CARER_IDENTITY);
            byte[] key = key(e.getValue(), p, Settings.SECRETS_CARER_KEY);
            if (identity != null && key != null) {
                keys.put(e.getKey(), new Secrets.CarerKey(identity, key));
            }
        }
        return keys;
    }

    /** A 16-byte key written as 32 hex digits; null (with the error) when it is not one. */
    private byte[] key(JsonNode node, String parent, Setting<String> s) {
        String path = parent + "." + s.name();
        String hex = r.get(node, parent, s);
        if (hex == null) {
            return null;
        }
        try {
            byte[] key = HexFormat.of().parseHex(hex);
            if (key.length == 16) {
                return key;
            }
            r.error(path + ": must be 16 bytes (32 hex digits), was " + key.length + " bytes");
        } catch (IllegalArgumentException e) {
            r.error(path + ": must be 32 hex digits");
        }
        return null;
    }
}
