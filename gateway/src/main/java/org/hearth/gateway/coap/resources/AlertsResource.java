package org.hearth.gateway.coap.resources;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.hearth.gateway.coap.GatewayHandlers;
import org.hearth.protocol.Protocol;

/**
 * {@code /alerts} (GET, observable): the open alerts. Below it, {@code /alerts/{id}/ack} and
 * {@code /alerts/{id}/resolve} ({@link AckResource}, {@link ResolveResource}).
 */
public final class AlertsResource extends CoapResource {

    private final GatewayHandlers handlers;

    public AlertsResource(GatewayHandlers handlers) {
        super(Protocol.ALERTS);
        this.handlers = handlers;
        setObservable(true);
        setObserveType(Type.CON);
        getAttributes().setTitle("Open alerts");
        getAttributes().addContentType(MediaTypeRegistry.APPLICATION_JSON);
        getAttributes().setObservable();
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        handlers.openAlerts().whenComplete((alerts, error) -> {
            if (error != null) {
                exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, "alerts unavailable");
            } else {
                Json.respond(exchange, ResponseCode.CONTENT, alerts);
            }
        });
    }

    /** {@code /alerts/{id}} exists for every id; only its {@code ack} and {@code resolve} children do anything. */
    @Override
    public Resource getChild(String name) {
        CoapResource alert = new CoapResource(name, false);
        alert.add(new AckResource(name, handlers));
        alert.add(new ResolveResource(name, handlers));
        alert.setParent(this);
        return alert;
    }
}
