package org.hearth.hub.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.hub.store.GatewayEvent;
import org.hearth.hub.store.GatewayEvent.Kind;
import org.hearth.hub.store.Liveness;
import org.hearth.hub.store.LivenessStore;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** GATEWAY SILENT and BACK in virtual time, against an in-memory store. */
@Tag("small")
class GatewayLivenessTest {

    static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    static final Duration MINUTE = Duration.ofSeconds(60);

    final VirtualScheduler loop = new VirtualScheduler(T0, ZoneOffset.UTC);
    final InMemoryLivenessStore store = new InMemoryLivenessStore();
    final List<GatewayEvent> told = new ArrayList<>();

    GatewayLiveness watch(Duration expected) {
        GatewayLiveness liveness = new GatewayLiveness(loop, store, expected);
        liveness.onEvent(told::add);
        liveness.start();
        loop.runDue();
        return liveness;
    }

    @Test
    void silent_after_three_missed_intervals_not_before_and_back_at_the_next_heartbeat() {
        GatewayLiveness liveness = watch(MINUTE);
        liveness.heartbeat("flat12", MINUTE);
        loop.runDue();

        loop.advanceBy(Duration.ofSeconds(179));
        assertThat(store.events).isEmpty();
        loop.advanceBy(Duration.ofSeconds(1));
        assertThat(store.events).containsExactly(new GatewayEvent("flat12", T0.plusSeconds(180), Kind.SILENT));

        loop.advanceBy(Duration.ofMinutes(30));
        assertThat(store.events).as("silent once, not again every three minutes").hasSize(1);

        liveness.heartbeat("flat12", MINUTE);
        loop.runDue();
        assertThat(store.events).last().isEqualTo(new GatewayEvent("flat12", T0.plusSeconds(180 + 1800), Kind.BACK));
        assertThat(told).isEqualTo(store.events);
        assertThat(store.rows.get("flat12").silent()).isFalse();
    }

    @Test
    void each_heartbeat_restarts_the_wait_with_the_interval_it_announces() {
        GatewayLiveness liveness = watch(MINUTE);
        for (int i = 0; i < 10; i++) {
            liveness.heartbeat("flat12", Duration.ofSeconds(30));
            loop.advanceBy(Duration.ofSeconds(89));
        }
        assertThat(store.events).isEmpty();
        loop.advanceBy(Duration.ofSeconds(1));
        assertThat(store.events).extracting(GatewayEvent::kind).containsExactly(Kind.SILENT);
        assertThat(store.rows.get("flat12").interval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void homes_are_watched_apart() {
        GatewayLiveness liveness = watch(MINUTE);
        liveness.heartbeat("flat12", MINUTE);
        liveness.heartbeat("flat14", MINUTE);
        loop.advanceBy(Duration.ofSeconds(120));
        liveness.heartbeat("flat14", MINUTE);
        loop.advanceBy(Duration.ofSeconds(60));
        assertThat(store.events).containsExactly(new GatewayEvent("flat12", T0.plusSeconds(180), Kind.SILENT));
    }

    @Test
    void after_a_hub_restart_a_gateway_gets_three_intervals_from_the_restart_and_a_silent_one_stays_silent_until_heard() {
        store.rows.put("flat12", new Liveness("flat12", T0.minus(Duration.ofHours(2)), MINUTE, false));
        store.rows.put("flat14", new Liveness("flat14", T0.minus(Duration.ofHours(2)), MINUTE, true));
        GatewayLiveness liveness = watch(MINUTE);

        loop.advanceBy(Duration.ofSeconds(179));
        assertThat(store.events).isEmpty();
        loop.advanceBy(Duration.ofSeconds(1));
        assertThat(store.events).containsExactly(new GatewayEvent("flat12", T0.plusSeconds(180), Kind.SILENT));

        liveness.heartbeat("flat14", MINUTE);
        loop.runDue();
        assertThat(store.events).last().isEqualTo(new GatewayEvent("flat14", T0.plusSeconds(180), Kind.BACK));
    }

    @Test
    void a_forgotten_home_raises_nothing() {
        GatewayLiveness liveness = watch(MINUTE);
        liveness.heartbeat("flat12", MINUTE);
        loop.runDue();
        liveness.forget("flat12");
        loop.advanceBy(Duration.ofHours(1));
        assertThat(store.events).isEmpty();
    }

    @Test
    void heartbeats_are_written_together_once_a_second_and_before_a_gateway_event() {
        store.rows.put("flat14", new Liveness("flat14", T0.minus(Duration.ofHours(2)), MINUTE, true));
        GatewayLiveness liveness = watch(MINUTE);
        liveness.heartbeat("flat12", MINUTE);
        liveness.heartbeat("flat16", MINUTE);
        liveness.heartbeat("flat12", Duration.ofSeconds(30));
        loop.runDue();
        assertThat(store.batches).as("not written yet").isEmpty();

        loop.advanceBy(GatewayLiveness.WRITE_EVERY);
        assertThat(store.batches).as("one write, the newest of each home").containsExactly(List.of(
                new LivenessStore.Heard("flat12", T0, Duration.ofSeconds(30)), new LivenessStore.Heard("flat16", T0, MINUTE)));

        liveness.heartbeat("flat14", MINUTE);
        loop.runDue();
        assertThat(store.batches).as("written before BACK, without waiting").hasSize(2);
        assertThat(store.batches.get(1)).containsExactly(new LivenessStore.Heard("flat14", T0.plus(GatewayLiveness.WRITE_EVERY), MINUTE));
        assertThat(store.events).containsExactly(new GatewayEvent("flat14", T0.plus(GatewayLiveness.WRITE_EVERY), Kind.BACK));
        loop.advanceBy(Duration.ofSeconds(10));
        assertThat(store.batches).as("nothing left to write").hasSize(2);
    }

    /** A fake, for this small test only: the real store is tested against SQLite and PostgreSQL. */
    static final class InMemoryLivenessStore implements LivenessStore {
        final Map<String, Liveness> rows = new LinkedHashMap<>();
        final List<GatewayEvent> events = new ArrayList<>();
        final List<List<Heard>> batches = new ArrayList<>();

        @Override
        public void heartbeats(List<Heard> heard) {
            batches.add(List.copyOf(heard));
            LivenessStore.super.heartbeats(heard);
        }

        @Override
        public void heartbeat(String homeId, Instant at, Duration interval) {
            Liveness before = rows.get(homeId);
            rows.put(homeId, new Liveness(homeId, at, interval, before != null && before.silent()));
        }

        @Override
        public void gatewayEvent(GatewayEvent event) {
            events.add(event);
            Liveness l = rows.get(event.homeId());
            rows.put(event.homeId(), new Liveness(event.homeId(), l.lastHeartbeat(), l.interval(), event.kind() == Kind.SILENT));
        }

        @Override
        public List<Liveness> liveness() {
            return List.copyOf(rows.values());
        }
    }
}
