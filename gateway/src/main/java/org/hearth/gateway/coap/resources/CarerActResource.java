package org.hearth.gateway.coap.resources;

import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.hearth.gateway.domain.AckResult;
import org.hearth.protocol.ProtocolException;
import org.hearth.transport.DtlsEndpoints;

/**
 * A carer acting on one alert: {@code /alerts/{id}/ack} and {@code /alerts/{id}/resolve}. Both
 * need a proven DTLS identity, which alone says who acts; the payload must name the path's alert.
 * The answer is sent once the gateway has stored what changed.
 */
abstract class CarerActResource<T extends Record> extends CoapResource {

    private final String alertId;
    private final String what;

    CarerActResource(String name, String alertId, String what) {
        super(name, false);
        this.alertId = alertId;
        this.what = what;
    }

    abstract T decode(byte[] payload) throws ProtocolException;

    abstract UUID alertIn(T body);

    abstract CompletionStage<AckResult> apply(UUID id, String identity, T body);

    @Override
    public void handlePOST(CoapExchange exchange) {
        String identity = DtlsEndpoints.pskIdentity(exchange.advanced().getRequest()).orElse(null);
        if (identity == null) {
            exchange.respond(ResponseCode.UNAUTHORIZED, what + " need a carer's DTLS key");
            return;
        }
        UUID id;
        T body;
        try {
            id = UUID.fromString(alertId);
            body = decode(exchange.getRequestPayload());
        } catch (IllegalArgumentException e) {
            exchange.respond(ResponseCode.BAD_REQUEST, "not an alert id: " + truncate(alertId));
            return;
        } catch (ProtocolException e) {
            exchange.respond(ResponseCode.BAD_REQUEST, truncate(e.getMessage()));
            return;
        }
        if (!alertIn(body).equals(id)) {
            exchange.respond(ResponseCode.BAD_REQUEST, "payload names another alert than the path");
            return;
        }
        exchange.accept();
        apply(id, identity, body).whenComplete((result, error) -> {
            if (error != null) {
                exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, "try again");
                return;
            }
            switch (result) {
                case ACCEPTED, ALREADY_ACKNOWLEDGED -> exchange.respond(ResponseCode.CHANGED);
                case ALREADY_RESOLVED -> exchange.respond(ResponseCode.CHANGED, "already resolved");
                case UNKNOWN_ALERT -> exchange.respond(ResponseCode.NOT_FOUND, "no such alert");
                case NOT_ON_LADDER -> exchange.respond(ResponseCode.FORBIDDEN, "not a carer of this home");
                case NOT_OPEN -> exchange.respond(ResponseCode.CONFLICT, "alert is not open");
                default -> exchange.respond(ResponseCode.INTERNAL_SERVER_ERROR);
            }
        });
    }

    private static String truncate(String s) {
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
