package org.hearth.hub.push;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.PushSubscription;
import org.hearth.hub.store.StoreException;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Web Push messages (RFC 8030) encrypted for the subscription (RFC 8291) with the hub's VAPID
 * token (RFC 8292). Every send, and every retry, runs on {@code loop}, a scheduler of its own: a
 * slow push service holds up other pushes by at most {@link #TIMEOUT}, and never the hub's other
 * work. 429 and 5xx answers and network failures are retried with a doubling backoff capped at
 * {@link #MAX_BACKOFF} (or the push service's {@code Retry-After}) until the message's TTL has
 * passed; 404 and 410 mean the subscription is gone, and it is deleted.
 */
public final class WebPush {

    private static final Logger LOG = LoggerFactory.getLogger(WebPush.class);

    /** RFC 8030 §5.2: how long the push service keeps a message for a device that is away. */
    public static final Duration TTL = Duration.ofHours(24);
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** Bodies are padded to a multiple of this, so their length tells little of the words. */
    static final int PAD_TO = 128;

    /** RFC 8030 §5.3. */
    public enum Urgency {
        VERY_LOW, LOW, NORMAL, HIGH;

        String header() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final HubStore store;
    private final VapidKeys keys;
    private final HttpClient client;
    private final Scheduler loop;

    public WebPush(HubStore store, VapidKeys keys, HttpClient client, Scheduler loop) {
        this.store = store;
        this.keys = keys;
        this.client = client;
        this.loop = loop;
    }

    /** The VAPID public key, base64url, for {@code PushManager.subscribe}. */
    public String publicKey() {
        return keys.publicKey();
    }

    Scheduler loop() {
        return loop;
    }

    /**
     * Checks what a browser gave as its subscription: an {@code https} endpoint with a host, a P-256
     * point and a 16-byte auth secret. The message says what is wrong, for a 400.
     */
    public static void check(String endpoint, String p256dh, String auth) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("endpoint: not a URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("endpoint: must be an https:// address of a push service");
        }
        try {
            P256.decode(P256.unbase64url(p256dh));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("keys.p256dh: not a P-256 public key in base64url (" + e.getMessage() + ")");
        }
        byte[] secret;
        try {
            secret = P256.unbase64url(auth);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("keys.auth: not base64url");
        }
        if (secret.length != Aes128Gcm.AUTH_BYTES) {
            throw new IllegalArgumentException("keys.auth: must be 16 bytes");
        }
    }

    /** Sends {@code plaintext} (at most {@link Aes128Gcm#MAX_PLAINTEXT} bytes) to one subscription, on the push loop. */
    public void send(PushSubscription subscription, byte[] plaintext, Urgency urgency) {
        loop.execute(() -> attempt(subscription, plaintext, urgency, loop.now().plus(TTL), 0));
    }

    private void attempt(PushSubscription s, byte[] plaintext, Urgency urgency, Instant expires, int failures) {
        Instant now = loop.now();
        Duration ttl = Duration.between(now, expires);
        if (ttl.isNegative() || ttl.isZero()) {
            LOG.warn("Device {}: a push was not accepted by its push service within {} h; given up", s.deviceId(), TTL.toHours());
            return;
        }
        HttpRequest request;
        try {
            URI endpoint = URI.create(s.endpoint());
            ECPublicKey ua = P256.decode(P256.unbase64url(s.p256dh()));
            byte[] body = Aes128Gcm.encrypt(plaintext, ua, P256.unbase64url(s.auth()), PAD_TO);
            request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                    .header("TTL", Long.toString(ttl.toSeconds()))
                    .header("Urgency", urgency.header())
                    .header("Content-Encoding", "aes128gcm")
                    .header("Content-Type", "application/octet-stream")
                    .header("Authorization", keys.authorization(endpoint, now))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException e) {
            // Checked when it was stored; a subscription that no longer reads is a bug, not a reason to stop.
            LOG.error("Device {}: its push subscription cannot be used ({}); not sent", s.deviceId(), e.getMessage());
            return;
        }
        HttpResponse<String> answer;
        try {
            answer = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            retry(s, plaintext, urgency, expires, failures, Duration.ZERO, "cannot reach " + request.uri().getHost() + ": " + e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int status = answer.statusCode();
        if (status >= 200 && status < 300) {
            LOG.debug("Device {}: push accepted ({})", s.deviceId(), status);
        } else if (status == 404 || status == 410) {
            LOG.info("Device {}: its push subscription has ended ({}); deleted", s.deviceId(), status);
            try {
                store.deletePushSubscription(s.deviceId(), s.endpoint());
            } catch (StoreException e) {
                LOG.warn("Device {}: could not delete its ended push subscription: {}", s.deviceId(), e.getMessage());
            }
        } else if (status == 429 || status >= 500) {
            retry(s, plaintext, urgency, expires, failures, retryAfter(answer, now), "the push service answered " + status);
        } else {
            LOG.warn("Device {}: the push service refused a push with {} ({}); not retried", s.deviceId(), status,
                    answer.body().lines().findFirst().orElse(""));
        }
    }

    private void retry(PushSubscription s, byte[] plaintext, Urgency urgency, Instant expires, int failures, Duration asked,
            String why) {
        Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures, 20));
        Duration wait = asked.isZero() ? (backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff) : asked;
        LOG.info("Device {}: push not delivered ({}); retried in {} s", s.deviceId(), why, wait.toSeconds());
        loop.schedule(wait, () -> attempt(s, plaintext, urgency, expires, failures + 1));
    }

    /** {@code Retry-After} in seconds or as an HTTP date, at most the TTL; zero when absent or unreadable. */
    static Duration retryAfter(HttpResponse<?> answer, Instant now) {
        String value = answer.headers().firstValue("Retry-After").map(String::strip).orElse("");
        Duration d = Duration.ZERO;
        if (value.matches("\\d{1,9}")) {
            d = Duration.ofSeconds(Long.parseLong(value));
        } else if (!value.isEmpty()) {
            try {
                d = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                return Duration.ZERO;
            }
        }
        return d.isNegative() ? Duration.ZERO : (d.compareTo(TTL) > 0 ? TTL : d);
    }
}
