package org.hearth.gateway.coap;

import org.hearth.transport.DtlsEndpoints;
import org.hearth.transport.PskKey;
import org.hearth.transport.Sessions;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.ProtocolException;
import org.hearth.protocol.WireCodec;

/**
 * A carer's device reduced to what a benchmark needs: it receives alerts over DTLS with a PSK,
 * answers 2.04 as {@code hearth-carer} does, and notes when each alert id first arrived, by
 * {@link System#nanoTime()} in this JVM, so the gateway's latency can be measured end to end.
 */
public final class CarerStandIn implements AutoCloseable {

    /** One alert's first arrival. */
    public record Receipt(UUID id, long nanos) {
    }

    private final CoapServer server;
    private final CoapEndpoint endpoint;
    private final List<Receipt> receipts = new CopyOnWriteArrayList<>();
    private final Set<UUID> seen = Collections.synchronizedSet(new HashSet<>());

    private CarerStandIn(CoapServer server, CoapEndpoint endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    public static CarerStandIn start(InetSocketAddress listen, PskKey key) {
        Configuration config = org.hearth.transport.CoapSettings.configuration();
        CoapEndpoint endpoint = DtlsEndpoints.secure(config, listen, DtlsEndpoints.keyStore(key), "stand-in", new Sessions());
        CoapServer server = new CoapServer(config);
        server.addEndpoint(endpoint);
        CarerStandIn standIn = new CarerStandIn(server, endpoint);
        server.add(standIn.new Alerts(), new CoapResource(Protocol.HEARTBEAT) {
            @Override
            public void handlePOST(CoapExchange exchange) {
                exchange.respond(ResponseCode.CHANGED);
            }
        });
        server.start();
        return standIn;
    }

    public InetSocketAddress address() {
        return endpoint.getAddress();
    }

    /** Distinct alerts received so far, in order of first arrival. */
    public List<Receipt> receipts() {
        return List.copyOf(receipts);
    }

    public int received() {
        return receipts.size();
    }

    @Override
    public void close() {
        server.stop();
        server.destroy();
    }

    private final class Alerts extends CoapResource {
        Alerts() {
            super(Protocol.ALERTS);
        }

        @Override
        public void handlePOST(CoapExchange exchange) {
            long now = System.nanoTime();
            try {
                UUID id = WireCodec.decodeAlert(exchange.getRequestPayload()).id();
                if (seen.add(id)) {
                    receipts.add(new Receipt(id, now));
                }
                exchange.respond(ResponseCode.CHANGED, id.toString(), org.eclipse.californium.core.coap.MediaTypeRegistry.TEXT_PLAIN);
            } catch (ProtocolException e) {
                exchange.respond(ResponseCode.BAD_REQUEST, e.getMessage());
            }
        }
    }
}
