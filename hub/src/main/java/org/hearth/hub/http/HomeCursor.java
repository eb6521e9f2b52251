package org.hearth.hub.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import org.hearth.hub.store.HomeOverview;

/**
 * A place in {@code GET /homes}'s order: the last home of a page, as its attention rank, label and
 * id. Opaque to clients (base64url of a small JSON array); a page after it starts with the next
 * home in the order as it is at that request.
 */
record HomeCursor(int rank, String label, String id) {

    /** Open alerts with a silent gateway, open alerts, silent gateways, the rest; then by label, then by id. */
    static final Comparator<HomeOverview> ORDER = Comparator.comparingInt((HomeOverview h) -> rank(h)).thenComparing(HomeOverview::label)
            .thenComparing(HomeOverview::id);

    static int rank(HomeOverview h) {
        return (h.openAlerts() > 0 ? 0 : 2) + (h.connected() ? 1 : 0);
    }

    static HomeCursor of(HomeOverview h) {
        return new HomeCursor(rank(h), h.label(), h.id());
    }

    /** True when {@code h} comes after this place in the order. */
    boolean isBefore(HomeOverview h) {
        int byRank = Integer.compare(rank, rank(h));
        if (byRank != 0) {
            return byRank < 0;
        }
        int byLabel = label.compareTo(h.label());
        return byLabel != 0 ? byLabel < 0 : id.compareTo(h.id()) < 0;
    }

    String text() {
        byte[] json = Call.JSON.createArrayNode().add(rank).add(label).add(id).toString().getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    }

    /** A cursor this hub gave, or {@code 400 bad_request}. */
    static HomeCursor parse(String text) {
        try {
            JsonNode a = Call.JSON.readTree(Base64.getUrlDecoder().decode(text));
            if (a != null && a.isArray() && a.size() == 3 && a.get(0).isInt() && a.get(1).isTextual() && a.get(2).isTextual()) {
                return new HomeCursor(a.get(0).asInt(), a.get(1).asText(), a.get(2).asText());
            }
        } catch (IllegalArgumentException | IOException e) {
            // the same answer as a well-formed text that is not a cursor
        }
        throw ApiException.badRequest("after: not a cursor this hub gave (use the next of the page before)");
    }
}
