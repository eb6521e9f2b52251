package org.hearth.gateway.coap.resources;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.hearth.gateway.coap.LocalToken;
import org.hearth.transport.DtlsEndpoints;

/** Lets through only requests from this machine that carry the token; answers the others. */
record LocalGate(CoapEndpoint plain, LocalToken token) {

    /** True when the request may act; otherwise it has been answered, with a plain message. */
    boolean admits(CoapExchange exchange) {
        if (!fromLoopbackPlain(exchange)) {
            exchange.respond(ResponseCode.FORBIDDEN, "local control is for this machine only");
            return false;
        }
        if (!token.matches(exchange.getRequestPayload())) {
            exchange.respond(ResponseCode.UNAUTHORIZED,
                    "local control needs Hearth's token (" + LocalToken.FILE_NAME + " in the data directory): run as root or as the hearth user");
            return false;
        }
        return true;
    }

    /**
     * True only for a request that came in on the plain endpoint from a loopback address: local
     * control is never offered over DTLS, whoever the carer, nor to any other machine.
     */
    private boolean fromLoopbackPlain(CoapExchange exchange) {
        return exchange.advanced().getEndpoint() == plain && DtlsEndpoints.pskIdentity(exchange.advanced().getRequest()).isEmpty()
                && exchange.getSourceAddress().isLoopbackAddress();
    }
}
