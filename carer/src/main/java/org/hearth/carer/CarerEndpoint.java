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
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.hearth.protocol.Acknowledgement;
import org.hearth.protocol.Alert;
import org.hearth.protocol.Down;
import org.hearth.protocol.OpenAlerts;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.ProtocolException;
import org.hearth.protocol.Resolution;
import org.hearth.protocol.WireCodec;
import org.hearth.transport.CoapSettings;
import org.hearth.transport.DtlsEndpoints;
import org.hearth.transport.Printable;
import org.hearth.transport.PskKey;
import org.hearth.transport.Sender;
import org.hearth.transport.Sessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A carer's device: serves {@code /alerts} and {@code /heartbeat} over DTLS with the carer's
 * pre-shared key, and posts acknowledgements and resolutions to the gateway with the same key. Alerts are
 * deduplicated by id, so a gateway retry after a crash is shown once.
 *
 * <p>It says hello when it starts (a GET of the gateway's {@code /alerts}): after the device
 * restarts, that fresh handshake tells the gateway to drop its stale session and send the queue
 * now, and the answer lists what is still open, so an alert delivered just before a crash is not
 * left unanswered. Acknowledgements survive the gateway restarting: see {@link Sender}.
 */
public final class CarerEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CarerEndpoint.class);
    /** Ids remembered for deduplication; a home raises a few alerts a day. */
    private static final int REMEMBERED_IDS = 10_000;
    /**
     * Tries of an acknowledgement while the gateway does not answer at all: a timeout makes the next
     * one start with a fresh handshake. One that could not be sent (its handshake failed, as with a
     * wrong key, once its retransmissions ran out) is not tried again: the carer is told then.
     */
    static final int ACK_TRIES = 3;
    private static final String TAG = "carer";
    /** The longest wait between two hellos the gateway did not answer. */
    static final java.time.Duration HELLO_RETRY_MAX = java.time.Duration.ofSeconds(30);

    private final CoapServer server;
    private final CoapEndpoint endpoint;
    private final Sender sender;
    private final URI gateway;
    private final String name;
    private final String identity;
    private final Clock clock;
    private final Set<UUID> seen = Collections.newSetFromMap(new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    });

    private final java.util.concurrent.atomic.AtomicLong duplicates = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicBoolean greeting = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicBoolean greeted = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean closed;

    private CarerEndpoint(CoapServer server, CoapEndpoint endpoint, Sender sender, URI gateway, String name,
                          String identity, Clock clock) {
        this.server = server;
        this.endpoint = endpoint;
        this.sender = sender;
        this.gateway = gateway;
        this.name = name;
        this.identity = identity;
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
        return start(listen, gateway, name, identity, key, clock, listener, Set.of());
    }

    /**
     * Starts listening, treating {@code shownBefore} as already shown: the ids a device that
     * restarted had shown before, so a gateway's re-send is not shown twice.
     */
    public static CarerEndpoint start(InetSocketAddress listen, URI gateway, String name, String identity, byte[] key,
                                      Clock clock, CarerListener listener, java.util.Collection<UUID> shownBefore) {
        Configuration config = CoapSettings.configuration();
        Sessions sessions = new Sessions();
        CoapEndpoint endpoint = DtlsEndpoints.secure(config, listen, DtlsEndpoints.keyStore(
                Map.of(DtlsEndpoints.address(gateway), new PskKey(identity, key))), TAG, sessions);
        CoapServer server = new CoapServer(config);
        server.addEndpoint(endpoint);
        CarerEndpoint carer = new CarerEndpoint(server, endpoint, new Sender(endpoint, sessions), gateway, name,
                identity, clock);
        carer.seen.addAll(shownBefore);
        server.add(carer.new AlertsResource(listener), carer.new HeartbeatResource(listener));
        server.start();
        LOG.info("Carer {} listening on {}", name, endpoint.getAddress());
        carer.greet(listener);
        return carer;
    }

    /**
     * Says hello and hands the open alerts to {@code listener}. Until a hello is answered, each
     * heartbeat or alert (the gateway is up) says it again, so an alert delivered before a restart
     * is not left unanswered because the first hello was lost.
     */
    private void greet(CarerListener listener) {
        greet(listener, 0);
    }

    /** One hello; an unanswered one is said again after 2, 4, 8 … up to 30 s, until answered or closed. */
    private void greet(CarerListener listener, int failures) {
        if (closed || !greeting.compareAndSet(false, true)) {
            return;
        }
        hello().thenAccept(open -> {
            open.ifPresent(listener::onOpenAlerts);
            if (open.isPresent()) {
                greeted.set(true);
            }
            greeting.set(false);
            if (open.isEmpty()) {
                long seconds = Math.min(HELLO_RETRY_MAX.toSeconds(), 2L << Math.min(failures, 4));
                CompletableFuture.delayedExecutor(seconds, TimeUnit.SECONDS).execute(() -> {
                    if (!greeted.get()) {
                        greet(listener, failures + 1);
                    }
                });
            }
        });
    }

    /** Says hello to the gateway; completes with its open alerts, or empty when it did not answer. */
    public CompletionStage<java.util.Optional<OpenAlerts>> hello() {
        return sender.send(Code.GET, gateway.resolve("/" + Protocol.ALERTS), identity, new byte[0], MediaTypeRegistry.UNDEFINED)
                .thenApply(outcome -> {
                    if (!outcome.succeeded()) {
                        LOG.info("The gateway did not answer hello; it will be heard when it sends");
                        return java.util.Optional.empty();
                    }
                    try {
                        return java.util.Optional.of(WireCodec.decodeOpenAlerts(outcome.response().orElseThrow().getPayload()));
                    } catch (ProtocolException e) {
                        LOG.warn("The gateway's open alerts could not be read: {}", Printable.of(e.getMessage()));
                        return java.util.Optional.empty();
                    }
                });
    }

    public InetSocketAddress address() {
        return endpoint.getAddress();
    }

    /**
     * Tells the gateway this carer has taken charge. Completes true when the gateway accepted it.
     * Tried up to {@value #ACK_TRIES} times while the gateway does not answer at all (it may have
     * restarted); the gateway treats a repeat as the same acknowledgement.
     */
    public CompletionStage<Boolean> acknowledge(UUID alertId, String note) {
        byte[] payload = WireCodec.encode(new Acknowledgement(Protocol.VERSION, alertId, name, clock.instant(), note));
        return post(alertId, Protocol.ACK, "acknowledgement", payload, 1).thenApply(Sender.Outcome::succeeded);
    }

    /**
     * Tells the gateway this carer has dealt with the alert, and how it ended. Tried as
     * {@link #acknowledge} is; the gateway treats a repeat as the same resolution.
     *
     * @param note words for the alert's audit trail; may be empty
     */
    public CompletionStage<ResolveAnswer> resolve(UUID alertId, Down.Outcome outcome, String note) {
        byte[] payload = WireCodec.encode(new Resolution(Protocol.VERSION, alertId, name, clock.instant(), outcome, note));
        return post(alertId, Protocol.RESOLVE, "resolution", payload, 1).thenApply(ResolveAnswer::of);
    }

    /** POSTs to {@code /alerts/{id}/{action}}, again with a fresh handshake while the gateway does not answer at all. */
    private CompletionStage<Sender.Outcome> post(UUID alertId, String action, String what, byte[] payload, int attempt) {
        URI target = gateway.resolve("/" + Protocol.ALERTS + "/" + alertId + "/" + action);
        return sender.send(Code.POST, target, identity, payload, MediaTypeRegistry.APPLICATION_JSON).thenCompose(outcome -> {
            outcome.response().filter(r -> !r.isSuccess()).ifPresent(r -> LOG.warn(
                    "Gateway refused the {}: {} {}", what, r.getCode(), Printable.of(r.getPayloadString())));
            if (!outcome.timedOut() || attempt >= ACK_TRIES) {
                return CompletableFuture.completedFuture(outcome);
            }
            LOG.info("The gateway did not answer {} {} (try {}); trying again with a fresh handshake", what, alertId, attempt);
            return post(alertId, action, what, payload, attempt + 1);
        });
    }

    /** How many alerts arrived again after being shown, and were not shown twice: gateway retries. */
    public long duplicatesIgnored() {
        return duplicates.get();
    }

    @Override
    public void close() {
        closed = true;
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
            if (!greeted.get()) {
                greet(listener);
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

    private final class HeartbeatResource extends CoapResource {
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
                if (!greeted.get()) {
                    greet(listener);
                }
            } catch (ProtocolException e) {
                exchange.respond(ResponseCode.BAD_REQUEST, e.getMessage());
            }
        }
    }
}
