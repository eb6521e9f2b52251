package org.hearth.carer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hearth.protocol.Heartbeat;
import org.hearth.protocol.Protocol;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The carer's own "gateway silent" alarm, in virtual time. */
@Tag("small")
class HeartbeatWatchTest {

    private static final Instant START = Instant.parse("2026-12-05T08:00:00Z");

    private final VirtualScheduler time = new VirtualScheduler(START, ZoneOffset.UTC);
    private final List<String> said = new ArrayList<>();
    private final HeartbeatWatch watch = new HeartbeatWatch(time, 3, new HeartbeatWatch.Alarm() {
        @Override
        public void silent(String home, Instant lastHeard, int missed) {
            said.add("silent " + home + " since " + lastHeard + " missed " + missed);
        }

        @Override
        public void back(String home, Instant at) {
            said.add("back " + home + " at " + at);
        }
    });

    private Heartbeat beat(long seq) {
        return new Heartbeat(Protocol.VERSION, "Flat 7", time.now(), seq, 10, Heartbeat.RUNNING);
    }

    @Test
    void a_device_that_starts_and_hears_nothing_says_so_after_the_expected_heartbeats_are_missed() {
        watch.expect("gateway 192.0.2.1", Duration.ofSeconds(60));
        time.advanceBy(Duration.ofSeconds(179));
        assertThat(said).isEmpty();
        time.advanceBy(Duration.ofSeconds(1));
        assertThat(said).containsExactly("silent gateway 192.0.2.1 since " + START + " missed 3");
    }

    @Test
    void a_first_heartbeat_replaces_the_expectation_with_its_own_interval() {
        watch.expect("gateway", Duration.ofSeconds(60));
        time.advanceBy(Duration.ofSeconds(5));
        watch.heard(beat(1));
        time.advanceBy(Duration.ofSeconds(29));
        assertThat(said).isEmpty();
        time.advanceBy(Duration.ofSeconds(1));
        assertThat(said).containsExactly("silent Flat 7 since " + START.plusSeconds(5) + " missed 3");
    }

    @Test
    void heartbeats_on_time_never_alarm_and_one_after_silence_says_the_gateway_is_back() {
        for (int i = 1; i <= 10; i++) {
            watch.heard(beat(i));
            time.advanceBy(Duration.ofSeconds(10));
        }
        assertThat(said).isEmpty();
        time.advanceBy(Duration.ofSeconds(25));
        assertThat(said).hasSize(1).first().asString().startsWith("silent Flat 7");
        watch.heard(beat(11));
        assertThat(said).last().isEqualTo("back Flat 7 at " + time.now());
        time.advanceBy(Duration.ofSeconds(29));
        assertThat(said).hasSize(2);
    }

    @Test
    void a_long_silence_is_said_once_not_at_every_missed_interval() {
        watch.heard(beat(1));
        time.advanceBy(Duration.ofHours(24));
        assertThat(said).containsExactly("silent Flat 7 since " + START + " missed 3");
    }

    @Test
    void a_gateway_that_comes_back_and_falls_silent_again_alarms_again_from_its_last_heartbeat() {
        watch.heard(beat(1));
        time.advanceBy(Duration.ofMinutes(5));
        Instant back = time.now();
        watch.heard(beat(2));
        time.advanceBy(Duration.ofSeconds(29));
        assertThat(said).hasSize(2);
        time.advanceBy(Duration.ofSeconds(1));
        assertThat(said).containsExactly("silent Flat 7 since " + START + " missed 3", "back Flat 7 at " + back,
                "silent Flat 7 since " + back + " missed 3");
    }

    @Test
    void an_orderly_stop_is_still_an_alarm_when_nothing_follows_it() {
        watch.heard(new Heartbeat(Protocol.VERSION, "Flat 7", time.now(), 1, 10, Heartbeat.STOPPING));
        time.advanceBy(Duration.ofSeconds(30));
        assertThat(said).as("a gateway switched off protects nobody").containsExactly("silent Flat 7 since " + START + " missed 3");
    }

    @Test
    void the_watch_follows_the_interval_of_the_latest_heartbeat() {
        watch.heard(beat(1));
        time.advanceBy(Duration.ofSeconds(10));
        watch.heard(new Heartbeat(Protocol.VERSION, "Flat 7", time.now(), 2, 60, Heartbeat.RUNNING));
        time.advanceBy(Duration.ofSeconds(179));
        assertThat(said).as("three missed 60 s heartbeats, not three of 10 s").isEmpty();
        time.advanceBy(Duration.ofSeconds(1));
        assertThat(said).containsExactly("silent Flat 7 since " + START.plusSeconds(10) + " missed 3");
    }

    @Test
    void one_missed_heartbeat_is_enough_when_so_configured() {
        List<Instant> silentAt = new ArrayList<>();
        HeartbeatWatch strict = new HeartbeatWatch(time, 1, new HeartbeatWatch.Alarm() {
            @Override
            public void silent(String home, Instant lastHeard, int missed) {
                silentAt.add(time.now());
            }

            @Override
            public void back(String home, Instant at) {
            }
        });
        strict.heard(beat(1));
        time.advanceBy(Duration.ofSeconds(9));
        assertThat(silentAt).isEmpty();
        time.advanceBy(Duration.ofSeconds(1));
        assertThat(silentAt).containsExactly(START.plusSeconds(10));
    }

    @Test
    void missed_must_be_at_least_one() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HeartbeatWatch(time, 0, watch(null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static HeartbeatWatch.Alarm watch(Object unused) {
        return new HeartbeatWatch.Alarm() {
            @Override
            public void silent(String home, Instant lastHeard, int missed) {
            }

            @Override
            public void back(String home, Instant at) {
            }
        };
    }
}
