package org.hearth.hub.testkit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A push service (RFC 8030) on loopback HTTPS, for subscriptions whose endpoint points here: it
 * keeps every request it gets and answers each with the next scripted status (201 Created when
 * nothing is scripted), as FCM or Mozilla's autopush would.
 */
public final class TestPushService implements AutoCloseable {

    /** One push as received. */
    public record Push(String path, Headers headers, byte[] body) {

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private record Answer(int status, String retryAfter) {
    }

    private final HttpsServer server;
    private final BlockingQueue<Push> received = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();

    public TestPushService(SSLContext tls) throws IOException {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The endpoint of a subscription named {@code name}. */
    public String endpoint(String name) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/push/" + name;
    }

    public String origin() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next request is answered {@code status}, with {@code Retry-After} when not null. */
    public void answerNext(int status, String retryAfter) {
        script.add(new Answer(status, retryAfter));
    }

    /** The next push received, waiting up to {@code seconds}; null if none came. */
    public Push next(long seconds) throws InterruptedException {
        return received.poll(seconds, TimeUnit.SECONDS);
    }

    public int waiting() {
        return received.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Answer answer = script.poll();
            if (answer == null) {
                answer = new Answer(201, null);
            }
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
            }
            exchange.getResponseHeaders().set("Location", "https://127.0.0.1/message/1");
            exchange.sendResponseHeaders(answer.status(), -1);
            // Kept once answered, so a test that sees it can rely on the answer having gone.
            received.add(new Push(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
