package org.hearth.hub.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.hearth.hub.export.HomeExport;
import org.hearth.hub.store.AccessEntry;
import org.hearth.hub.store.Device;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HomeOverview;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.Liveness;
import org.hearth.hub.store.Receipt;
import org.hearth.hub.store.StoredAlert;
import org.hearth.hub.store.StoredSummary;
import org.hearth.hub.uplink.UplinkServer;
import org.hearth.protocol.Acknowledgement;
import org.hearth.protocol.Down;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.WireCodec;

/**
 * {@code /homes…}: what a device may see of its homes, and what its carer does about an alert.
 * Every read of a home's data and every refusal is written to that home's access log.
 */
final class HomeEndpoints {

    /** The most homes one page of {@code GET /homes} may hold. */
    static final int MAX_PAGE = 500;

    private final HubStore store;
    private final UplinkServer uplink;
    private final Clock clock;
    private final Duration heartbeat;

    HomeEndpoints(HubStore store, UplinkServer uplink, Clock clock, Duration heartbeat) {
        this.store = store;
        this.uplink = uplink;
        this.clock = clock;
        this.heartbeat = heartbeat;
    }

    /**
     * {@code GET /homes}: those with an alert nobody has answered first, the longest waiting first;
     * then those whose gateway is not connected; then those whose open alerts someone is answering;
     * then the rest, so an operator watching many homes sees first what needs someone. Read in a few
     * queries, however many homes. With {@code limit}, one page at a time: {@code next} is the cursor
     * for {@code after} (docs/hub-api.md, "Paging").
     * Each home on the page is written to its access log, in one transaction.
     */
    void list(Call call, Device device) throws IOException {
        OptionalInt limit = pageLimit(call);
        Optional<HomeCursor> after = call.query("after").map(HomeCursor::parse);
        java.util.Map<String, Integer> levels = new java.util.HashMap<>();
        device.homes().forEach(g -> levels.put(g.homeId(), g.level()));
        List<HomeOverview> all = store.homeOverviews(levels.keySet());
        List<HomeOverview> sorted = all.stream()
                .sorted(Comparator.comparing(HomeCursor::of, HomeCursor.ORDER))
                .filter(h -> after.map(cursor -> cursor.isBefore(h)).orElse(true)).toList();
        List<HomeOverview> page = limit.isPresent() && sorted.size() > limit.getAsInt() ? sorted.subList(0, limit.getAsInt()) : sorted;
        Instant now = clock.instant();
        store.logAccess(page.stream().map(h -> new AccessEntry(now, device.id(), h.id(), "homes")).toList());
        ArrayNode homes = Call.JSON.createArrayNode();
        for (HomeOverview h : page) {
            homes.add(line(h, levels.get(h.id()), device));
        }
        ObjectNode answer = Call.JSON.createObjectNode();
        if (device.operator()) {
            answer.put("operator_of", device.operatorOrg());
        }
        answer.set("homes", homes);
        if (page.size() < sorted.size()) {
            answer.put("next", HomeCursor.of(page.get(page.size() - 1)).text());
        }
        // Of all the device's homes, not only this page's: what an operator's screen says at its top.
        answer.put("waiting_total", all.stream().filter(h -> h.unanswered() > 0).count());
        answer.put("not_connected_total", all.stream().filter(h -> !h.connected()).count());
        call.respond(200, answer);
    }

