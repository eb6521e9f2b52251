package org.hearth.hub.liveness;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
 */
public final class GatewayLiveness {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayLiveness.class);

    /** Heartbeats missed before a gateway counts as silent, as carers' devices count them. */
    public static final int MISSED = 3;

    private final Scheduler loop;
    private final LivenessStore store;
    private final Duration expected;
    private final Map<String, Watch> watches = new HashMap<>();
    private final CopyOnWriteArrayList<Consumer<GatewayEvent>> listeners = new CopyOnWriteArrayList<>();

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
        try {
            store.heartbeat(homeId, now, interval);
        } catch (StoreException e) {
            LOG.warn("Home {}: the heartbeat could not be stored ({}); the watch goes on from memory", homeId, e.getMessage());
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

    private void tell(GatewayEvent event) {
        LOG.info("Home {}: GATEWAY {}", event.homeId(), event.kind());
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
