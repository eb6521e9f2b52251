package org.hearth.hub.uplink;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.StoreException;
import org.hearth.protocol.ProtocolException;

/** {@code PUT /v1/summary}: the home's latest {@code HomeSummary}, kept whole, replacing the one before. */
final class SummaryResource extends CoapResource {

    private final HubStore store;
    private final Clock clock;

    SummaryResource(HubStore store, Clock clock) {
        super("summary");
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void handlePUT(CoapExchange exchange) {
        Optional<Home> home = Caller.home(exchange, store);
        if (home.isEmpty()) {
            return;
        }
        byte[] payload = exchange.getRequestPayload();
        try {
            UplinkJson.summary(payload);
            store.putSummary(home.get().id(), new String(payload, StandardCharsets.UTF_8), clock.instant());
            exchange.respond(ResponseCode.CHANGED);
        } catch (ProtocolException e) {
            exchange.respond(ResponseCode.BAD_REQUEST, e.getMessage());
        } catch (StoreException e) {
            exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, "the hub cannot store it now; retry");
        }
    }
}
