package org.hearth.hub.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hearth.hub.store.DownEntry;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.ProtocolException;

/**
 * The uplink's JSON beyond {@code protocol}'s records: a {@code HomeSummary}, kept whole, and
 * the {@code Down} the hub sends from the entries it stored (docs/hub-api.md §2).
 */
final class UplinkJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private UplinkJson() {
    }

    /** Checks a {@code HomeSummary} is a v1 JSON object; the hub keeps it whole. */
    static void summary(byte[] payload) throws ProtocolException {
        object(payload, "summary");
    }

    /** The {@code Down} document: {@code {"v":1,"entries":[...]}}, each entry its seq, kind and body. */
    static byte[] down(List<DownEntry> entries) {
        ObjectNode down = JSON.createObjectNode().put("v", Protocol.VERSION);
        ArrayNode list = down.putArray("entries");
        for (DownEntry e : entries) {
            ObjectNode entry = list.addObject().put("seq", e.seq()).put("kind", e.kind());
            try {
                JsonNode body = JSON.readTree(e.body());
                if (body instanceof ObjectNode fields) {
                    fields.remove(List.of("seq", "kind"));
                    entry.setAll(fields);
                }
            } catch (IOException ex) {
                throw new IllegalStateException("down entry " + e.seq() + " holds no JSON object", ex);
            }
        }
        return down.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode object(byte[] payload, String what) throws ProtocolException {
        if (payload == null || payload.length == 0) {
            throw new ProtocolException("empty " + what + " payload");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(payload);
        } catch (IOException e) {
            throw new ProtocolException(what + " payload is not valid JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new ProtocolException(what + " payload is not a JSON object");
        }
        JsonNode v = tree.get("v");
        if (v == null || !v.canConvertToInt() || v.asInt() != Protocol.VERSION) {
            throw new ProtocolException(what + " has unsupported protocol version " + (v == null ? "(missing)" : v.toString())
                    + "; this side speaks v" + Protocol.VERSION);
        }
        return tree;
    }
}
