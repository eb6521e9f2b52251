package org.hearth.hub.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.hub.config.HubConfig;
import org.hearth.hub.push.AlertPushes;
import org.hearth.hub.store.Device;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.StoreException;
import org.hearth.hub.uplink.UplinkServer;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The carers' API under {@code /api/v1} (docs/hub-api.md §3, §4) on the JDK's HTTPS server: a
 * device is known by its {@code hearth_device} cookie alone, limited to 60 requests a minute;
 * enrolment to 5 a minute per source address. The carer web app's own files are served at {@code /}
 * ({@link WebApp}).
 */
public final class HttpApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    static final String BASE = "/api/v1/";
    static final int REQUESTS_PER_MINUTE = 60;
    static final int ENROLMENTS_PER_MINUTE = 5;
    private static final int THREADS = 8;

    private final HttpsServer server;
    private final ExecutorService threads;
    private final DeviceEndpoints devices;
    private final HomeEndpoints homes;
    private final LiveStreams streams;
    private final RateLimiter perDevice;
    private final RateLimiter perAddress;

    private HttpApi(HttpsServer server, ExecutorService threads, HubStore store, UplinkServer uplink, Clock clock, Duration heartbeat,
            Scheduler streamLoop, Optional<AlertPushes> pushes) {
        this.server = server;
        this.threads = threads;
        this.streams = new LiveStreams(store, streamLoop);
        this.devices = new DeviceEndpoints(store, clock, streams, pushes);
        this.homes = new HomeEndpoints(store, uplink, clock, heartbeat);
        this.perDevice = new RateLimiter(REQUESTS_PER_MINUTE, clock);
        this.perAddress = new RateLimiter(ENROLMENTS_PER_MINUTE, clock);
    }

    /**
     * Starts serving on {@code http}'s address (port 0: any free port, see {@link #port()}) with its
     * certificate; a self-signed one is made in {@code dataDir} at first start. The live streams
     * poll the store, send keep-alives and prune on {@code streamLoop}.
     */
    public static HttpApi start(HubConfig.Http http, Path dataDir, HubStore store, UplinkServer uplink, Clock clock,
            Duration heartbeat, Scheduler streamLoop) {
        return start(http, dataDir, store, uplink, clock, heartbeat, streamLoop, Optional.empty());
    }

    /** As above, with Web Push: {@code pushes} serves the VAPID key and sends the test notifications. */
    public static HttpApi start(HubConfig.Http http, Path dataDir, HubStore store, UplinkServer uplink, Clock clock,
            Duration heartbeat, Scheduler streamLoop, Optional<AlertPushes> pushes) {
        // Not sun.net.httpserver.nodelay: with it set, two fresh-clone CI runs each had one request on
        // a kept-alive HTTPS connection that the JDK's dispatcher never handed to a thread (every
        // hub-https thread idle, the client timed out); docs/performance.md.
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(http.bind(), http.port()), 50);
            server.setHttpsConfigurator(new HttpsConfigurator(Certificates.context(http.tls(), dataDir, http.publicUrl().getHost())));
            AtomicInteger n = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(THREADS, r -> {
                Thread t = new Thread(r, "hub-https-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(threads);
            HttpApi api = new HttpApi(server, threads, store, uplink, clock, heartbeat, streamLoop, pushes);
            server.createContext(BASE, api::handle);
            server.createContext("/", WebApp::handle);
            server.start();
            LOG.info("HTTPS API serving https://{}:{}{} (public address {}, {} certificate)", http.bind(), api.port(), BASE,
                    http.publicUrl(), http.tls().isSelfSigned() ? "self-signed" : "configured");
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the HTTPS API on " + http.bind() + ":" + http.port() + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the HTTPS certificate: " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) {
        Call call = new Call(exchange, BASE);
        try {
            try {
                dispatch(call);
            } catch (ApiException e) {
                call.error(e);
            } catch (StoreException e) {
                call.error(new ApiException(503, "store_unavailable", "the hub cannot use its store now; try again in a minute", 60));
            } catch (RuntimeException e) {
                LOG.error("{} {} failed", call.method, exchange.getRequestURI().getPath(), e);
                call.error(new ApiException(500, "internal", "the hub failed on this request; it is logged"));
            }
        } catch (IOException e) {
            LOG.debug("Could not answer {} {}: {}", call.method, exchange.getRequestURI().getPath(), e.getMessage());
        } finally {
            if (!call.streaming()) {
                exchange.close();
            }
        }
    }

    private void dispatch(Call call) throws IOException {
        List<String> p = call.path;
        if (p.equals(List.of("enrol"))) {
            allowed(call, "POST");
            limit(perAddress, call.sourceAddress(), "enrolments from this address");
            devices.enrol(call);
            return;
        }
        Device device = devices.caller(call);
        limit(perDevice, device.id(), "requests from this device");
        if (p.equals(List.of("homes"))) {
            allowed(call, "GET");
            homes.list(call, device);
        } else if (p.equals(List.of("homes", "stream"))) {
            allowed(call, "GET");
            streams.open(call, device);
        } else if (p.size() == 2 && p.get(0).equals("homes")) {
            allowed(call, "GET");
            homes.one(call, device, p.get(1));
        } else if (p.size() >= 3 && p.size() <= 5 && p.get(0).equals("homes")) {
            homes.route(call, device);
        } else if (p.equals(List.of("devices"))) {
            allowed(call, "GET");
            devices.list(call, device);
        } else if (p.equals(List.of("push", "key"))) {
            allowed(call, "GET");
            devices.pushKey(call);
        } else if (p.equals(List.of("devices", "self", "push"))) {
            if (call.method.equals("DELETE")) {
                devices.unsubscribe(call, device);
            } else {
                allowed(call, "PUT");
                devices.subscribe(call, device);
            }
        } else if (p.equals(List.of("devices", "self", "test"))) {
            allowed(call, "POST");
            devices.test(call, device);
        } else if (p.size() == 2 && p.get(0).equals("devices")) {
            allowed(call, "DELETE");
            devices.revoke(call, device, p.get(1));
        } else {
            throw ApiException.notFound("no such request: " + call.method + " " + BASE + String.join("/", p));
        }
    }

    private static void allowed(Call call, String method) {
        if (!call.method.equals(method)) {
            call.header("Allow", method);
            throw new ApiException(405, "method_not_allowed", "use " + method + " here");
        }
    }

    private static void limit(RateLimiter limiter, String key, String what) {
        limiter.take(key).ifPresent(wait -> {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ApiException(429, "slow_down", "too many " + what + "; try again in " + seconds + " s", seconds);
        });
    }

    @Override
    public void close() {
        streams.close();
        server.stop(0);
        threads.shutdownNow();
    }
}
