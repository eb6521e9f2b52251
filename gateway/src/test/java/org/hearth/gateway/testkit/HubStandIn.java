package org.hearth.gateway.testkit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.hearth.protocol.Alert;
import org.hearth.protocol.AlertEvent;
import org.hearth.protocol.Down;
import org.hearth.protocol.HomeSummary;
import org.hearth.protocol.ProtocolException;
import org.hearth.protocol.WireCodec;
import org.hearth.transport.CoapSettings;
import org.hearth.transport.DtlsEndpoints;
import org.hearth.transport.PskKey;
import org.hearth.transport.Sessions;

/**
 * A care hub reduced to the uplink contract of docs/hub-api.md §2, on a real Californium DTLS
 * endpoint with Connection ID length 6, as the hub has: it stores alerts once per id, applies each
 * alert's events once and in order (refusing a gap), keeps the latest summary, counts heartbeats,
 * and holds down entries, observable, until the gateway deletes them. {@link #unavailable} makes
 * it answer 5.03 as a hub whose store is down would.
 */
public final class HubStandIn implements AutoCloseable {

    private final CoapServer server;
    private final Sessions sessions = new Sessions();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final Map<UUID, Alert> alerts = new ConcurrentHashMap<>();
    private final Map<UUID, List<AlertEvent>> events = new ConcurrentHashMap<>();
    private final AtomicInteger eventPosts = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger heartbeats = new AtomicInteger();
    private final List<HomeSummary> summaries = new CopyOnWriteArrayList<>();
    private final Map<Long, Down.Entry> down = new TreeMap<>();
    private final Set<Integer> alertSourcePorts = ConcurrentHashMap.newKeySet();
    private final CoapResource downResource;
    private volatile boolean unavailable;
    private volatile boolean eventsRefused;

    private HubStandIn(int port, PskKey home) {
        Configuration config = CoapSettings.configuration();
        config.set(DtlsConfig.DTLS_CONNECTION_ID_LENGTH, 6);
        sessions.onEstablished(s -> handshakes.incrementAndGet());
        CoapEndpoint endpoint = DtlsEndpoints.secure(config, new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                DtlsEndpoints.keyStore(home), "hub-stand-in", sessions);
        server = new CoapServer(config);
        server.addEndpoint(endpoint);
        CoapResource v1 = new CoapResource("v1");
        downResource = new DownResource();
        v1.add(new AlertsResource(), new SummaryResource(), new HeartbeatResource(), downResource);
        server.add(v1);
        server.start();
    }

    /** A hub on loopback {@code port} that knows one home's key. */
    public static HubStandIn start(int port, PskKey home) {
        return new HubStandIn(port, home);
    }

    public void unavailable(boolean down) {
        this.unavailable = down;
    }

    /** Answers only alert events with 5.03 (a hub whose event table is locked, say). */
    public void refuseEvents(boolean refuse) {
        this.eventsRefused = refuse;
    }

    /** Alerts stored, by id. */
    public Map<UUID, Alert> alerts() {
        return Map.copyOf(alerts);
    }

    /** The events applied for one alert, in the order applied. */
    public List<AlertEvent> events(UUID alert) {
        return List.copyOf(events.getOrDefault(alert, List.of()));
    }

    /** Every POST of an event, applied or repeated. */
    public int eventPosts() {
        return eventPosts.get();
    }

    /** Requests answered 5.03 while unavailable. */
    public int refused() {
        return refused.get();
    }

    public int heartbeats() {
        return heartbeats.get();
    }

    public List<HomeSummary> summaries() {
        return List.copyOf(summaries);
    }

    /** DTLS handshakes completed with this hub. */
    public int handshakes() {
        return handshakes.get();
    }

    /** The source ports alerts came from, as this hub saw them. */
    public Set<Integer> alertSourcePorts() {
        return Set.copyOf(alertSourcePorts);
    }

    /** Queues a down entry and notifies the gateway's observation. */
    public void addDown(Down.Entry entry) {
        synchronized (down) {
            down.put(entry.seq(), entry);
        }
        downResource.changed();
    }

    /** Down entries the gateway has not deleted yet. */
    public List<Long> pendingDown() {
        synchronized (down) {
            return new ArrayList<>(down.keySet());
        }
    }

    @Override
    public void close() {
        server.stop();
        server.destroy();
    }

