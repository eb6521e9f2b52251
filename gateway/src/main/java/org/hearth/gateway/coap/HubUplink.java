package org.hearth.gateway.coap;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.hearth.gateway.domain.AlertChannel;
import org.hearth.gateway.domain.Carer;
import org.hearth.gateway.domain.hub.HubLink;
import org.hearth.protocol.Alert;
import org.hearth.protocol.AlertEvent;
import org.hearth.protocol.Down;
import org.hearth.protocol.Heartbeat;
import org.hearth.protocol.HomeSummary;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.ProtocolException;
import org.hearth.protocol.WireCodec;
import org.hearth.time.Scheduler;
import org.hearth.transport.CoapSettings;
import org.hearth.transport.DtlsEndpoints;
import org.hearth.transport.Printable;
import org.hearth.transport.PskKey;
import org.hearth.transport.Sender;
import org.hearth.transport.Sessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's one outbound session to the care hub (docs/hub-api.md §2): DTLS 1.2 with
 * Connection ID, so a home router that moves the gateway to another port mid-session breaks
 * nothing (this side sends an empty CID: it needs none of its own, the hub gives 6 bytes).
 *
 * <ul>
 * <li>Upward, confirmable, through a {@link Sender}, so the restart rules of docs/architecture.md
 *     apply: alerts for carers through the hub ({@code /v1/alerts}, delivered when the hub's
 *     receipt names the alert), alert events, the home summary, and deletes of applied down entries.</li>
 * <li>A non-confirmable heartbeat every interval keeps the home router's UDP mapping open.</li>
 * <li>Downward: {@code /v1/down} observed on the same session. Every new session (the first, a
 *     restart of either side, a fresh handshake after a timeout) registers the observation again,
 *     and is told to {@code onSession} so queued work goes at once; so does every heartbeat, so
 *     that after a NAT rebinding the hub's notifications find the new port within one interval.</li>
 * </ul>
 */
