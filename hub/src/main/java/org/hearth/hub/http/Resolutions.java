package org.hearth.hub.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hearth.hub.store.DownRecord;
import org.hearth.protocol.Down;

/**
 * The outcomes carers chose when they resolved alerts through this hub, read from the home's
 * {@code resolve} entries queued for the gateway (the hub's own records, written by
 * {@code POST …/resolve}): for a gateway whose closing event does not carry the outcome itself.
 */
final class Resolutions {

    static final Resolutions NONE = new Resolutions(Map.of());

    private final Map<String, Down.Outcome> latest;

    private Resolutions(Map<String, Down.Outcome> latest) {
        this.latest = latest;
    }

    /** From a home's entries for its gateway, in seq order: the latest entry per alert and carer counts. */
    static Resolutions of(List<DownRecord> log) {
        Map<String, Down.Outcome> latest = new HashMap<>();
        for (DownRecord r : log) {
            if (!r.kind().equals(Down.RESOLVE)) {
                continue;
            }
            try {
                JsonNode body = Call.JSON.readTree(r.body());
                latest.put(key(body.path("alert_id").asText(), body.path("by").asText()),
                        Down.Outcome.valueOf(body.path("outcome").asText().toUpperCase(Locale.ROOT)));
            } catch (IOException | IllegalArgumentException e) {
                // Written by this hub from a checked outcome; an entry that does not read back says nothing.
            }
        }
        return new Resolutions(latest);
    }

    /** The outcome {@code carer} last sent through this hub for the alert, if any. */
    Optional<Down.Outcome> of(UUID alertId, String carer) {
        return Optional.ofNullable(latest.get(key(alertId.toString(), carer)));
    }

    private static String key(String alertId, String carer) {
        return alertId + "\n" + carer;
    }
}
