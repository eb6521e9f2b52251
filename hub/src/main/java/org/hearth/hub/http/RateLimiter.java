package org.hearth.hub.http;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@code perMinute} requests a minute per key (a device, an address), as a token bucket
 * refilled continuously: a burst of {@code perMinute}, then one every {@code 60 s / perMinute}.
 * Time comes from the injected clock only.
 */
final class RateLimiter {

    /** Beyond this many keys, full buckets (keys quiet for a minute) are forgotten. */
    private static final int TIDY_ABOVE = 10_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    private static final class Bucket {
        double tokens;
        long atMs;

        Bucket(double tokens, long atMs) {
            this.tokens = tokens;
            this.atMs = atMs;
        }
    }

    RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes one request for {@code key}: empty if allowed, else how long to wait before the next is. */
    synchronized Optional<Duration> take(String key) {
        long now = clock.millis();
        if (buckets.size() > TIDY_ABOVE) {
            buckets.values().removeIf(b -> refilled(b, now) >= perMinute);
        }
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
        b.tokens = refilled(b, now);
        b.atMs = now;
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return Optional.empty();
        }
        long waitMs = (long) Math.ceil((1 - b.tokens) * 60_000.0 / perMinute);
        return Optional.of(Duration.ofMillis(waitMs));
    }

    private double refilled(Bucket b, long now) {
        return Math.min(perMinute, b.tokens + Math.max(0, now - b.atMs) * perMinute / 60_000.0);
    }
}