public final class HubUplink implements AlertChannel, HubLink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HubUplink.class);
    static final String TAG = "hub";
    /** A carers' heartbeat through the hub asks the hub at most this often, however many such carers. */
    private static final Duration CHECK_REUSE = Duration.ofSeconds(10);

    private final CoapEndpoint endpoint;
    private final Sender sender;
    private final URI hub;
    private final String identity;
    private final String home;
    private final Scheduler loop;
    private final Duration heartbeat;
    private final AtomicLong beats = new AtomicLong();
    private final AtomicLong sessions = new AtomicLong();
    private volatile Consumer<Down> down = d -> { };
    private volatile Runnable onSession = () -> { };
    private CoapObserveRelation relation;
    /** A refusal of the observation is logged once, until the hub takes it again. */
    private volatile boolean refusalLogged;
    private Scheduler.Cancellable nextBeat;
    private CompletionStage<Boolean> lastCheck;
    private Instant lastCheckAt = Instant.MIN;

    private HubUplink(CoapEndpoint endpoint, Sessions sessions, URI hub, String identity, String home, Scheduler loop,
                      Duration heartbeat) {
        this.endpoint = endpoint;
        this.sender = new Sender(endpoint, sessions);
        this.hub = hub;
        this.identity = identity;
        this.home = home;
        this.loop = loop;
        this.heartbeat = heartbeat;
        sessions.onEstablished(session -> {
            if (session.endpoint().equals(TAG)) {
                newSession();
            }
        });
    }

    /**
     * Opens the endpoint on a fresh ephemeral port; nothing is sent until {@link #start}.
     *
     * @param key       this home's key at the hub
     * @param heartbeat how often the non-confirmable heartbeat goes
     */
    public static HubUplink open(URI hub, String identity, byte[] key, String home, Scheduler loop, Duration heartbeat) {
        Configuration config = CoapSettings.initiating();
        // 0: this side supports Connection ID and asks the hub to send one, but wants none itself.
        config.set(DtlsConfig.DTLS_CONNECTION_ID_LENGTH, 0);
        Sessions sessions = new Sessions();
        CoapEndpoint endpoint = DtlsEndpoints.secure(config, new InetSocketAddress(0),
                DtlsEndpoints.keyStore(Map.of(DtlsEndpoints.address(hub), new PskKey(identity, key))), TAG, sessions);
        try {
            endpoint.start();
        } catch (java.io.IOException e) {
            endpoint.destroy();
            throw new IllegalStateException("cannot open the DTLS port for the hub: " + e.getMessage(), e);
        }
        return new HubUplink(endpoint, sessions, hub, identity, home, loop, heartbeat);
    }

    /**
     * Starts talking: the first heartbeat at once (the restarted side speaks first, with a fresh
     * handshake), then one every interval.
     *
     * @param down      told every notification of {@code /v1/down}, on the event loop
     * @param onSession told every new session with the hub, on the event loop
     */
    public void start(Consumer<Down> down, Runnable onSession) {
        this.down = down;
        this.onSession = onSession;
        loop.execute(this::beat);
    }

    private void beat() {
        Heartbeat hb = new Heartbeat(Protocol.VERSION, home, loop.now(), beats.incrementAndGet(), heartbeat.toSeconds(),
                Heartbeat.RUNNING);
        Request request = new Request(Code.POST, Type.NON);
        request.setURI(hub.resolve("/v1/heartbeat"));
        request.setPayload(WireCodec.encode(hb));
        request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
        endpoint.sendRequest(request);
        if (relation != null) {
            // Observe afresh at every beat, not only when the hub refused or ended the observation (a
            // 5.03 while its store was down): the hub sends notifications to the address the
            // observation came from, so after the home router moved this gateway to a new port they
            // went nowhere (Scandium drops a record to an address it has no connection for) although
            // the Connection ID kept the session. The new registration comes from the new port.
            observe();
        }
        nextBeat = loop.schedule(heartbeat, this::beat);
    }

    /** A handshake with the hub completed: observe {@code /v1/down} afresh on it. On a DTLS thread. */
    private void newSession() {
        sessions.incrementAndGet();
        observe();
        loop.execute(onSession);
    }

    private synchronized void observe() {
        if (relation != null) {
            relation.reactiveCancel();
        }
        CoapClient client = new CoapClient(hub.resolve("/v1/down"));
        client.setEndpoint(endpoint);
        Request get = Request.newGet();
        get.setURI(hub.resolve("/v1/down"));
        get.setObserve();
        relation = client.observe(get, new CoapHandler() {
            @Override
            public void onLoad(CoapResponse response) {
                notified(response);
            }

            @Override
            public void onError() {
                if (!refusalLogged) {
                    refusalLogged = true;
                    LOG.info("Observing the hub's down channel failed; asking again at every heartbeat");
                }
            }
        });
    }

    private void notified(CoapResponse response) {
        if (!response.isSuccess()) {
            if (!refusalLogged) {
                refusalLogged = true;
                LOG.warn("The hub answered the down channel with {}; asking again at every heartbeat", response.getCode());
            }
            return;
        }
        refusalLogged = false;
        try {
            Down d = WireCodec.decodeDown(response.getPayload());
            loop.execute(() -> down.accept(d));
        } catch (ProtocolException e) {
            LOG.warn("The hub sent a down notification this gateway cannot read; ignored: {}", Printable.of(e.getMessage()));
        }
    }

    @Override
    public CompletionStage<Boolean> send(Carer carer, Alert alert) {
        return request(Code.POST, "/v1/alerts", WireCodec.encode(alert), alert.id().toString());
    }

    /**
     * A carer through the hub is reachable when the hub is: one confirmable heartbeat answers for
     * every such carer at once.
     */
    @Override
    public synchronized CompletionStage<Boolean> heartbeat(Carer carer, Heartbeat heartbeat) {
        Instant now = loop.now();
        if (lastCheck == null || !Heartbeat.RUNNING.equals(heartbeat.state())
                || Duration.between(lastCheckAt, now).compareTo(CHECK_REUSE) > 0) {
            lastCheckAt = now;
            lastCheck = request(Code.POST, "/v1/heartbeat", WireCodec.encode(heartbeat), null);
        }
        return lastCheck;
    }

    @Override
    public CompletionStage<Boolean> postEvent(AlertEvent event) {
        return request(Code.POST, "/v1/alerts/" + event.alertId() + "/events", WireCodec.encode(event), event.receipt());
    }

    @Override
    public CompletionStage<Boolean> putSummary(HomeSummary summary) {
        return request(Code.PUT, "/v1/summary", WireCodec.encode(summary), null);
    }

    @Override
    public CompletionStage<Boolean> deleteDown(long seq) {
        return sender.send(Code.DELETE, hub.resolve("/v1/down/" + seq), identity, new byte[0], MediaTypeRegistry.UNDEFINED)
                .thenApply(o -> o.response().map(r -> r.getCode() == ResponseCode.DELETED).orElse(false));
    }

    /**
     * A confirmable request; with {@code receipt}, only a success answer whose payload is exactly
     * that receipt counts, so a cached answer to an earlier request is never taken for this one.
     */
    private CompletionStage<Boolean> request(Code method, String path, byte[] payload, String receipt) {
        return sender.send(method, hub.resolve(path), identity, payload, MediaTypeRegistry.APPLICATION_JSON)
                .thenApply(outcome -> outcome.response().map(r -> {
                    if (r.isSuccess() && receipt != null && !receipt.equals(r.getPayloadString())) {
                        LOG.warn("The hub answered {} with a receipt for something else; sending again", path);
                        return false;
                    }
                    return r.isSuccess();
                }).orElse(false));
    }

    /** Handshakes completed with the hub since this endpoint opened. */
    public long sessions() {
        return sessions.get();
    }

    /** Where the endpoint sends from. */
    public InetSocketAddress address() {
        return endpoint.getAddress();
    }

    @Override
    public synchronized void close() {
        if (nextBeat != null) {
            nextBeat.cancel();
        }
        if (relation != null) {
            relation.reactiveCancel();
        }
        endpoint.destroy();
    }

}
