package org.hearth.hub.liveness;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.hearth.hub.store.GatewayEvent;
import org.hearth.hub.store.Liveness;
import org.hearth.hub.store.LivenessStore;
import org.hearth.hub.store.StoreException;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches each home's gateway: GATEWAY SILENT when {@link #MISSED} heartbeat intervals pass with no
 * heartbeat, GATEWAY BACK at the first heartbeat after that. Both are stored as typed
 * {@link GatewayEvent}s and told to listeners. All state lives on the scheduler's one thread;
 * {@link #heartbeat} may be called from any thread.
 *
 * <p>The watch itself runs from memory; the store keeps each home's newest heartbeat for the
 * operators' overview and for a restart. Heartbeats are written together, at most
 * {@link #WRITE_EVERY}, in one transaction: a thousand gateways every 30 s would otherwise be 33
 * commits a second, each a flush to disk that the alerts' commits queue behind. A heartbeat not yet
 * written when the hub stops is not missed: after a restart every gateway gets {@link #MISSED} full
 * intervals from the restart ({@link #start}).
 */
public final class GatewayLiveness {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayLiveness.class);

    /** Heartbeats missed before a gateway counts as silent, as carers' devices count them. */
    public static final int MISSED = 3;
    /** How long a heartbeat may wait to be written with others. */
    public static final Duration WRITE_EVERY = Duration.ofSeconds(1);

    private final Scheduler loop;
    private final LivenessStore store;
    private final Duration expected;
    private final Map<String, Watch> watches = new HashMap<>();
    private final CopyOnWriteArrayList<Consumer<GatewayEvent>> listeners = new CopyOnWriteArrayList<>();
    /** Heartbeats received and not yet written: the newest of each home. */
    private final Map<String, LivenessStore.Heard> unwritten = new LinkedHashMap<>();
    /** The write of {@link #unwritten} to come, if one is scheduled. */
    private Scheduler.Cancellable write;

    private static final class Watch {
        Scheduler.Cancellable deadline;
        boolean silent;
    }

    /**
     * @param expected the interval assumed for a home until its gateway's heartbeat announces its own
     */
    public GatewayLiveness(Scheduler loop, LivenessStore store, Duration expected) {
        this.loop = loop;
        this.store = store;
        this.expected = expected;
    }

    /** Told of every SILENT and BACK, on the scheduler's thread, after it is stored. */
    public void onEvent(Consumer<GatewayEvent> listener) {
        listeners.add(listener);
    }

    /**
     * Restores what the store knew. A gateway that was not silent gets {@link #MISSED} full
     * intervals from now: the hub heard nothing while it was down, which is not the gateway's silence.
     */
    public void start() {
        loop.execute(() -> {
            for (Liveness l : store.liveness()) {
                Watch w = watches.computeIfAbsent(l.homeId(), id -> new Watch());
                w.silent = l.silent();
                if (!l.silent()) {
                    arm(l.homeId(), w, l.interval());
                }
            }
        });
    }

    /** A heartbeat from this home's gateway announcing {@code interval} until the next. */
    public void heartbeat(String homeId, Duration interval) {
        loop.execute(() -> received(homeId, interval));
    }

    /** Forgets a removed home. */
    public void forget(String homeId) {
        loop.execute(() -> {
            unwritten.remove(homeId);
            Watch w = watches.remove(homeId);
            if (w != null && w.deadline != null) {
                w.deadline.cancel();
            }
        });
    }

    private void received(String homeId, Duration announced) {
        Instant now = loop.now();
        Duration interval = announced == null || announced.isZero() ? expected : announced;
        Watch w = watches.computeIfAbsent(homeId, id -> new Watch());
        unwritten.put(homeId, new LivenessStore.Heard(homeId, now, interval));
        if (write == null) {
            write = loop.schedule(WRITE_EVERY, this::writeHeartbeats);
        }
        if (w.silent) {
            w.silent = false;
            tell(new GatewayEvent(homeId, now, GatewayEvent.Kind.BACK));
        }
        arm(homeId, w, interval);
    }

    private void arm(String homeId, Watch w, Duration interval) {
        if (w.deadline != null) {
            w.deadline.cancel();
        }
        w.deadline = loop.schedule(interval.multipliedBy(MISSED), () -> {
            w.deadline = null;
            if (watches.get(homeId) == w && !w.silent) {
                w.silent = true;
                tell(new GatewayEvent(homeId, loop.now(), GatewayEvent.Kind.SILENT));
            }
        });
    }

    /** Writes the heartbeats received since the last write, in one go. */
    private void writeHeartbeats() {
        if (write != null) {
            write.cancel();
            write = null;
        }
        if (unwritten.isEmpty()) {
            return;
        }
        List<LivenessStore.Heard> heard = List.copyOf(unwritten.values());
        unwritten.clear();
        try {
            store.heartbeats(heard);
        } catch (StoreException e) {
            LOG.warn("{} heartbeat(s) could not be stored ({}); the watch goes on from memory", heard.size(), e.getMessage());
        }
    }

    private void tell(GatewayEvent event) {
        LOG.info("Home {}: GATEWAY {}", event.homeId(), event.kind());
        // The event's row follows the home's heartbeats in the store, as it did in the watch.
        writeHeartbeats();
        try {
            store.gatewayEvent(event);
        } catch (StoreException e) {
            LOG.warn("Home {}: GATEWAY {} could not be stored: {}", event.homeId(), event.kind(), e.getMessage());
        }
        for (Consumer<GatewayEvent> l : listeners) {
            l.accept(event);
        }
    }
}
