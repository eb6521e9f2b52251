package org.hearth.hub.uplink;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.hearth.hub.store.DownEntry;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.StoreException;
import org.hearth.protocol.Protocol;
import org.hearth.transport.DtlsEndpoints;

/**
 * {@code GET /v1/down} with Observe: what the hub holds for the calling home's gateway, as a
 * {@code Down} document; a confirmable notification whenever that home's queue changes.
 * {@code DELETE /v1/down/{seq}}: the gateway applied entry {@code seq}. A notification goes only
 * to the observers of the home whose queue changed.
 */
final class DownResource extends CoapResource {

    private final HubStore store;
    private final Clock clock;

    DownResource(HubStore store, Clock clock) {
        super("down");
        this.store = store;
        this.clock = clock;
        setObservable(true);
        setObserveType(Type.CON);
        getAttributes().setObservable();
    }

    /** {@code {seq}} below this resource is handled here: entries are not resources. */
    @Override
    public Resource getChild(String name) {
        return this;
    }

    /** Notifies the observers of this home's queue. */
    void changed(Home home) {
        changed(relation -> DtlsEndpoints.pskIdentity(relation.getExchange().getRequest())
                .filter(home.identity()::equals).isPresent());
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        Optional<Home> home = Caller.home(exchange, store);
        if (home.isEmpty()) {
            return;
        }
        if (exchange.getRequestOptions().getUriPath().size() != 2) {
            exchange.respond(ResponseCode.METHOD_NOT_ALLOWED);
            return;
        }
        try {
            exchange.respond(ResponseCode.CONTENT, document(store.pendingDown(home.get().id())), Protocol.CONTENT_FORMAT_JSON);
        } catch (StoreException e) {
            exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, "the hub cannot read its store now; retry");
        }
    }

    /** The oldest entries that fit the payload limit; the rest follow as these are deleted. */
    private static byte[] document(List<DownEntry> pending) {
        List<DownEntry> fit = new ArrayList<>(pending);
        byte[] doc = UplinkJson.down(fit);
        while (doc.length > Protocol.MAX_PAYLOAD_BYTES && fit.size() > 1) {
            fit.remove(fit.size() - 1);
            doc = UplinkJson.down(fit);
        }
        return doc;
    }

    @Override
    public void handleDELETE(CoapExchange exchange) {
        Optional<Home> home = Caller.home(exchange, store);
        if (home.isEmpty()) {
            return;
        }
        List<String> path = exchange.getRequestOptions().getUriPath();
        long seq;
        try {
            seq = path.size() == 3 ? Long.parseLong(path.get(2)) : -1;
        } catch (NumberFormatException e) {
            seq = -1;
        }
        if (seq < 1) {
            exchange.respond(ResponseCode.BAD_REQUEST, "DELETE /v1/down/{seq}, seq a whole number from 1");
            return;
        }
        try {
            // Deleting twice is the same delete: a gateway whose 2.02 was lost asks again.
            boolean changed = store.applyDown(home.get().id(), seq, clock.instant());
            exchange.respond(ResponseCode.DELETED);
            if (changed) {
                changed(home.get());
            }
        } catch (StoreException e) {
            exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, "the hub cannot store it now; retry");
        }
    }
}
