package org.hearth.hub.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hearth.hub.store.Receipt;
import org.hearth.hub.store.StoredAlert;
import org.hearth.hub.store.StoredEvent;
import org.hearth.protocol.Alert;
import org.hearth.protocol.AlertEvent;
import org.hearth.protocol.Down;
import org.hearth.protocol.ProtocolException;
import org.hearth.protocol.WireCodec;

/**
 * {@code AlertView}s (docs/hub-api.md §3) from what the gateway sent: the alert, and its events
 * for the state, who was told, who is on the way, and the trail.
 */
final class AlertViews {

    /** The state the hub keeps for a closed alert. */
    static final String RESOLVED = "resolved";
    /** The state the hub keeps for an alert until its first event. */
    static final String RAISED = "raised";
    /** The states in which no carer has acknowledged yet, so the ladder may still tell the next level. */
    private static final java.util.Set<String> UNANSWERED = java.util.Set.of(RAISED, "delivered");

    private AlertViews() {
    }

    static boolean isOpen(StoredAlert alert) {
        return !RESOLVED.equals(alert.state());
    }

    /** The view; with {@code trail}, every event too; {@code resolutions} for the outcome of a gateway's event that has none. */
    static ObjectNode of(StoredAlert stored, List<StoredEvent> storedEvents, List<Receipt> receipts, Resolutions resolutions,
                         boolean trail) {
        Alert alert = decode(stored);
        List<AlertEvent> events = storedEvents.stream().map(AlertViews::decode).toList();
        ObjectNode view = Call.JSON.createObjectNode()
                .put("id", alert.id().toString())
                .put("home", stored.homeId())
                .put("kind", alert.kind().name().toLowerCase(Locale.ROOT))
                .put("severity", alert.severity().name().toLowerCase(Locale.ROOT))
                .put("room", alert.room())
                .put("raised_at", alert.raisedAt().toString())
                .put("words", alert.message())
                .put("test", alert.test())
                .put("state", stored.state())
                .put("level", events.isEmpty() ? alert.level() : events.get(events.size() - 1).level());
        // Told: the carers the gateway's DELIVERED events name (the hub had it for them), and any whose
        // device said it received it; delivered_at is that carer's first device receipt, null before.
        Map<String, ObjectNode> told = new LinkedHashMap<>();
        ArrayNode onTheWay = view.putArray("on_the_way");
        for (AlertEvent e : events) {
            if (e.event().equals("DELIVERED") && !e.carer().isEmpty()) {
                told.computeIfAbsent(e.carer(), c -> newTold(c)).put("told_at", e.at().toString());
            } else if (e.event().equals("ACKNOWLEDGED") && !e.carer().isEmpty()) {
                onTheWay.addObject().put("carer", e.carer()).put("at", e.at().toString());
            }
        }
        for (Receipt r : receipts) {
            ObjectNode t = told.computeIfAbsent(r.carer(), c -> newTold(c));
            if (t.get("delivered_at").isNull()) {
                t.put("delivered_at", r.received().toString());
            }
        }
        view.putArray("told").addAll(told.values());
        // Who is told next, and when, unless someone answers: the gateway's ladder as its latest event left it, only
        // while nobody has acknowledged (a gateway that predates next_at sends none, and the field stays out).
        AlertEvent latest = events.isEmpty() ? null : events.get(events.size() - 1);
        if (latest != null && latest.nextAt() != null && UNANSWERED.contains(stored.state())) {
            view.putObject("next_escalation").put("at", latest.nextAt().toString()).put("to", latest.nextTo());
        }
        // How it ended: the gateway's event that closed it (its own words, e.g. the outcome a carer chose), for the history.
        AlertEvent ended = isOpen(stored) ? null : events.stream().filter(e -> e.state().equals(RESOLVED)).findFirst().orElse(null);
        if (ended == null) {
            view.putNull("ended");
        } else {
            // The outcome as a value: the gateway's own, else the one the closing carer sent through this hub.
            Down.Outcome outcome = ended.outcome() != null ? ended.outcome()
                    : ended.carer().isEmpty() ? null : resolutions.of(alert.id(), ended.carer()).orElse(null);
            view.putObject("ended").put("at", ended.at().toString()).put("event", ended.event()).put("carer", ended.carer())
                    .put("words", ended.detail()).put("outcome", outcome == null ? null : outcome.wire());
        }
        if (trail) {
            ArrayNode list = view.putArray("trail");
            for (AlertEvent e : events) {
                list.addObject().put("seq", e.seq()).put("at", e.at().toString()).put("event", e.event()).put("state", e.state())
                        .put("carer", e.carer()).put("words", e.detail());
            }
        }
        return view;
    }

    private static ObjectNode newTold(String carer) {
        ObjectNode t = Call.JSON.createObjectNode().put("carer", carer);
        t.putNull("told_at");
        t.putNull("delivered_at");
        return t;
    }

    /** The view of an alert as it was when it arrived: raised, no events yet. */
    static ObjectNode ofNew(String homeId, String json, java.time.Instant received) {
        Alert alert;
        try {
            alert = WireCodec.decodeAlert(json.getBytes(StandardCharsets.UTF_8));
        } catch (ProtocolException e) {
            throw new IllegalStateException("a stored alert no longer decodes: " + e.getMessage(), e);
        }
        return of(new StoredAlert(alert.id(), homeId, json, received, RAISED, 0), List.of(), List.of(), Resolutions.NONE, false);
    }

    private static Alert decode(StoredAlert stored) {
        try {
            return WireCodec.decodeAlert(stored.json().getBytes(StandardCharsets.UTF_8));
        } catch (ProtocolException e) {
            // The uplink stored it only after decoding it the same way.
            throw new IllegalStateException("stored alert " + stored.id() + " no longer decodes: " + e.getMessage(), e);
        }
    }

    private static AlertEvent decode(StoredEvent stored) {
        try {
            return WireCodec.decodeAlertEvent(stored.json().getBytes(StandardCharsets.UTF_8));
        } catch (ProtocolException e) {
            throw new IllegalStateException("stored event " + stored.alertId() + ":" + stored.seq() + " no longer decodes", e);
        }
    }
}
