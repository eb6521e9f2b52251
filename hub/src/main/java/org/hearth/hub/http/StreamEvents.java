package org.hearth.hub.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.hearth.hub.store.StreamEvent;

/** A stream entry as Server-Sent Events text: {@code id}, {@code event} and one line of JSON {@code data}. */
final class StreamEvents {

    private StreamEvents() {
    }

    static String render(StreamEvent e) {
        return "id: " + e.id() + "\nevent: " + name(e.kind()) + "\ndata: " + data(e) + "\n\n";
    }

    static String name(StreamEvent.Kind kind) {
        return switch (kind) {
            case ALERT -> "alert";
            case ALERT_EVENT -> "alert-event";
            case SUMMARY -> "summary";
            case GATEWAY_SILENT, GATEWAY_BACK -> "gateway";
        };
    }

    /** The JSON on one line: re-serialised, since a line break would end the {@code data} field. */
    private static String data(StreamEvent e) {
        return switch (e.kind()) {
            case ALERT -> AlertViews.ofNew(e.homeId(), e.json(), e.at()).toString();
            case ALERT_EVENT -> tree(e.json()).toString();
            case SUMMARY -> ((ObjectNode) tree(e.json())).put("received_at", e.at().toString()).toString();
            case GATEWAY_SILENT, GATEWAY_BACK -> Call.JSON.createObjectNode().put("home", e.homeId())
                    .put("connected", e.kind() == StreamEvent.Kind.GATEWAY_BACK).put("since", e.at().toString()).toString();
        };
    }

    private static JsonNode tree(String json) {
        try {
            return Call.JSON.readTree(json);
        } catch (IOException e) {
            // The uplink stored it only after decoding it.
            throw new UncheckedIOException("a stored stream entry is not JSON any more", e);
        }
    }
}
