package org.hearth.hub.uplink;

import java.util.Optional;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.StoreException;
import org.hearth.protocol.Protocol;
import org.hearth.transport.DtlsEndpoints;

/**
 * Who is asking: the home whose PSK identity the DTLS handshake proved. The home is read from the
 * store at every request, so a home removed while its session lives is refused at once. Also the
 * checks every uplink request gets before its body is read.
 */
final class Caller {

    private Caller() {
    }

    /**
     * The calling home, or empty after answering: 4.03 for no or an unknown identity, 4.13 for a body
     * over the limit, 4.15 for a body that is not JSON by its content-format, 5.03 when the store
     * cannot be read.
     */
    static Optional<Home> home(CoapExchange exchange, HubStore store) {
        Optional<Home> home;
        try {
            home = DtlsEndpoints.pskIdentity(exchange.advanced().getRequest()).flatMap(store::homeByIdentity);
        } catch (StoreException e) {
            exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, "the hub cannot read its store now; retry");
            return Optional.empty();
        }
        if (home.isEmpty()) {
            exchange.respond(ResponseCode.FORBIDDEN, "this home is not served here");
            return Optional.empty();
        }
        if (exchange.getRequestPayloadSize() > Protocol.MAX_PAYLOAD_BYTES) {
            exchange.respond(ResponseCode.REQUEST_ENTITY_TOO_LARGE, "at most " + Protocol.MAX_PAYLOAD_BYTES + " bytes");
            return Optional.empty();
        }
        int format = exchange.getRequestOptions().getContentFormat();
        if (exchange.getRequestPayloadSize() > 0 && format != -1 && format != Protocol.CONTENT_FORMAT_JSON) {
            exchange.respond(ResponseCode.UNSUPPORTED_CONTENT_FORMAT, "send JSON (content-format 50)");
            return Optional.empty();
        }
        return home;
    }
}
