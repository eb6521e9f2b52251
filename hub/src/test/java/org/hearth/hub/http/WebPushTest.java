package org.hearth.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.hearth.hub.config.HubConfig;
import org.hearth.hub.liveness.GatewayLiveness;
import org.hearth.hub.push.AlertPushes;
import org.hearth.hub.push.VapidKeys;
import org.hearth.hub.push.WebPush;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.JdbcHubStore;
import org.hearth.hub.testkit.HttpsCarer;
import org.hearth.hub.testkit.HttpsCarer.Answer;
import org.hearth.hub.testkit.TestGateway;
import org.hearth.hub.testkit.TestPushService;
import org.hearth.hub.testkit.TestPushService.Push;
import org.hearth.hub.uplink.UplinkServer;
import org.hearth.protocol.Alert;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Down;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.Severity;
import org.hearth.protocol.WireCodec;
import org.hearth.time.Scheduler;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Web Push end to end, as far as it goes without a browser: a gateway's alert over real DTLS, a
 * carer's device subscribed over the real HTTPS API with its own P-256 keys, and a push service on
 * loopback HTTPS receiving what the hub sends. The body is decrypted, and the VAPID token checked,
 * by implementations independent of the hub's: npm's {@code http_ece} and node's crypto, run by
 * Debian's {@code node} (the lockfile is in {@code src/test/resources/webpush-node}). The push loop
 * runs in virtual time, so retries and their waits are exact.
 */
@Tag("medium")
class WebPushTest {

    static final Instant T0 = Instant.parse("2026-11-28T10:15:30Z");
    static final byte[] KEY = "sixteen-bytes-A!".getBytes(StandardCharsets.US_ASCII);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PUBLIC_URL = "https://hub.example.org:8443";

