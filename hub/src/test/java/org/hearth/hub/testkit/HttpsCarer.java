package org.hearth.hub.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A carer's device speaking to the hub's HTTPS API with the JDK's HttpClient, trusting only the
 * certificate in the given PKCS#12 file (the hub's self-signed one), with host names checked. It
 * keeps the {@code hearth_device} cookie the hub sets, as a browser would.
 */
public final class HttpsCarer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String root;
    private final String base;
    private String cookie;

    public HttpsCarer(URI hub, Path pkcs12, Path passwordFile) throws Exception {
        client = HttpClient.newBuilder().sslContext(trusting(pkcs12, passwordFile)).connectTimeout(Duration.ofSeconds(10)).build();
        root = hub.toString();
        base = root + "/api/v1";
    }

    /** TLS that trusts only the certificate in the PKCS#12 file (a self-signed one made by {@code Certificates}). */
    public static SSLContext trusting(Path pkcs12, Path passwordFile) throws Exception {
        char[] password = Files.readString(passwordFile).strip().toCharArray();
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pkcs12)) {
            server.load(in, password);
        }
        Certificate certificate = server.getCertificate(server.aliases().nextElement());
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("hub", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return tls;
    }

    /** An answer: status, headers and the body as JSON (null when empty). */
    public record Answer(int status, HttpResponse<String> raw, JsonNode json) {

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public String error() {
            return json == null ? null : json.path("error").asText(null);
        }
    }

    public Answer get(String path) throws Exception {
        return send(request(path).GET());
    }

    /** {@code GET} of one of the hub's own pages (the carer web app), {@code path} from the root; the body as text. */
    public HttpResponse<byte[]> page(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Any method on one of the hub's own pages, with no body. */
    public HttpResponse<byte[]> page(String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public Answer post(String path, String body) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer put(String path, String body) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer delete(String path) throws Exception {
        return send(request(path).DELETE());
    }

    /**
     * Opens {@code GET /homes/stream}, sending {@code lastEventId} when given; the answer's headers
     * have arrived when this returns, and its lines are read as they come.
     */
    public EventStreamReader stream(String lastEventId) throws Exception {
        // No request timeout: the answer never ends by itself.
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/homes/stream")).header("Accept", "text/event-stream");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        return new EventStreamReader(client.send(b.GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    /** Enrols with {@code code}; on 201 this carer holds the device's cookie from then on. */
    public Answer enrol(String code, String deviceName) throws Exception {
        Answer a = post("/enrol", JSON.createObjectNode().put("code", code).put("device_name", deviceName).toString());
        a.header("Set-Cookie").ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
        return a;
    }

    /** The Set-Cookie value's credential part, {@code hearth_device=…}. */
    public String cookie() {
        return cookie;
    }

    public void useCookie(String cookie) {
        this.cookie = cookie;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b;
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        HttpRequest built = request.build();
        HttpResponse<String> r;
        try {
            r = client.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            // A hub in this JVM that does not answer: what each of its threads waits on says why.
            StringBuilder threads = new StringBuilder(built.method() + " " + built.uri() + " got no answer; the threads of this JVM:\n");
            Thread.getAllStackTraces().forEach((t, stack) -> {
                threads.append('"').append(t.getName()).append("\" ").append(t.getState()).append('\n');
                for (StackTraceElement frame : stack) {
                    threads.append("    at ").append(frame).append('\n');
                }
            });
            System.err.println(threads);
            throw e;
        }
        return new Answer(r.statusCode(), r, r.body().isEmpty() ? null : JSON.readTree(r.body()));
    }
}
