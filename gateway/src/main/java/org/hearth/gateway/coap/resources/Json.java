package org.hearth.gateway.coap.resources;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.hearth.protocol.WireCodec;

/** Answers with a wire record as JSON. */
final class Json {

    private Json() {
    }

    static void respond(CoapExchange exchange, ResponseCode code, Record body) {
        exchange.respond(code, WireCodec.encode(body), MediaTypeRegistry.APPLICATION_JSON);
    }
}
