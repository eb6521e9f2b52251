package org.hearth.gateway.coap.resources;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.hearth.gateway.coap.LocalControl;

/**
 * POST {@code /local/sim/{sensor}}: press a simulated sensor. Exists only in a simulated home;
 * answers 5.03 "starting" until the daemon has opened its sensors.
 */
final class SimResource extends CoapResource {

    private final LocalGate gate;
    private final LocalControl local;

    SimResource(LocalGate gate, LocalControl local) {
        super("sim", false);
        this.gate = gate;
        this.local = local;
    }

    @Override
    public Resource getChild(String name) {
        CoapResource sensor = new CoapResource(name, false) {
            @Override
            public void handlePOST(CoapExchange exchange) {
                if (!gate.admits(exchange)) {
                    return;
                }
                if (!local.sensorsStarted()) {
                    exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, "starting");
                    return;
                }
                local.press(name).whenComplete((found, error) -> exchange.respond(
                        error == null && Boolean.TRUE.equals(found) ? ResponseCode.CHANGED : ResponseCode.NOT_FOUND));
            }
        };
        sensor.setParent(this);
        return sensor;
    }
}
