package org.hearth.hub.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.hearth.hub.store.AccessEntry;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.StoredAlert;

/**
 * Everything the hub holds about one home (docs/hub-api.md, "A home's export"): its label, the
 * carers invited and their devices (no codes, credentials or push keys), every alert as its gateway
 * sent it with its events and receipts, the latest summary, what carers did through the hub, the
 * gateway's liveness, and the access log. The export is written to the home's access log first,
 * so the export holds its own line. The home's key is not in it.
 */
public final class HomeExport {

    /** The {@code v} of the document. */
    public static final int VERSION = 1;
    /** Who the access log names for an export made with {@code hearth-hub export} on the hub's machine. */
    public static final String COMMAND_LINE = "hearth-hub export";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final HubStore store;
    private final Clock clock;

    public HomeExport(HubStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The home's export, or empty when there is no such home.
     *
     * @param who who asked, as the access log names them: a device id, or {@link #COMMAND_LINE}
     */
    public Optional<ObjectNode> of(String homeId, String who) {
        Optional<Home> found = store.home(homeId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Home home = found.get();
        Instant now = clock.instant();
        store.logAccess(new AccessEntry(now, who, home.id(), "export"));
        ObjectNode doc = JSON.createObjectNode().put("v", VERSION).put("exported_at", now.toString()).put("by", who);
        doc.putObject("home").put("id", home.id()).put("label", home.label()).put("identity", home.identity())
                .put("created_at", home.created().toString())
                .put("phone", home.phone().orElse(null));
        ArrayNode invites = doc.putArray("invites");
        store.invites(home.id()).forEach(i -> invites.addObject().put("carer", i.carer()).put("level", i.level())
                .put("created_at", i.created().toString()).put("expires_at", i.expires().toString())
                .put("used_at", i.used().map(Instant::toString).orElse(null)));
        ArrayNode devices = doc.putArray("devices");
        store.homeDevices(home.id()).forEach(d -> devices.addObject().put("id", d.id()).put("carer", d.carer()).put("name", d.name())
                .put("level", d.level()).put("created_at", d.created().toString())
                .put("revoked_at", d.revoked().map(Instant::toString).orElse(null)).put("push_subscription", d.push()));
        ArrayNode alerts = doc.putArray("alerts");
        store.alerts(home.id()).forEach(a -> alerts.add(alert(a)));
        store.summary(home.id()).ifPresentOrElse(s -> doc.putObject("summary").put("received_at", s.received().toString())
                .set("summary", parsed(s.json())), () -> doc.putNull("summary"));
        ObjectNode gateway = doc.putObject("gateway");
        store.liveness(home.id()).ifPresent(l -> gateway.put("last_heard", l.lastHeartbeat().toString())
                .put("interval_s", l.interval().toSeconds()).put("silent", l.silent()));
        ArrayNode changes = gateway.putArray("events");
        store.gatewayEvents(home.id()).forEach(e -> changes.addObject().put("at", e.at().toString()).put("kind", e.kind().name()));
        ArrayNode down = doc.putArray("for_the_gateway");
        store.downLog(home.id()).forEach(d -> down.addObject().put("seq", d.seq()).put("kind", d.kind())
                .put("created_at", d.created().toString()).put("applied_at", d.applied().map(Instant::toString).orElse(null))
                .set("entry", parsed(d.body())));
        ArrayNode log = doc.putArray("access_log");
        store.accessLog(home.id()).forEach(e -> log.addObject().put("at", e.at().toString()).put("device", e.deviceId())
                .put("what", e.what()));
        return Optional.of(doc);
    }

    /** The document as text, indented, as the command writes it. */
    public static String text(ObjectNode doc) {
        try {
            return JSON.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    private ObjectNode alert(StoredAlert a) {
        ObjectNode out = JSON.createObjectNode().put("id", a.id().toString()).put("received_at", a.received().toString())
                .put("state", a.state());
        out.set("alert", parsed(a.json()));
        ArrayNode events = out.putArray("events");
        store.events(a.id()).forEach(e -> events.addObject().put("seq", e.seq()).put("received_at", e.received().toString())
                .set("event", parsed(e.json())));
        ArrayNode receipts = out.putArray("receipts");
        store.receipts(a.id()).forEach(r -> receipts.addObject().put("device", r.deviceId()).put("carer", r.carer())
                .put("received_at", r.received().toString()));
        return out;
    }

    /** Stored JSON as a tree; anything the hub kept that is not JSON is exported as the text it is. */
    private static JsonNode parsed(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(json);
        }
    }
}
