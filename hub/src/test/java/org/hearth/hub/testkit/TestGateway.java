package org.hearth.hub.testkit;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.hearth.protocol.Protocol;
import org.hearth.transport.CoapSettings;
import org.hearth.transport.DtlsEndpoints;
import org.hearth.transport.PskKey;
import org.hearth.transport.Sender;
import org.hearth.transport.Sessions;

/**
 * A gateway's side of the uplink, as plain as it gets: a real Californium DTLS endpoint with the
 * home's PSK, supporting Connection ID as a client (it asks the hub for one, uses none itself).
 */
public final class TestGateway implements AutoCloseable {

    public static final long TIMEOUT_MS = 10_000;

    private final CoapEndpoint endpoint;
    private final String base;
    private final String identity;
    private final Sessions sessions = new Sessions();
    private final java.util.concurrent.atomic.AtomicInteger handshakes = new java.util.concurrent.atomic.AtomicInteger();
    private Sender sender;

    public TestGateway(InetSocketAddress hub, String identity, byte[] key) {
        this(hub, identity, key, CoapSettings.initiating());
    }

    /** With Californium settings of the test's own ({@link CoapSettings#initiating()} and changes). */
    public TestGateway(InetSocketAddress hub, String identity, byte[] key, Configuration config) {
        config.set(DtlsConfig.DTLS_CONNECTION_ID_LENGTH, 0);
        this.identity = identity;
        endpoint = DtlsEndpoints.secure(config, new InetSocketAddress("127.0.0.1", 0),
                DtlsEndpoints.keyStore(Map.of(hub, new PskKey(identity, key))), "gateway-" + identity, sessions);
        sessions.onEstablished(session -> handshakes.incrementAndGet());
        try {
            endpoint.start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        base = "coaps://" + hub.getHostString() + ":" + hub.getPort() + "/v1/";
    }

    /** A confirmable request with a JSON body; the response, or null when none came (a send error or a timeout). */
    public Response send(CoAP.Code code, String path, String json) throws InterruptedException {
        Request request = new Request(code, CoAP.Type.CON);
        request.setURI(base + path);
        if (json != null) {
            request.setPayload(json.getBytes(StandardCharsets.UTF_8));
            request.getOptions().setContentFormat(Protocol.CONTENT_FORMAT_JSON);
        }
        return sendAndWait(request);
    }

    public Response sendAndWait(Request request) throws InterruptedException {
        return sendAndWait(request, TIMEOUT_MS);
    }

    /** Sends and waits up to {@code ms}; a request still unanswered then is cancelled. */
    public Response sendAndWait(Request request, long ms) throws InterruptedException {
        endpoint.sendRequest(request);
        Response response = request.waitForResponse(ms);
        if (response == null) {
            request.cancel();
        }
        return response;
    }

    public Request request(CoAP.Code code, CoAP.Type type, String path, byte[] body) {
        Request request = new Request(code, type);
        request.setURI(base + path);
        if (body != null) {
            request.setPayload(body);
            request.getOptions().setContentFormat(Protocol.CONTENT_FORMAT_JSON);
        }
        return request;
    }

    /** DTLS handshakes this gateway completed. */
    public int handshakes() {
        return handshakes.get();
    }

    /**
     * Sends as the gateway's outbox does, through the transport's {@link Sender}: a request that
     * timed out makes the next one to the hub start with a fresh full handshake.
     */
    public Sender.Outcome sendAsOutbox(CoAP.Code code, String path, String json) throws Exception {
        synchronized (this) {
            if (sender == null) {
                sender = new Sender(endpoint, sessions);
            }
        }
        return sender.send(code, java.net.URI.create(base + path), identity,
                json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8), Protocol.CONTENT_FORMAT_JSON)
                .toCompletableFuture().get();
    }

    /** Sends and does not wait: a NON heartbeat. */
    public void fire(Request request) {
        endpoint.sendRequest(request);
    }

    /** Observes {@code /v1/down}; every notification's payload lands in the returned queue. */
    public Observation observeDown() {
        CoapClient client = new CoapClient(base + "down");
        client.setEndpoint(endpoint);
        client.setTimeout(TIMEOUT_MS);
        BlockingQueue<String> notifications = new LinkedBlockingQueue<>();
        CoapObserveRelation relation = client.observe(new CoapHandler() {
            @Override
            public void onLoad(CoapResponse response) {
                notifications.add(response.getCode() + " " + response.getResponseText());
            }

            @Override
            public void onError() {
                notifications.add("error");
            }
        });
        return new Observation(client, relation, notifications);
    }

    /** An observation of {@code /v1/down}. */
    public record Observation(CoapClient client, CoapObserveRelation relation, BlockingQueue<String> notifications)
            implements AutoCloseable {

        /** The next notification, as {@code CODE payload}, or null after 10 s. */
        public String next() throws InterruptedException {
            return notifications.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            relation.proactiveCancel();
            client.shutdown();
        }
    }

    @Override
    public void close() {
        endpoint.destroy();
    }
}