    @TempDir
    static Path shared;
    static final org.hearth.time.RealTimeScheduler STREAMS = org.hearth.time.RealTimeScheduler.create("test-streams", ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** The push loop: virtual time, taken by whichever thread schedules (the HTTPS API's, the uplink's, the test's). */
    VirtualScheduler time;
    Scheduler pushLoop;
    HubStore store;
    UplinkServer uplink;
    AlertPushes pushes;
    HttpApi api;
    TestPushService pushService;
    Home flat12;

    @BeforeAll
    static void prepare() throws Exception {
        Certificates.context(HubConfig.Tls.selfSigned(), shared.resolve("hub"), "127.0.0.1");
        Certificates.context(HubConfig.Tls.selfSigned(), shared.resolve("push-service"), "127.0.0.1");
        Path node = shared.resolve("node");
        Files.createDirectories(node);
        for (String file : new String[] {"package.json", "package-lock.json", "check.js"}) {
            try (InputStream in = WebPushTest.class.getResourceAsStream("/webpush-node/" + file)) {
                Files.copy(in, node.resolve(file));
            }
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts").directory(node.toFile())
                .redirectErrorStream(true).redirectOutput(shared.resolve("npm.log").toFile()).start();
        assertThat(npm.waitFor(180, TimeUnit.SECONDS)).as("npm ci finished").isTrue();
        assertThat(npm.exitValue()).as("npm ci: " + Files.readString(shared.resolve("npm.log"))).isZero();
    }

    @AfterAll
    static void stopStreams() {
        STREAMS.close();
    }

    @BeforeEach
    void start() throws Exception {
        time = new VirtualScheduler(T0, ZoneOffset.UTC);
        pushLoop = new Scheduler() {
            @Override
            public Clock clock() {
                return time.clock();
            }

            @Override
            public Cancellable schedule(Duration delay, Runnable task) {
                synchronized (time) {
                    return time.schedule(delay, task);
                }
            }
        };
        store = JdbcHubStore.sqlite(dir.resolve("data/hub.db"));
        flat12 = store.addHome("Flat 12", KEY, T0);
        uplink = UplinkServer.start(new InetSocketAddress("127.0.0.1", 0), store,
                new GatewayLiveness(pushLoop, store, Duration.ofSeconds(60)), time.clock());
        pushService = new TestPushService(Certificates.context(HubConfig.Tls.selfSigned(), shared.resolve("push-service"), "127.0.0.1"));
        HttpClient client = HttpClient.newBuilder().sslContext(HttpsCarer.trusting(shared.resolve("push-service").resolve(Certificates.SELF_SIGNED),
                shared.resolve("push-service").resolve(Certificates.SELF_SIGNED_PASSWORD))).build();
        pushes = new AlertPushes(store, new WebPush(store, VapidKeys.loadOrCreate(dir.resolve("data"), PUBLIC_URL), client, pushLoop));
        run();
        api = HttpApi.start(new HubConfig.Http("127.0.0.1", 0, URI.create("https://127.0.0.1"), HubConfig.Tls.selfSigned()),
                shared.resolve("hub"), store, uplink, time.clock(), Duration.ofSeconds(60), STREAMS, Optional.of(pushes));
    }

    @AfterEach
    void stop() {
        api.close();
        pushes.close();
        pushService.close();
        uplink.close();
        store.close();
    }

    /** Runs what is due on the push loop now (sends are synchronous there, so their answers are handled when this returns). */
    void run() {
        synchronized (time) {
            time.runDue();
        }
    }

    void advance(Duration d) {
        synchronized (time) {
            time.advanceBy(d);
        }
    }

    /** A browser's side of a subscription: its own P-256 key pair and auth secret. */
    record Browser(KeyPair keys, byte[] auth) {

        static Browser create() throws Exception {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            byte[] auth = new byte[16];
            new java.security.SecureRandom().nextBytes(auth);
            return new Browser(g.generateKeyPair(), auth);
        }

        String p256dh() {
            ECPublicKey k = (ECPublicKey) keys.getPublic();
            byte[] point = new byte[65];
            point[0] = 4;
            copy(k.getW().getAffineX(), point, 1);
            copy(k.getW().getAffineY(), point, 33);
            return b64(point);
        }

        String subscription(String endpoint) {
            return "{\"endpoint\":\"" + endpoint + "\",\"expirationTime\":null,\"keys\":{\"p256dh\":\"" + p256dh() + "\",\"auth\":\""
                    + b64(auth) + "\"}}";
        }

        /** What the browser would read: decrypted by http_ece, the token checked by node's crypto. */
        JsonNode open(Push push) throws Exception {
            byte[] d = new byte[32];
            copy(((ECPrivateKey) keys.getPrivate()).getS(), d, 0);
            String input = JSON.createObjectNode().put("body", b64(push.body())).put("private_key", b64(d)).put("auth", b64(auth))
                    .put("authorization", push.header("Authorization")).toString();
            Process node = new ProcessBuilder("node", "check.js").directory(shared.resolve("node").toFile()).start();
            node.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            node.getOutputStream().close();
            byte[] out = node.getInputStream().readAllBytes();
            String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(node.exitValue()).as("node check.js: " + err).isZero();
            return JSON.readTree(out);
        }

        private static void copy(java.math.BigInteger n, byte[] out, int at) {
            byte[] b = n.toByteArray();
            int len = Math.min(b.length, 32);
            System.arraycopy(b, b.length - len, out, at + 32 - len, len);
        }
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    HttpsCarer enrolled(String name, int level) throws Exception {
        HttpsCarer carer = new HttpsCarer(URI.create("https://127.0.0.1:" + api.port()), shared.resolve("hub").resolve(Certificates.SELF_SIGNED),
                shared.resolve("hub").resolve(Certificates.SELF_SIGNED_PASSWORD));
        assertThat(carer.enrol(Invites.issue(store, flat12.id(), name, level, T0), name + "'s phone").status()).isEqualTo(201);
        return carer;
    }

    String alert(UUID id, Severity severity, String words) {
        return new String(WireCodec.encode(new Alert(Protocol.VERSION, id, AlertKind.HELP, severity, "Flat 12", "bathroom", T0, 1, words,
                false)), StandardCharsets.UTF_8);
    }

    @Test
    void a_gateways_alert_reaches_the_carers_push_service_encrypted_for_their_device_and_only_theirs() throws Exception {
        HttpsCarer priya = enrolled("Priya", 1);
        HttpsCarer tom = enrolled("Tom", 2);
        Browser phone = Browser.create();
        Browser tablet = Browser.create();
        String vapidKey = priya.get("/push/key").json().path("public_key").asText();
        assertThat(priya.put("/devices/self/push", phone.subscription(pushService.endpoint("priya"))).status()).isEqualTo(204);
        assertThat(tom.put("/devices/self/push", tablet.subscription(pushService.endpoint("tom"))).status()).isEqualTo(204);

        UUID id = UUID.randomUUID();
        String words = "The pull cord in the bathroom was pulled at 10:15.";
        try (TestGateway gateway = new TestGateway(new InetSocketAddress("127.0.0.1", uplink.port()), flat12.identity(), KEY)) {
            assertThat(gateway.send(CoAP.Code.POST, "alerts", alert(id, Severity.URGENT, words)).getCode()).isEqualTo(ResponseCode.CHANGED);
        }
        run();

        Push push = pushService.next(5);
        assertThat(push).as("pushed once the alert was stored").isNotNull();
        assertThat(push.path()).as("Priya is on level 1; Tom, on level 2, is not told of a level-1 alert").isEqualTo("/push/priya");
        assertThat(pushService.waiting()).isZero();
        assertThat(push.header("TTL")).isEqualTo("86400");
        assertThat(push.header("Urgency")).isEqualTo("high");
        assertThat(push.header("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(push.body().length).isLessThanOrEqualTo(4096);

        JsonNode opened = phone.open(push);
        System.out.printf("Push as received: POST %s%n  TTL: %s%n  Urgency: %s%n  Content-Encoding: %s%n  Authorization: %s%n"
                + "  body: %d bytes%n  decrypted: %s%n  token: %s %s%n", push.path(), push.header("TTL"), push.header("Urgency"),
                push.header("Content-Encoding"), push.header("Authorization"), push.body().length, opened.path("plaintext").asText(),
                opened.path("jwt_header"), opened.path("jwt_claims"));
        assertThat(opened.path("plaintext").asText()).isEqualTo("{\"v\":1,\"type\":\"alert\",\"home\":\"" + flat12.id()
                + "\",\"home_label\":\"Flat 12\",\"alert_id\":\"" + id + "\",\"kind\":\"help\",\"severity\":\"urgent\",\"room\":\"bathroom\","
                + "\"raised_at\":\"2026-11-28T10:15:30Z\",\"test\":false,\"words\":\"" + words + "\"}");
        assertThat(opened.path("signature_valid").asBoolean()).as("ES256 over the token, with the key in k=").isTrue();
        assertThat(opened.path("k").asText()).isEqualTo(vapidKey);
        assertThat(opened.path("jwt_header").toString()).isEqualTo("{\"typ\":\"JWT\",\"alg\":\"ES256\"}");
        assertThat(opened.path("jwt_claims").path("aud").asText()).isEqualTo(pushService.origin());
        assertThat(opened.path("jwt_claims").path("sub").asText()).isEqualTo(PUBLIC_URL);
        long exp = opened.path("jwt_claims").path("exp").asLong();
        assertThat(exp).isGreaterThan(T0.getEpochSecond()).isLessThanOrEqualTo(T0.plus(Duration.ofHours(24)).getEpochSecond());

        // The service worker says it has it: delivered means this, not the push service's 201.
        String path = "/homes/" + flat12.id() + "/alerts/" + id;
        assertThat(priya.get(path).json().path("told").toString()).isEqualTo("[]");
        advance(Duration.ofSeconds(3));
        Answer received = priya.post(path + "/received", "{\"via\":\"push\"}");
        assertThat(received.status()).isEqualTo(200);
        assertThat(received.json().path("told").toString()).isEqualTo("[{\"carer\":\"Priya\",\"told_at\":null,\"delivered_at\":\"2026-11-28T10:15:33Z\"}]");
        assertThat(store.pendingDown(flat12.id())).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(Down.DELIVERED);
            assertThat(JSON.readTree(entry.body()).toString()).isEqualTo("{\"alert_id\":\"" + id
                    + "\",\"by\":\"Priya\",\"at\":\"2026-11-28T10:15:33Z\",\"device\":\"Priya's phone\"}");
        });
        advance(Duration.ofSeconds(3));
        assertThat(priya.post(path + "/received", "{\"via\":\"stream\"}").json().path("told").toString()).as("the first receipt stays")
                .contains("\"delivered_at\":\"2026-11-28T10:15:33Z\"");
        assertThat(store.pendingDown(flat12.id())).as("the gateway is told once").hasSize(1);
        assertThat(store.accessLog(flat12.id())).extracting(a -> a.what()).contains("received " + id + " by push");
    }

    @Test
    void a_busy_push_service_is_retried_after_what_it_asks_then_with_backoff_and_an_ended_subscription_is_deleted() throws Exception {
        HttpsCarer priya = enrolled("Priya", 1);
        Browser phone = Browser.create();
        assertThat(priya.put("/devices/self/push", phone.subscription(pushService.endpoint("priya"))).status()).isEqualTo(204);
        String device = priya.get("/devices").json().at("/devices/0/id").asText();
        pushService.answerNext(503, "7");
        pushService.answerNext(500, null);

        UUID id = UUID.randomUUID();
        store.addAlert(flat12.id(), id, alert(id, Severity.ATTENTION, "The front door has been open for 20 minutes."), T0);
        run();
        assertThat(pushService.next(5)).as("first try: 503, Retry-After 7").isNotNull();
        advance(Duration.ofSeconds(6));
        assertThat(pushService.waiting()).isZero();
        advance(Duration.ofSeconds(1));
        assertThat(pushService.next(5)).as("after 7 s: 500").isNotNull();
        // The second failure: 2 s doubled.
        advance(Duration.ofMillis(3999));
        assertThat(pushService.waiting()).isZero();
        advance(Duration.ofMillis(1));
        Push third = pushService.next(5);
        assertThat(third).as("after 4 s more: accepted").isNotNull();
        assertThat(third.header("Urgency")).isEqualTo("normal");
        assertThat(third.header("TTL")).as("what is left of the day").isEqualTo(Long.toString(86400 - 11));
        assertThat(phone.open(third).path("plaintext").asText()).contains("The front door has been open for 20 minutes.");
        advance(Duration.ofMinutes(10));
        assertThat(pushService.waiting()).as("nothing more once accepted").isZero();

        // The browser dropped the subscription: the push service says 410 Gone, and the hub forgets it.
        pushService.answerNext(410, null);
        Answer test = priya.post("/devices/self/test", "");
        assertThat(test.status()).isEqualTo(202);
        assertThat(test.json().toString()).isEqualTo("{\"streams\":0,\"push\":true}");
        run();
        Push gone = pushService.next(5);
        assertThat(phone.open(gone).path("plaintext").asText()).isEqualTo("{\"v\":1,\"type\":\"test\",\"device\":\"Priya's phone\",\"at\":\""
                + time.now() + "\"}");
        assertThat(store.pushSubscription(device)).isEmpty();
        assertThat(priya.post("/devices/self/test", "").json().path("push").asBoolean()).as("nothing to push to").isFalse();

        // 404 too; and a revoked device's subscription goes with it.
        assertThat(priya.put("/devices/self/push", phone.subscription(pushService.endpoint("priya-2"))).status()).isEqualTo(204);
        pushService.answerNext(404, null);
        priya.post("/devices/self/test", "");
        run();
        assertThat(pushService.next(5).path()).isEqualTo("/push/priya-2");
        assertThat(store.pushSubscription(device)).isEmpty();
        assertThat(priya.put("/devices/self/push", phone.subscription(pushService.endpoint("priya-3"))).status()).isEqualTo(204);
        assertThat(priya.delete("/devices/" + device).status()).isEqualTo(204);
        assertThat(store.pushSubscription(device)).isEmpty();
    }

    @Test
    void a_subscription_that_is_not_one_is_refused_plainly() throws Exception {
        HttpsCarer priya = enrolled("Priya", 1);
        Browser phone = Browser.create();
        String good = phone.subscription(pushService.endpoint("priya"));
        assertThat(priya.put("/devices/self/push", good.replace("https://", "http://")).json().path("message").asText())
                .isEqualTo("endpoint: must be an https:// address of a push service");
        assertThat(priya.put("/devices/self/push", good.replace(phone.p256dh(), phone.p256dh().substring(0, 60) + "AAAA")).json()
                .path("message").asText()).startsWith("keys.p256dh: not a P-256 public key");
        assertThat(priya.put("/devices/self/push", good.replace(b64(phone.auth()), b64(new byte[15]))).json().path("message").asText())
                .isEqualTo("keys.auth: must be 16 bytes");
        Answer noKeys = priya.put("/devices/self/push", "{\"endpoint\":\"" + pushService.endpoint("priya") + "\"}");
        assertThat(noKeys.status()).isEqualTo(400);
        assertThat(noKeys.json().path("message").asText()).isEqualTo("keys: required, with p256dh and auth");
        assertThat(priya.post("/devices/self/push", good).status()).isEqualTo(405);
        String device = priya.get("/devices").json().at("/devices/0/id").asText();
        assertThat(store.pushSubscription(device)).as("nothing kept").isEmpty();
        assertThat(priya.post("/homes/" + flat12.id() + "/alerts/" + UUID.randomUUID() + "/received", "{}").status()).isEqualTo(404);
    }
}
