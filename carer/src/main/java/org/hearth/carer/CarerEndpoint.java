package org.hearth.carer;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.hearth.protocol.Acknowledgement;
import org.hearth.protocol.Alert;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.ProtocolException;
import org.hearth.protocol.WireCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A carer's device: serves {@code /alerts} and {@code /heartbeat} over DTLS with the carer's
 * pre-shared key, and posts acknowledgements to the gateway with the same key. Alerts are
 * deduplicated by id, so a gateway retry after a crash is shown once.
 */
public final class CarerEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CarerEndpoint.class);
    /** Ids remembered for deduplication; a home raises a few alerts a day. */
    private static final int REMEMBERED_IDS = 10_000;

    private final CoapServer server;
    private final CoapEndpoint endpoint;
    private final URI gateway;
    private final String name;
    private final Clock clock;
    private final Set<UUID> seen = Collections.newSetFromMap(new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    });

    private final java.util.concurrent.atomic.AtomicLong duplicates = new java.util.concurrent.atomic.AtomicLong();

    private CarerEndpoint(CoapServer server, CoapEndpoint endpoint, URI gateway, String name, Clock clock) {
        this.server = server;
        this.endpoint = endpoint;
        this.gateway = gateway;
        this.name = name;
        this.clock = clock;
    }

    /**
     * Starts listening.
     *
     * @param listen   where this device listens, for example 0.0.0.0:5684
     * @param gateway  the gateway's coaps URI, for acknowledgements
     * @param name     the carer's name, sent in acknowledgements
     * @param identity the carer's PSK identity
     * @param key      the carer's 16-byte key; never logged
     */
    public static CarerEndpoint start(InetSocketAddress listen, URI gateway, String name, String identity, byte[] key,
                                      Clock clock, CarerListener listener) {
        Configuration config = configuration();
        AdvancedMultiPskStore keys = new AdvancedMultiPskStore();
        keys.setKey(identity, key);
        keys.addKnownPeer(new InetSocketAddress(gateway.getHost(), port(gateway)), identity, key);
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(listen)
                .setAdvancedPskStore(keys)
                .setLoggingTag("carer")
                .build();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(config)
                .setConnector(new DTLSConnector(dtls)).setLoggingTag("carer").build();
        CoapServer server = new CoapServer(config);
        server.addEndpoint(endpoint);
        CarerEndpoint carer = new CarerEndpoint(server, endpoint, gateway, name, clock);
        server.add(carer.new AlertsResource(listener), new HeartbeatResource(listener));
        server.start();
        LOG.info("Carer {} listening on {}", name, endpoint.getAddress());
        return carer;
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : Protocol.COAPS_PORT;
    }

    /** Californium sized for one phone or laptop talking to a few homes; nothing written to disk. */
    private static Configuration configuration() {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
        Configuration c = Configuration.createStandardWithoutFile();
        // A gateway sends from a new port after every restart; 64 connections with a 10-minute
        // stale threshold leave room for a gateway restarting often, and evict the old ones.
        c.set(CoapConfig.MAX_ACTIVE_PEERS, 64);
        c.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 1);
        c.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, 1);
        c.set(UdpConfig.UDP_SENDER_THREAD_COUNT, 1);
        c.set(DtlsConfig.DTLS_MAX_CONNECTIONS, 64);
        c.set(DtlsConfig.DTLS_STALE_CONNECTION_THRESHOLD, 10L, TimeUnit.MINUTES);
        c.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
        c.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
        c.set(DtlsConfig.DTLS_USE_ANTI_REPLAY_FILTER, true);
        c.set(DtlsConfig.DTLS_RECOMMENDED_CIPHER_SUITES_ONLY, true);
        c.set(DtlsConfig.DTLS_CIPHER_SUITES, java.util.List.of(CipherSuite.TLS_PSK_WITH_AES_128_CCM_8,
                CipherSuite.TLS_ECDHE_PSK_WITH_AES_128_GCM_SHA256));
        return c;
    }

    public InetSocketAddress address() {
        return endpoint.getAddress();
    }

    /** Tells the gateway this carer has taken charge. Completes true when the gateway accepted it. */
    public CompletionStage<Boolean> acknowledge(UUID alertId, String note) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Request request = Request.newPost();
        request.setType(Type.CON);
        request.setURI(gateway.resolve("/" + Protocol.ALERTS + "/" + alertId + "/" + Protocol.ACK));
        request.setPayload(WireCodec.encode(new Acknowledgement(Protocol.VERSION, alertId, name, clock.instant(), note)));
        request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
        request.addMessageObserver(new MessageObserverAdapter() {
            @Override
            public void onResponse(Response response) {
                if (!response.isSuccess()) {
                    LOG.warn("Gateway refused the acknowledgement: {} {}", response.getCode(), response.getPayloadString());
                }
                result.complete(response.isSuccess());
            }

            @Override
            protected void failed() {
                result.complete(false);
            }
        });
        endpoint.sendRequest(request);
        return result;
    }

    /** How many alerts arrived again after being shown, and were not shown twice: gateway retries. */
    public long duplicatesIgnored() {
        return duplicates.get();
    }

    @Override
    public void close() {
        server.stop();
        server.destroy();
    }

    private synchronized boolean firstTime(UUID id) {
        return seen.add(id);
    }

    private final class AlertsResource extends CoapResource {
        private final CarerListener listener;

        AlertsResource(CarerListener listener) {
            super(Protocol.ALERTS);
            this.listener = listener;
        }

        @Override
        public void handlePOST(CoapExchange exchange) {
            Alert alert;
            try {
                alert = WireCodec.decodeAlert(exchange.getRequestPayload());
            } catch (ProtocolException e) {
                exchange.respond(ResponseCode.BAD_REQUEST, e.getMessage());
                return;
            }
            if (firstTime(alert.id())) {
                listener.onAlert(alert);
            } else {
                duplicates.incrementAndGet();
            }
            // The receipt names the alert, so the gateway can tell it from a stale cached answer.
            exchange.respond(ResponseCode.CHANGED, alert.id().toString(), MediaTypeRegistry.TEXT_PLAIN);
        }
    }

    private static final class HeartbeatResource extends CoapResource {
        private final CarerListener listener;

        HeartbeatResource(CarerListener listener) {
            super(Protocol.HEARTBEAT);
            this.listener = listener;
        }

        @Override
        public void handlePOST(CoapExchange exchange) {
            try {
                listener.onHeartbeat(WireCodec.decodeHeartbeat(exchange.getRequestPayload()));
                exchange.respond(ResponseCode.CHANGED);
            } catch (ProtocolException e) {
                exchange.respond(ResponseCode.BAD_REQUEST, e.getMessage());
            }
        }
    }
}
