package org.hearth.gateway.coap.resources;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.hearth.gateway.coap.GatewayHandlers;
import org.hearth.protocol.Protocol;

/** {@code /status} (GET, observable): the gateway's health, its sensors and open alerts. */
public final class StatusResource extends CoapResource {

    private final GatewayHandlers handlers;

    public StatusResource(GatewayHandlers handlers) {
        super(Protocol.STATUS);
        this.handlers = handlers;
        setObservable(true);
        setObserveType(Type.CON);
        getAttributes().setTitle("Gateway health, sensors and open alerts");
        getAttributes().addContentType(MediaTypeRegistry.APPLICATION_JSON);
        getAttributes().setObservable();
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        handlers.status().whenComplete((status, error) -> {
            if (error != null) {
                exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, "status unavailable");
            } else {
                Json.respond(exchange, ResponseCode.CONTENT, status);
            }
        });
    }
}
