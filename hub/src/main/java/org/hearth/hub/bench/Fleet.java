package org.hearth.hub.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.hearth.hub.store.Home;
import org.hearth.protocol.Heartbeat;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.WireCodec;
import org.hearth.transport.CoapSettings;
import org.hearth.transport.DtlsEndpoints;
import org.hearth.transport.PskKey;
import org.hearth.transport.Sessions;

/**
 * The simulated gateways: one Scandium DTLS 1.2 endpoint per home on its own UDP port, with the
 * home's PSK identity, asking the hub for a Connection ID as the gateway does. The endpoints share
 * a few CoAP executors (each still has its own DTLS receiver). Each keeps the hub's NAT mapping with
 * NON heartbeats, as the gateway does.
 */
final class Fleet implements AutoCloseable {

    /** Handshakes under way at once while the fleet connects. */
    private static final int CONNECTING_AT_ONCE = 64;

    private final InetSocketAddress hub;
    private final List<CoapEndpoint> endpoints = new ArrayList<>();
    private final List<Home> homes;
    private final ScheduledExecutorService main = Executors.newScheduledThreadPool(2, daemon("bench-coap"));
    private final ScheduledExecutorService secondary = Executors.newScheduledThreadPool(1, daemon("bench-coap-timer"));
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("bench-heartbeats"));
    private final AtomicLong heartbeatSeq = new AtomicLong();

    private Fleet(InetSocketAddress hub, List<Home> homes) {
        this.hub = hub;
        this.homes = homes;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Starts one endpoint per home and completes each one's DTLS handshake with a confirmable
     * heartbeat; fails unless every gateway is answered within {@code limit}.
     */
    static Fleet connect(InetSocketAddress hub, List<Home> homes, int heartbeatSeconds, Duration limit)
            throws IOException, InterruptedException {
        Fleet fleet = new Fleet(hub, homes);
        try {
            Semaphore connecting = new Semaphore(CONNECTING_AT_ONCE);
            List<CompletableFuture<Response>> answers = new ArrayList<>();
            long deadline = System.nanoTime() + limit.toNanos();
            for (int i = 0; i < homes.size(); i++) {
                fleet.endpoints.add(fleet.endpoint(homes.get(i)));
                if (!connecting.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw new IOException("the gateways did not connect within " + limit.toSeconds() + " s");
                }
                CompletableFuture<Response> answer = fleet.send(i, fleet.heartbeat(i, CoAP.Type.CON, heartbeatSeconds));
                answer.whenComplete((r, e) -> connecting.release());
                answers.add(answer);
            }
            int failed = 0;
            for (CompletableFuture<Response> a : answers) {
                Response r = a.orTimeout(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).exceptionally(e -> null).join();
                if (r == null || r.getCode() != CoAP.ResponseCode.CHANGED) {
                    failed++;
                }
            }
            if (failed > 0) {
                throw new IOException(failed + " of " + homes.size() + " gateways could not connect to the hub");
            }
            for (int i = 0; i < homes.size(); i++) {
                int gateway = i;
                long first = (long) (heartbeatSeconds * 1000.0 * i / homes.size());
                fleet.heartbeats.scheduleAtFixedRate(() -> fleet.send(gateway, fleet.heartbeat(gateway, CoAP.Type.NON, heartbeatSeconds)),
                        first, heartbeatSeconds * 1000L, TimeUnit.MILLISECONDS);
            }
            return fleet;
        } catch (IOException | RuntimeException | InterruptedException e) {
            fleet.close();
            throw e;
        }
    }

    private CoapEndpoint endpoint(Home home) throws IOException {
        Configuration config = CoapSettings.initiating();
        // As the gateway: it asks the hub for a Connection ID and needs none itself.
        config.set(DtlsConfig.DTLS_CONNECTION_ID_LENGTH, 0);
        CoapEndpoint endpoint = DtlsEndpoints.secure(config, new InetSocketAddress("127.0.0.1", 0),
                DtlsEndpoints.keyStore(Map.of(hub, new PskKey(home.identity(), home.key()))), "bench-" + home.identity(), new Sessions());
        endpoint.setExecutors(main, secondary);
        endpoint.start();
        return endpoint;
    }

    int size() {
        return endpoints.size();
    }

    Home home(int gateway) {
        return homes.get(gateway);
    }

    private Request heartbeat(int gateway, CoAP.Type type, int interval) {
        byte[] body = WireCodec.encode(new Heartbeat(Protocol.VERSION, homes.get(gateway).label(), Instant.now(),
                heartbeatSeq.incrementAndGet(), interval, Heartbeat.RUNNING));
        return request(CoAP.Code.POST, type, "heartbeat", body);
    }

    /** A request to the hub's {@code /v1/path}, with a JSON body unless {@code body} is null. */
    Request request(CoAP.Code code, CoAP.Type type, String path, byte[] body) {
        Request request = new Request(code, type);
        request.setURI("coaps://" + hub.getHostString() + ":" + hub.getPort() + "/v1/" + path);
        if (body != null) {
            request.setPayload(body);
            request.getOptions().setContentFormat(Protocol.CONTENT_FORMAT_JSON);
        }
        return request;
    }

    /** Sends from gateway {@code gateway}; the answer, or null when none came (after CoAP's retransmissions) or it failed. */
    CompletableFuture<Response> send(int gateway, Request request) {
        CompletableFuture<Response> answer = new CompletableFuture<>();
        request.addMessageObserver(new MessageObserverAdapter() {
            @Override
            public void onResponse(Response response) {
                answer.complete(response);
            }

            @Override
            protected void failed() {
                answer.complete(null);
            }
        });
        endpoints.get(gateway).sendRequest(request);
        if (request.getType() == CoAP.Type.NON) {
            answer.complete(null);
        }
        return answer;
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        endpoints.forEach(CoapEndpoint::destroy);
        main.shutdownNow();
        secondary.shutdownNow();
    }
}
