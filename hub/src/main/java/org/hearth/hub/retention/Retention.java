package org.hearth.hub.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.hearth.hub.config.HubConfig;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.StoreException;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what is past its retention period (docs/privacy.md, "Retention on the hub"): a minute
 * after start, then every {@link #EVERY}, on the scheduler's thread. An alert that is not resolved
 * is never deleted (the store's {@link HubStore#prune} guarantees it). A store that cannot be
 * reached is logged and tried again at the next turn; nothing is lost by waiting.
 */
public final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    /** Late enough after start not to slow it; often enough that nothing outlives its period by more than a day. */
    static final Duration FIRST = Duration.ofMinutes(1);
    static final Duration EVERY = Duration.ofHours(24);

    private final HubStore store;
    private final Scheduler scheduler;
    private final HubConfig.Retention periods;
    private Scheduler.Cancellable next;
    private boolean stopped;

    public Retention(HubStore store, Scheduler scheduler, HubConfig.Retention periods) {
        this.store = store;
        this.scheduler = scheduler;
        this.periods = periods;
    }

    /** Starts the schedule. */
    public void start() {
        scheduler.execute(() -> plan(FIRST));
    }

    /** Stops the schedule; a turn already running finishes. */
    public void stop() {
        scheduler.execute(() -> {
            stopped = true;
            if (next != null) {
                next.cancel();
            }
        });
    }

    /** One turn, now: what it deleted, or empty when the store could not be reached. */
    public Optional<HubStore.Pruned> runOnce() {
        Instant now = scheduler.now();
        try {
            HubStore.Pruned pruned = store.prune(now.minus(periods.history()), now.minus(periods.accessLog()));
            if (pruned.total() > 0) {
                LOG.info("Retention deleted {} resolved alerts ({} events, {} receipts), {} applied gateway entries,"
                        + " {} gateway silent/back events and {} access log lines", pruned.alerts(), pruned.events(),
                        pruned.receipts(), pruned.downEntries(), pruned.gatewayEvents(), pruned.accessEntries());
            }
            return Optional.of(pruned);
        } catch (StoreException e) {
            LOG.warn("Retention could not reach the store ({}); it tries again in {} h", e.getMessage(), EVERY.toHours());
            return Optional.empty();
        }
    }

    private void plan(Duration delay) {
        if (!stopped) {
            next = scheduler.schedule(delay, () -> {
                runOnce();
                plan(EVERY);
            });
        }
    }
}
