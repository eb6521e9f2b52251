package org.hearth.hub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.hearth.hub.http.Certificates;

/**
 * The carers' devices: one enrolled device per home, each holding the hub's live stream
 * ({@code GET /api/v1/homes/stream}, Server-Sent Events over HTTPS) open, as the carer web app does.
 * An alert counts as received by the carer's device when the {@code data} line of its {@code alert}
 * event has been read off that device's TLS connection. The JDK's HttpClient reads every stream on a
 * few threads; the hub's certificate (its self-signed one) is the only one trusted.
 */
final class CarerStreams implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Streams being opened at once: the hub's HTTPS server queues 50 connections. */
    private static final int OPENING_AT_ONCE = 32;

    private final HttpClient client;
    private final URI stream;
    private final Receipts receipts;
    private final List<CompletableFuture<HttpResponse<Void>>> open = new ArrayList<>();
    private final AtomicInteger ended = new AtomicInteger();

    CarerStreams(int httpPort, Path hubDataDir, Receipts receipts) throws IOException, GeneralSecurityException {
        this.client = HttpClient.newBuilder().sslContext(trusting(hubDataDir)).connectTimeout(Duration.ofSeconds(10)).build();
        this.stream = URI.create("https://127.0.0.1:" + httpPort + "/api/v1/homes/stream");
        this.receipts = receipts;
    }

    private static SSLContext trusting(Path hubDataDir) throws IOException, GeneralSecurityException {
        char[] password = Files.readString(hubDataDir.resolve(Certificates.SELF_SIGNED_PASSWORD)).strip().toCharArray();
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(hubDataDir.resolve(Certificates.SELF_SIGNED))) {
            server.load(in, password);
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("hub", server.getCertificate(server.aliases().nextElement()));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return tls;
    }

    /**
     * Opens one stream per device credential, replaying from {@code lastEventId} so nothing stored
     * while a stream starts is missed, and waits until every stream has its first line.
     */
    void openAll(List<String> credentials, long lastEventId, Duration limit) throws InterruptedException, IOException {
        Semaphore opening = new Semaphore(OPENING_AT_ONCE);
        CountDownLatch started = new CountDownLatch(credentials.size());
        long deadline = System.nanoTime() + limit.toNanos();
        for (String credential : credentials) {
            if (!opening.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IOException("the carers' live streams did not open within " + limit.toSeconds() + " s");
            }
            HttpRequest request = HttpRequest.newBuilder(stream).header("Cookie", "hearth_device=" + credential)
                    .header("Accept", "text/event-stream").header("Last-Event-ID", Long.toString(lastEventId)).GET().build();
            Lines lines = new Lines(() -> {
                opening.release();
                started.countDown();
            });
            CompletableFuture<HttpResponse<Void>> response = client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(lines));
            response.whenComplete((r, e) -> {
                ended.incrementAndGet();
                lines.firstLine();
            });
            open.add(response);
        }
        if (!started.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            throw new IOException("the carers' live streams did not open within " + limit.toSeconds() + " s");
        }
        if (ended.get() > 0) {
            throw new IOException(ended.get() + " of the carers' live streams were refused or ended at once");
        }
    }

    /** Streams that ended (the hub closed them, or they failed); none should during a run. */
    int ended() {
        return ended.get();
    }

    @Override
    public void close() {
        open.forEach(f -> f.cancel(true));
    }

    /** One stream's lines, as a browser's EventSource reads them. */
    private final class Lines implements Flow.Subscriber<String> {

        private final Runnable onFirstLine;
        private boolean first = true;
        private String event;

        Lines(Runnable onFirstLine) {
            this.onFirstLine = onFirstLine;
        }

        synchronized void firstLine() {
            if (first) {
                first = false;
                onFirstLine.run();
            }
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            long now = System.nanoTime();
            firstLine();
            if (line.isEmpty()) {
                event = null;
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:") && "alert".equals(event)) {
                try {
                    receipts.received(UUID.fromString(JSON.readTree(line.substring(5)).path("id").asText()), now);
                } catch (IOException | IllegalArgumentException e) {
                    // Not an alert this bench sent; it is not counted.
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            firstLine();
        }

        @Override
        public void onComplete() {
            firstLine();
        }
    }
}
