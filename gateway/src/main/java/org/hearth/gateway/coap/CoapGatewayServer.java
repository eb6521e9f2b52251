package org.hearth.gateway.coap;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.hearth.gateway.domain.AckResult;
import org.hearth.protocol.Acknowledgement;
import org.hearth.protocol.Resolution;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.ProtocolException;
import org.hearth.protocol.WireCodec;
import org.hearth.transport.CoapSettings;
import org.hearth.transport.DtlsEndpoints;
import org.hearth.transport.PskKey;
import org.hearth.transport.Sender;
import org.hearth.transport.Sessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's CoAP server: DTLS with per-carer pre-shared keys on the configured address, and
 * plain CoAP on loopback only, for local tools. Resources: {@code /status} and {@code /alerts}
 * (GET, observable), {@code /alerts/{id}/ack} and {@code /alerts/{id}/resolve} (POST, DTLS only,
 * from a carer on the ladder).
 * Alerts and heartbeats to carers leave from a second DTLS endpoint on an ephemeral port.
 */
public final class CoapGatewayServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CoapGatewayServer.class);
    private static final String SERVING = "gateway";
    private static final String OUTGOING = "gateway-out";

    private final CoapServer server;
    private final CoapEndpoint secure;
    private final CoapEndpoint plain;
    private final AdvancedMultiPskStore keys;
    private final CoapEndpoint outgoing;
    private final AdvancedMultiPskStore outgoingKeys;
    private final Sender sender;
    private final Sessions sessions;
    private final CoapResource statusResource;
    private final CoapResource alertsResource;

    private CoapGatewayServer(CoapServer server, CoapEndpoint secure, CoapEndpoint plain, AdvancedMultiPskStore keys,
                              CoapEndpoint outgoing, AdvancedMultiPskStore outgoingKeys, Sessions sessions,
                              CoapResource statusResource, CoapResource alertsResource) {
        this.server = server;
        this.secure = secure;
        this.plain = plain;
        this.keys = keys;
        this.outgoing = outgoing;
        this.outgoingKeys = outgoingKeys;
        this.sessions = sessions;
        this.sender = new Sender(outgoing, sessions);
        this.statusResource = statusResource;
        this.alertsResource = alertsResource;
    }

    /**
     * Starts serving.
     *
     * @param secureAddress where DTLS listens, for example 0.0.0.0:5684
     * @param plainPort     loopback port for plain CoAP, or -1 for none; 0 picks a free port
     * @param carers        each carer's key by the address their device listens on
     */
    public static CoapGatewayServer start(InetSocketAddress secureAddress, int plainPort, Map<InetSocketAddress, PskKey> carers,
                                          GatewayHandlers handlers) {
        return start(secureAddress, plainPort, carers, handlers, LocalControl.NONE, CoapSettings.configuration());
    }

    /**
     * Starts serving, with {@code /local/keys} (and in a simulated home {@code /local/sim/{sensor}})
     * on the plain loopback endpoint only.
     */
    public static CoapGatewayServer start(InetSocketAddress secureAddress, int plainPort, Map<InetSocketAddress, PskKey> carers,
                                          GatewayHandlers handlers, LocalControl local) {
        return start(secureAddress, plainPort, carers, handlers, local, CoapSettings.configuration());
    }

    /** With a given Californium configuration: tests shorten the retransmission timers. */
    static CoapGatewayServer start(InetSocketAddress secureAddress, int plainPort, Map<InetSocketAddress, PskKey> carers,
                                   GatewayHandlers handlers, LocalControl local, Configuration config) {
        Sessions sessions = new Sessions();
        AdvancedMultiPskStore keys = DtlsEndpoints.keyStore(carers);
        CoapEndpoint secure = DtlsEndpoints.secure(config, secureAddress, keys, SERVING, sessions);
        // Alerts and heartbeats leave from a fresh ephemeral port each start, not from the server
        // port: to a carer's device a restarted gateway is then a new peer, so nothing it kept
        // about the previous process (a half-done handshake, its duplicate cache) can get in the way.
        AdvancedMultiPskStore outgoingKeys = DtlsEndpoints.keyStore(carers);
        CoapEndpoint outgoing = DtlsEndpoints.secure(config, new InetSocketAddress(secureAddress.getAddress(), 0),
                outgoingKeys, OUTGOING, sessions);

        CoapServer server = new CoapServer(config);
        server.addEndpoint(secure);
        CoapEndpoint plain = null;
        if (plainPort >= 0) {
            plain = new CoapEndpoint.Builder()
                    .setConfiguration(config)
                    .setInetSocketAddress(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), plainPort))
                    .build();
            server.addEndpoint(plain);
        }
        CoapResource status = new StatusResource(handlers);
        CoapResource alerts = new AlertsResource(handlers);
        server.add(status, alerts);
        if (plain != null) {
            server.add(LocalResources.create(plain, local));
        }
        server.start();
        try {
            outgoing.start();
        } catch (java.io.IOException e) {
            server.destroy();
            throw new IllegalStateException("cannot open the DTLS port for sending to carers: " + e.getMessage(), e);
        }
        LOG.info("CoAP listening: coaps on {}{}", secure.getAddress(),
                plain == null ? "" : ", plain coap on " + plain.getAddress() + " (loopback only)");
        return new CoapGatewayServer(server, secure, plain, keys, outgoing, outgoingKeys, sessions, status, alerts);
    }

    public InetSocketAddress secureAddress() {
        return secure.getAddress();
    }

    public InetSocketAddress plainAddress() {
        if (plain == null) {
            throw new IllegalStateException("plain CoAP is off");
        }
        return plain.getAddress();
    }

    /** Sends alerts and heartbeats to carers' devices, re-sending when a device restarts. */
    Sender sender() {
        return sender;
    }

    /**
     * Tells {@code listener} the PSK identity of every carer whose device restarted (or is heard
     * for the first time): after a restart a device says hello first, so its queue can be sent at
     * once instead of at the next retry. Called on a CoAP thread.
     */
    public void onDeviceRestart(java.util.function.Consumer<String> listener) {
        sessions.onRestarted(listener);
    }

    /**
     * Removes a carer's key: new handshakes with it fail at once, and that carer's live DTLS
     * sessions are dropped. Other carers' sessions stay: dropping them too would leave their
     * devices holding sessions this side forgot, as a restart does.
     */
    public void revoke(String identity) {
        keys.removeKey(identity);
        outgoingKeys.removeKey(identity);
        PreSharedKeyIdentity principal = new PreSharedKeyIdentity(identity);
        for (CoapEndpoint endpoint : List.of(secure, outgoing)) {
            try {
                ((DTLSConnector) endpoint.getConnector()).startDropConnectionsForPrincipal(principal).get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.warn("Could not drop every session of carer identity {}; clearing all sessions instead", identity);
                ((DTLSConnector) endpoint.getConnector()).clearConnectionState();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ((DTLSConnector) endpoint.getConnector()).clearConnectionState();
            }
        }
        LOG.info("Revoked the key of carer identity {}", identity);
    }

    /** Tells observers of {@code /status} and {@code /alerts} that something changed. */
    public void changed() {
        statusResource.changed();
        alertsResource.changed();
    }

    @Override
    public void close() {
        server.stop();
        server.destroy();
        outgoing.destroy();
    }

    static void respondJson(CoapExchange exchange, ResponseCode code, Record body) {
        exchange.respond(code, WireCodec.encode(body), MediaTypeRegistry.APPLICATION_JSON);
    }

    /** The PSK identity the DTLS handshake proved, or null for plain CoAP. */
    static String pskIdentity(CoapExchange exchange) {
        Principal peer = exchange.advanced().getRequest().getSourceContext().getPeerIdentity();
        return peer instanceof PreSharedKeyIdentity psk ? psk.getIdentity() : null;
    }

    private static final class StatusResource extends CoapResource {
        private final GatewayHandlers handlers;

        StatusResource(GatewayHandlers handlers) {
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
                    respondJson(exchange, ResponseCode.CONTENT, status);
                }
            });
        }
    }

    private static final class AlertsResource extends CoapResource {
        private final GatewayHandlers handlers;

        AlertsResource(GatewayHandlers handlers) {
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
                    respondJson(exchange, ResponseCode.CONTENT, alerts);
                }
            });
        }

        /** {@code /alerts/{id}} exists for every id; only its {@code ack} and {@code resolve} children do anything. */
        @Override
        public Resource getChild(String name) {
            AlertResource alert = new AlertResource(name);
            alert.add(new AckResource(name, handlers));
            alert.add(new ResolveResource(name, handlers));
            alert.setParent(this);
            return alert;
        }
    }

    private static final class AlertResource extends CoapResource {
        AlertResource(String id) {
            super(id, false);
        }
    }

    /**
     * A carer acting on one alert: {@code /alerts/{id}/ack} and {@code /alerts/{id}/resolve}. Both
     * need a proven DTLS identity, which alone says who acts; the payload must name the path's alert.
     * The answer is sent once the gateway has stored what changed.
     */
    private abstract static class CarerActResource<T extends Record> extends CoapResource {
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
            String identity = pskIdentity(exchange);
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

    private static final class AckResource extends CarerActResource<Acknowledgement> {
        private final GatewayHandlers handlers;

        AckResource(String alertId, GatewayHandlers handlers) {
            super(Protocol.ACK, alertId, "acknowledgements");
            this.handlers = handlers;
        }

        @Override
        Acknowledgement decode(byte[] payload) throws ProtocolException {
            return WireCodec.decodeAck(payload);
        }

        @Override
        UUID alertIn(Acknowledgement ack) {
            return ack.alertId();
        }

        @Override
        CompletionStage<AckResult> apply(UUID id, String identity, Acknowledgement ack) {
            return handlers.acknowledge(id, identity, ack.note());
        }
    }

    private static final class ResolveResource extends CarerActResource<Resolution> {
        private final GatewayHandlers handlers;

        ResolveResource(String alertId, GatewayHandlers handlers) {
            super(Protocol.RESOLVE, alertId, "resolutions");
            this.handlers = handlers;
        }

        @Override
        Resolution decode(byte[] payload) throws ProtocolException {
            return WireCodec.decodeResolution(payload);
        }

        @Override
        UUID alertIn(Resolution resolution) {
            return resolution.alertId();
        }

        @Override
        CompletionStage<AckResult> apply(UUID id, String identity, Resolution resolution) {
            return handlers.resolve(id, identity, resolution.outcome(), resolution.note());
        }
    }
}