    /** {@code GET /homes/{home}}: the one home's line of {@code GET /homes}, so a screen about one home need not read them all. */
    void one(Call call, Device device, String homeId) throws IOException {
        Home home = authorised(device, homeId, "home");
        int level = device.homes().stream().filter(g -> g.homeId().equals(home.id())).findFirst().orElseThrow().level();
        HomeOverview h = store.homeOverviews(List.of(home.id())).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("the home is no longer served by this hub"));
        log(device, home.id(), "home");
        call.respond(200, line(h, level, device));
    }

    /** A home's line; the resident's phone number only for its carers (an operator's device watches, the carers call). */
    private static ObjectNode line(HomeOverview h, int level, Device device) {
        ObjectNode json = Call.JSON.createObjectNode().put("id", h.id()).put("label", h.label()).put("level", level)
                .put("open_alerts", h.openAlerts()).put("unanswered", h.unanswered())
                .put("waiting_since", h.unanswered() > 0 ? h.waitingSince().map(Instant::toString).orElse(null) : null);
        json.putObject("gateway").put("connected", h.connected()).put("last_heard", h.lastHeard().map(Instant::toString).orElse(null));
        if (!device.operator()) {
            h.phone().ifPresent(phone -> json.put("phone", phone));
        }
        return json;
    }

    private static OptionalInt pageLimit(Call call) {
        Optional<String> limit = call.query("limit");
        if (limit.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(limit.get());
            if (n >= 1 && n <= MAX_PAGE) {
                return OptionalInt.of(n);
            }
        } catch (NumberFormatException e) {
            // the same answer as a number out of range
        }
        throw ApiException.badRequest("limit: a whole number from 1 to " + MAX_PAGE);
    }

    /** {@code /homes/{home}/…} (3 to 5 path segments): the rest of the path decides. */
    void route(Call call, Device device) throws IOException {
        List<String> p = call.path;
        String what = String.join("/", p.subList(2, p.size()));
        Home home = authorised(device, p.get(1), what);
        String route = switch (p.size()) {
            case 3 -> p.get(2);
            case 4 -> p.get(2) + "/{id}";
            default -> p.get(2) + "/{id}/" + p.get(4);
        };
        switch (call.method + " " + route) {
            case "GET alerts" -> alerts(call, device, home);
            case "GET alerts/{id}" -> alert(call, device, home, p.get(3));
            case "POST alerts/{id}/ack" -> ack(call, device, home, p.get(3));
            case "POST alerts/{id}/resolve" -> resolve(call, device, home, p.get(3));
            case "POST alerts/{id}/received" -> received(call, device, home, p.get(3));
            case "GET summary" -> summary(call, device, home);
            case "POST check" -> check(call, device, home);
            case "GET export" -> export(call, device, home);
            default -> throw ApiException.notFound("no such request: " + call.method + " /api/v1/" + String.join("/", p));
        }
    }

    /** The home, if this device may see it; a refusal is logged to the home asked about, if there is one. */
    private Home authorised(Device device, String homeId, String what) {
        if (!device.maySee(homeId)) {
            if (store.home(homeId).isPresent()) {
                log(device, homeId, "refused " + what);
            }
            throw new ApiException(403, "not_your_home", "this device was not invited to that home");
        }
        return store.home(homeId).orElseThrow(() -> ApiException.notFound("the home is no longer served by this hub"));
    }

    private void alerts(Call call, Device device, Home home) throws IOException {
        Optional<String> state = call.query("state");
        if (state.isPresent() && !state.get().equals("open")) {
            throw ApiException.badRequest("state: only open is known");
        }
        log(device, home.id(), state.isPresent() ? "open alerts" : "alerts");
        ArrayNode list = Call.JSON.createArrayNode();
        Resolutions resolutions = Resolutions.of(store.downLog(home.id()));
        store.alerts(home.id()).stream().filter(a -> state.isEmpty() || AlertViews.isOpen(a))
                .sorted(Comparator.comparing((StoredAlert a) -> AlertViews.isOpen(a) ? 0 : 1)
                        .thenComparing(StoredAlert::received, Comparator.reverseOrder()))
                .forEach(a -> list.add(AlertViews.of(a, store.events(a.id()), store.receipts(a.id()), resolutions, false)));
        call.respond(200, Call.JSON.createObjectNode().set("alerts", list));
    }

    private void alert(Call call, Device device, Home home, String id) throws IOException {
        StoredAlert alert = alertOf(home, id);
        log(device, home.id(), "alert " + alert.id());
        call.respond(200, view(alert));
    }

    private void ack(Call call, Device device, Home home, String id) throws IOException {
        carersOnly(device);
        ObjectNode body = call.body();
        String note = Call.text(body, "note", false, 500).orElse("");
        StoredAlert alert = openAlert(home, id);
        Instant now = clock.instant();
        Acknowledgement ack = new Acknowledgement(Protocol.VERSION, alert.id(), device.carer(), now, note);
        ObjectNode entry = Call.JSON.createObjectNode().put("device", device.name());
        entry.set("ack", Call.JSON.readTree(WireCodec.encode(ack)));
        uplink.tellGateway(home, Down.ACK, entry.toString(), now);
        log(device, home.id(), "ack " + alert.id());
        call.respond(202, view(alert));
    }

    private void resolve(Call call, Device device, Home home, String id) throws IOException {
        carersOnly(device);
        ObjectNode body = call.body();
        String outcomeText = Call.text(body, "outcome", true, 40).orElseThrow();
        Down.Outcome outcome;
        try {
            outcome = Down.Outcome.valueOf(outcomeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("outcome: one of resident_fine, helped_up, ambulance_called, false_alarm, other");
        }
        String note = Call.text(body, "note", false, 500).orElse("");
        StoredAlert alert = openAlert(home, id);
        Instant now = clock.instant();
        ObjectNode entry = Call.JSON.createObjectNode().put("alert_id", alert.id().toString()).put("by", device.carer())
                .put("at", now.toString()).put("outcome", outcome.name().toLowerCase(Locale.ROOT)).put("note", note);
        uplink.tellGateway(home, Down.RESOLVE, entry.toString(), now);
        log(device, home.id(), "resolve " + alert.id());
        call.respond(202, view(alert));
    }

    /**
     * {@code POST /homes/{home}/alerts/{id}/received}: this device has the alert (its service worker
     * got the push, or the open app the stream's event). The first per device is kept; the first of
     * the carer's devices also queues a {@code delivered} entry for the gateway. Every receipt is in
     * the access log. Answers 200 with the view every time, so a retry is harmless. A resolved alert
     * is received all the same.
     */
    private void received(Call call, Device device, Home home, String id) throws IOException {
        ObjectNode body = call.body();
        String via = Call.text(body, "via", false, 20).orElse("app");
        if (!List.of("push", "stream", "app").contains(via)) {
            throw ApiException.badRequest("via: one of push, stream, app");
        }
        StoredAlert alert = alertOf(home, id);
        if (device.operator()) {
            // An operator's screen is not a carer's device: it does not make an alert delivered.
            call.respond(200, view(alert));
            return;
        }
        Instant now = clock.instant();
        Receipt.Outcome outcome = store.addReceipt(home.id(), alert.id(), device.id(), device.carer(), now);
        if (outcome == Receipt.Outcome.FIRST_FOR_CARER) {
            ObjectNode entry = Call.JSON.createObjectNode().put("alert_id", alert.id().toString()).put("by", device.carer())
                    .put("at", now.toString()).put("device", device.name());
            uplink.tellGateway(home, Down.DELIVERED, entry.toString(), now);
        }
        log(device, home.id(), "received " + alert.id() + " by " + via);
        call.respond(200, view(alert));
    }

    /**
     * {@code GET /homes/{home}/export}: everything the hub holds about the home, for its carers (a
     * subject-access request made through one of them); an operator's device is refused. The export
     * writes itself to the access log.
     */
    private void export(Call call, Device device, Home home) throws IOException {
        if (device.operator()) {
            log(device, home.id(), "refused export");
            throw new ApiException(403, "carers_only", "a home's export is for its carers; the hub's administrator can make one"
                    + " with hearth-hub export");
        }
        call.respond(200, new HomeExport(store, clock).of(home.id(), device.id())
                .orElseThrow(() -> ApiException.notFound("the home is no longer served by this hub")));
    }

    /**
     * The gateway's ladder says who may answer an alert, and names carers, not operators: an
     * operator's device watches, and the home's carers acknowledge and resolve.
     */
    private static void carersOnly(Device device) {
        if (device.operator()) {
            throw new ApiException(403, "operator_watches",
                    "an operator's device watches the homes of " + device.operatorOrg() + "; the home's carers acknowledge and resolve its alerts");
        }
    }

    private ObjectNode view(StoredAlert alert) {
        return AlertViews.of(alert, store.events(alert.id()), store.receipts(alert.id()), Resolutions.of(store.downLog(alert.homeId())),
                true);
    }

    private void summary(Call call, Device device, Home home) throws IOException {
        log(device, home.id(), "summary");
        StoredSummary summary = store.summary(home.id())
                .orElseThrow(() -> ApiException.notFound("the gateway has sent no summary yet; POST check asks for one"));
        JsonNode tree = Call.JSON.readTree(summary.json().getBytes(StandardCharsets.UTF_8));
        Duration interval = store.liveness(home.id()).map(Liveness::interval).orElse(heartbeat);
        boolean stale = Duration.between(summary.received(), clock.instant()).compareTo(interval.multipliedBy(2)) > 0;
        ObjectNode view = ((ObjectNode) tree).put("received_at", summary.received().toString()).put("stale", stale);
        call.respond(200, view);
    }

    private void check(Call call, Device device, Home home) throws IOException {
        call.body();
        Instant now = clock.instant();
        uplink.tellGateway(home, Down.CHECK_NOW, "{}", now);
        log(device, home.id(), "check");
        call.respond(202, Call.JSON.createObjectNode().put("asked_at", now.toString()));
    }

    /** The home's alert with this id; another home's, or none, is not found. */
    private StoredAlert alertOf(Home home, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("no such alert");
        }
        return store.alert(uuid).filter(a -> a.homeId().equals(home.id())).orElseThrow(() -> ApiException.notFound("no such alert"));
    }

    private StoredAlert openAlert(Home home, String id) {
        StoredAlert alert = alertOf(home, id);
        if (!AlertViews.isOpen(alert)) {
            throw new ApiException(409, "already_resolved", "the alert is resolved already");
        }
        return alert;
    }

    private void log(Device device, String homeId, String what) {
        store.logAccess(new AccessEntry(clock.instant(), device.id(), homeId, what.length() > 200 ? what.substring(0, 200) : what));
    }
}
