package org.hearth.hub.uplink;

import java.time.Duration;
import java.util.Optional;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.hearth.hub.liveness.GatewayLiveness;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import org.hearth.protocol.Heartbeat;
import org.hearth.protocol.ProtocolException;
import org.hearth.protocol.WireCodec;

/**
 * {@code POST /v1/heartbeat}, NON: the gateway is alive. A NON heartbeat gets no answer (it keeps
 * the NAT mapping open; nobody waits for it). A CON one, from a gateway that wants to know, gets 2.04.
 * A heartbeat that cannot be read is answered 4.00 either way, so a wrong gateway finds out.
 */
final class HeartbeatResource extends CoapResource {

    private final HubStore store;
    private final GatewayLiveness liveness;

    HeartbeatResource(HubStore store, GatewayLiveness liveness) {
        super("heartbeat");
        this.store = store;
        this.liveness = liveness;
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        Optional<Home> home = Caller.home(exchange, store);
        if (home.isEmpty()) {
            return;
        }
        Heartbeat heartbeat;
        try {
            heartbeat = WireCodec.decodeHeartbeat(exchange.getRequestPayload());
        } catch (ProtocolException e) {
            exchange.respond(ResponseCode.BAD_REQUEST, e.getMessage());
            return;
        }
        liveness.heartbeat(home.get().id(), Duration.ofSeconds(heartbeat.interval()));
        if (exchange.advanced().getRequest().isConfirmable()) {
            exchange.respond(ResponseCode.CHANGED);
        }
    }
}