    private boolean refuse(CoapExchange exchange) {
        if (unavailable) {
            refused.incrementAndGet();
            exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, "store_unavailable");
        }
        return unavailable;
    }

    private final class AlertsResource extends CoapResource {
        private final CoapResource events = new EventsResource();

        AlertsResource() {
            super("alerts");
        }

        @Override
        public void handlePOST(CoapExchange exchange) {
            if (refuse(exchange)) {
                return;
            }
            try {
                Alert alert = WireCodec.decodeAlert(exchange.getRequestPayload());
                alerts.putIfAbsent(alert.id(), alert);
                alertSourcePorts.add(exchange.getSourcePort());
                exchange.respond(ResponseCode.CHANGED, alert.id().toString());
            } catch (ProtocolException e) {
                exchange.respond(ResponseCode.BAD_REQUEST, e.getMessage());
            }
        }

        /** {@code /v1/alerts/{id}/events}: any id leads to the events resource, which reads it from the path. */
        @Override
        public Resource getChild(String name) {
            CoapResource id = new CoapResource(name) {
                @Override
                public Resource getChild(String child) {
                    return "events".equals(child) ? events : null;
                }
            };
            id.setParent(this);
            return id;
        }
    }

    private final class EventsResource extends CoapResource {
        EventsResource() {
            super("events");
        }

        @Override
        public void handlePOST(CoapExchange exchange) {
            eventPosts.incrementAndGet();
            if (eventsRefused) {
                refused.incrementAndGet();
                exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, "store_unavailable");
                return;
            }
            if (refuse(exchange)) {
                return;
            }
            try {
                AlertEvent event = WireCodec.decodeAlertEvent(exchange.getRequestPayload());
                String pathId = exchange.getRequestOptions().getUriPath().get(2);
                if (!pathId.equals(event.alertId().toString()) || !alerts.containsKey(event.alertId())) {
                    exchange.respond(ResponseCode.NOT_FOUND, "no such alert");
                    return;
                }
                List<AlertEvent> applied = HubStandIn.this.events.computeIfAbsent(event.alertId(), k -> new CopyOnWriteArrayList<>());
                synchronized (applied) {
                    if (event.seq() > applied.size() + 1) {
                        exchange.respond(ResponseCode.CONFLICT, "expected seq " + (applied.size() + 1));
                        return;
                    }
                    if (event.seq() == applied.size() + 1) {
                        applied.add(event);
                    }
                }
                exchange.respond(ResponseCode.CHANGED, event.receipt());
            } catch (ProtocolException e) {
                exchange.respond(ResponseCode.BAD_REQUEST, e.getMessage());
            }
        }
    }

    private final class SummaryResource extends CoapResource {
        SummaryResource() {
            super("summary");
        }

        @Override
        public void handlePUT(CoapExchange exchange) {
            if (refuse(exchange)) {
                return;
            }
            try {
                summaries.add(WireCodec.decodeHomeSummary(exchange.getRequestPayload()));
                exchange.respond(ResponseCode.CHANGED);
            } catch (ProtocolException e) {
                exchange.respond(ResponseCode.BAD_REQUEST, e.getMessage());
            }
        }
    }

    private final class HeartbeatResource extends CoapResource {
        HeartbeatResource() {
            super("heartbeat");
        }

        @Override
        public void handlePOST(CoapExchange exchange) {
            heartbeats.incrementAndGet();
            exchange.respond(ResponseCode.CHANGED);
        }
    }

    private final class DownResource extends CoapResource {
        DownResource() {
            super("down");
            setObservable(true);
            setObserveType(Type.CON);
        }

        @Override
        public void handleGET(CoapExchange exchange) {
            if (refuse(exchange)) {
                return;
            }
            List<Down.Entry> entries;
            synchronized (down) {
                entries = new ArrayList<>(down.values());
            }
            exchange.respond(ResponseCode.CONTENT, WireCodec.encode(new Down(1, entries)), MediaTypeRegistry.APPLICATION_JSON);
        }

        /** {@code /v1/down/{seq}}: DELETE drops the entry. */
        @Override
        public Resource getChild(String name) {
            CoapResource entry = new CoapResource(name) {
                @Override
                public void handleDELETE(CoapExchange exchange) {
                    try {
                        synchronized (down) {
                            down.remove(Long.parseLong(name));
                        }
                        exchange.respond(ResponseCode.DELETED);
                    } catch (NumberFormatException e) {
                        exchange.respond(ResponseCode.BAD_REQUEST, "not a seq");
                    }
                }
            };
            entry.setParent(this);
            return entry;
        }
    }

    /** For tests that want to see every alert's events at once. */
    public Map<UUID, List<AlertEvent>> allEvents() {
        return new LinkedHashMap<>(events);
    }
}
