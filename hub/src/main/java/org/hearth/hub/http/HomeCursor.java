package org.hearth.hub.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import org.hearth.hub.store.HomeOverview;

/**
 * A place in {@code GET /homes}'s order: the last home of a page, as its attention rank, how long
 * its oldest unanswered alert has waited, label and id. Opaque to clients (base64url of a small JSON
 * array); a page after it starts with the next home in the order as it is at that request.
 *
 * @param waitingMs the hub's time of the home's oldest unanswered alert, in epoch ms; 0 for none
 */
record HomeCursor(int rank, long waitingMs, String label, String id) {

    /**
     * Unanswered alerts, the longest waiting first; gateways not connected; open alerts someone is
     * answering; the rest; then by label, then by id (docs/hub-api.md, "The order of GET /homes").
     */
    static final Comparator<HomeCursor> ORDER = Comparator.comparingInt(HomeCursor::rank).thenComparingLong(HomeCursor::waitingMs)
            .thenComparing(HomeCursor::label).thenComparing(HomeCursor::id);

    static int rankOf(HomeOverview h) {
        if (h.unanswered() > 0) {
            return 0;
        }
        if (!h.connected()) {
            return 1;
        }
        return h.openAlerts() > 0 ? 2 : 3;
    }

    static HomeCursor of(HomeOverview h) {
        long waiting = h.unanswered() > 0 ? h.waitingSince().map(Instant::toEpochMilli).orElse(0L) : 0L;
        return new HomeCursor(rankOf(h), waiting, h.label(), h.id());
    }

    /** True when {@code h} comes after this place in the order. */
    boolean isBefore(HomeOverview h) {
        return ORDER.compare(this, of(h)) < 0;
    }

    String text() {
        byte[] json = Call.JSON.createArrayNode().add(rank).add(waitingMs).add(label).add(id).toString().getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    }

    /** A cursor this hub gave, or {@code 400 bad_request}. */
    static HomeCursor parse(String text) {
        try {
            JsonNode a = Call.JSON.readTree(Base64.getUrlDecoder().decode(text));
            if (a != null && a.isArray() && a.size() == 4 && a.get(0).isInt() && a.get(1).canConvertToLong() && a.get(1).isIntegralNumber()
                    && a.get(2).isTextual() && a.get(3).isTextual()) {
                return new HomeCursor(a.get(0).asInt(), a.get(1).asLong(), a.get(2).asText(), a.get(3).asText());
            }
        } catch (IllegalArgumentException | IOException e) {
            // the same answer as a well-formed text that is not a cursor
        }
        throw ApiException.badRequest("after: not a cursor this hub gave (use the next of the page before)");
    }
}
