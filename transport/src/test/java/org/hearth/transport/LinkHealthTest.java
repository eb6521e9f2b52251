package org.hearth.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A flood tells the log a few lines a minute, not one per datagram. */
@Tag("small")
class LinkHealthTest {

    private static final class Ticking extends Clock {
        Instant now = Instant.parse("2026-12-05T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Ticking clock = new Ticking();
    private final LinkHealth health = new LinkHealth("gateway", clock);

    @Test
    void dropped_records_are_counted_and_reported_once_a_minute_at_most() {
        for (int i = 0; i < 100_000; i++) {
            health.receivingRecord(i % 10 != 0);
        }
        assertThat(health.report()).as("less than a minute since start").isFalse();
        clock.now = clock.now.plus(LinkHealth.PERIOD);
        assertThat(health.report()).isTrue();
        assertThat(health.droppedSinceReport()).isZero();
        health.receivingRecord(true);
        clock.now = clock.now.plusSeconds(30);
        assertThat(health.report()).isFalse();
        assertThat(health.droppedSinceReport()).isEqualTo(1);
    }

    @Test
    void a_quiet_minute_reports_nothing() {
        health.receivingRecord(false);
        clock.now = clock.now.plus(LinkHealth.PERIOD);
        assertThat(health.report()).isFalse();
    }

    @Test
    void a_failed_handshake_is_logged_once_per_peer_per_minute() {
        InetSocketAddress a = new InetSocketAddress("192.0.2.1", 5684);
        InetSocketAddress b = new InetSocketAddress("192.0.2.2", 5684);
        assertThat(health.handshakeFailed(a, "identity 'x'", "bad")).isTrue();
        for (int i = 0; i < 1000; i++) {
            assertThat(health.handshakeFailed(a, "identity 'x'", "bad")).isFalse();
        }
        assertThat(health.handshakeFailed(b, "identity 'y'", "bad")).as("another peer").isTrue();
        clock.now = clock.now.plus(Duration.ofSeconds(61));
        assertThat(health.handshakeFailed(a, "identity 'x'", "bad")).isTrue();
    }

    @Test
    void text_from_the_network_cannot_forge_a_log_line() {
        assertThat(Printable.of("cord\n\u001b[31mINFO Daemon: Hearth is ready")).doesNotContain("\n").doesNotContain("\u001b")
                .startsWith("cord\\u000a\\u001b[31m");
        assertThat(Printable.of("x".repeat(500))).hasSizeLessThan(140).endsWith("(500 chars)");
    }
}
