package org.hearth.hub.uplink;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.Outcome;
import org.hearth.hub.store.StoreException;
import org.hearth.protocol.Alert;
import org.hearth.protocol.AlertEvent;
import org.hearth.protocol.ProtocolException;
import org.hearth.protocol.WireCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/alerts} (an {@code Alert}) and {@code POST /v1/alerts/{id}/events} (an
 * {@link AlertEvent}). Each is answered 2.04 only once it is durable, so the answer is a receipt;
 * a retry is stored once and answered the same way.
 */
final class AlertsResource extends CoapResource {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsResource.class);

    private final HubStore store;
    private final Clock clock;

    AlertsResource(HubStore store, Clock clock) {
        super("alerts");
        this.store = store;
        this.clock = clock;
    }

    /** {@code {id}/events} below this resource are handled here: ids are not resources. */
    @Override
    public Resource getChild(String name) {
        return this;
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        Optional<Home> home = Caller.home(exchange, store);
        if (home.isEmpty()) {
            return;
        }
        List<String> path = exchange.getRequestOptions().getUriPath();
        try {
            if (path.size() == 2) {
                alert(exchange, home.get());
            } else if (path.size() == 4 && path.get(3).equals("events")) {
                event(exchange, home.get(), path.get(2));
            } else {
                exchange.respond(ResponseCode.NOT_FOUND);
            }
        } catch (ProtocolException e) {
            LOG.debug("Home {}: refused {}: {}", home.get().id(), path, e.getMessage());
            exchange.respond(ResponseCode.BAD_REQUEST, e.getMessage());
        } catch (StoreException e) {
            // The store logs the outage once; this would log every retry of every gateway.
            LOG.debug("Home {}: cannot store what it sent to {} ({}); answered 5.03 so its gateway retries",
                    home.get().id(), path, e.getMessage());
            exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, "the hub cannot store it now; retry");
        }
    }

    private void alert(CoapExchange exchange, Home home) throws ProtocolException {
        byte[] payload = exchange.getRequestPayload();
        Alert alert = WireCodec.decodeAlert(payload);
        Outcome outcome = store.addAlert(home.id(), alert.id(), new String(payload, StandardCharsets.UTF_8), clock.instant());
        if (outcome == Outcome.OTHER_HOME) {
            LOG.warn("Home {} sent alert {}, whose id another home holds; refused", home.id(), alert.id());
            exchange.respond(ResponseCode.FORBIDDEN, "alert " + alert.id() + " is not this home's");
            return;
        }
        if (outcome == Outcome.STORED) {
            LOG.info("Home {}: alert {} ({}, {}) stored", home.id(), alert.id(), alert.kind(), alert.severity());
        }
        exchange.respond(ResponseCode.CHANGED, alert.id().toString());
    }

    private void event(CoapExchange exchange, Home home, String idInPath) throws ProtocolException {
        UUID id;
        try {
            id = UUID.fromString(idInPath);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("the path names no alert id: " + idInPath);
        }
        byte[] payload = exchange.getRequestPayload();
        AlertEvent event = WireCodec.decodeAlertEvent(payload);
        if (!event.alertId().equals(id)) {
            throw new ProtocolException("the event's alert_id " + event.alertId() + " is not the path's " + id);
        }
        Outcome outcome = store.addEvent(home.id(), id, event.seq(), event.state(), new String(payload, StandardCharsets.UTF_8),
                clock.instant());
        switch (outcome) {
            case STORED, ALREADY_STORED -> exchange.respond(ResponseCode.CHANGED, id + ":" + event.seq());
            case NOT_FOUND -> exchange.respond(ResponseCode.NOT_FOUND, "no alert " + id + "; send the alert first");
            case OTHER_HOME -> {
                LOG.warn("Home {} sent an event for alert {}, which is another home's; refused", home.id(), id);
                exchange.respond(ResponseCode.FORBIDDEN, "alert " + id + " is not this home's");
            }
        }
    }
}
