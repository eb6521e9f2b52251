package org.hearth.gateway.domain;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.protocol.Alert;
import org.hearth.protocol.Protocol;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox, forever. Per carer, one message is in flight at a time, oldest first, so each
 * carer sees alerts in the order they were raised. A failed send is retried after a capped
 * exponential backoff, with no limit, and across restarts, because the outbox is durable. The
 * transport's own retransmission runs below this.
 */
public final class OutboxDispatcher implements AlertObserver {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    /** The first retry waits this long; each failure doubles it. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    /** No retry waits longer than this, so a carer back online hears within a minute. */
    static final Duration MAX_RETRY = Duration.ofSeconds(60);

    private final AlertStore store;
    private final Ladder ladder;
    private final AlertChannel channel;
    private final Scheduler scheduler;
    private final AlertMachine machine;
    private final String home;
    private final Set<String> busy = new HashSet<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, Scheduler.Cancellable> waiting = new HashMap<>();
    private final CarerReachability reachability;
    private final Set<String> revoked = new HashSet<>();

    /**
     * Made by {@link AlertCore}, which tells it of the machine's transitions.
     *
     * @param reachability told every send's outcome, so the resident hears when no carer can be reached
     */
    OutboxDispatcher(AlertStore store, Ladder ladder, AlertChannel channel, Scheduler scheduler,
                            AlertMachine machine, String home, CarerReachability reachability) {
        this.store = store;
        this.ladder = ladder;
        this.channel = channel;
        this.scheduler = scheduler;
        this.machine = machine;
        this.home = home;
        this.reachability = reachability;
    }

    /** Wakes when the machine queues messages (an alert raised, escalated or sent as a test). */
    @Override
    public void onTransition(org.hearth.gateway.domain.Alert alert, AuditEntry entry) {
        switch (entry.event()) {
            case RAISED, ESCALATED, TEST_SENT -> wake();
            default -> {
            }
        }
    }

    /**
     * Stops sending to a carer whose key was revoked. Their queued messages stay in the store,
     * undelivered, as the audit trail of what they were never told.
     */
    public void stopSendingTo(String carer) {
        revoked.add(carer);
    }

    /** Sends the next message to every carer that is not busy or backing off. Call on the event loop. */
    public void wake() {
        List<OutboxEntry> pending = store.pending();
        for (Carer carer : ladder.carers()) {
            if (busy.contains(carer.name()) || revoked.contains(carer.name())) {
                continue;
            }
            pending.stream().filter(e -> e.carer().equals(carer.name())).findFirst().ifPresent(e -> send(carer, e));
        }
    }

    /** How many consecutive failed sends each carer has had; 0 when the last send worked. */
    public int failures(String carer) {
        return failures.getOrDefault(carer, 0);
    }

    private void send(Carer carer, OutboxEntry entry) {
        Optional<org.hearth.gateway.domain.Alert> alert = store.find(entry.alertId());
        if (alert.isEmpty()) {
            LOG.error("Outbox entry {} names alert {} which is not in the store; dropping it", entry.seq(), entry.alertId());
            store.markDelivered(entry.seq(), scheduler.now());
            return;
        }
        busy.add(carer.name());
        Alert message = toWire(alert.get(), entry.level());
        java.time.Instant attempted = scheduler.now();
        channel.send(carer, message).whenComplete((ok, error) -> scheduler.execute(() ->
                finished(carer, entry, Boolean.TRUE.equals(ok) && error == null, attempted)));
    }

    private void finished(Carer carer, OutboxEntry entry, boolean delivered, java.time.Instant attempted) {
        if (delivered) {
            reachability.answered(carer.name());
        } else {
            reachability.failed(carer.name(), attempted);
        }
        if (delivered) {
            busy.remove(carer.name());
            failures.remove(carer.name());
            store.markDelivered(entry.seq(), scheduler.now());
            machine.delivered(entry.alertId(), carer.name());
            wake();
            return;
        }
        int n = failures.merge(carer.name(), 1, Integer::sum);
        Duration wait = backoff(n);
        LOG.info("Could not reach {} (attempt {}); trying again in {} s", carer.name(), n, wait.toSeconds());
        waiting.put(carer.name(), scheduler.schedule(wait, () -> {
            waiting.remove(carer.name());
            busy.remove(carer.name());
            wake();
        }));
    }

    /**
     * The carer's device has just connected (after a restart it says hello first): a send that
     * is waiting out its backoff goes now, and the backoff starts again from the first step.
     * Call on the event loop.
     */
    public void retryNow(String carer) {
        Scheduler.Cancellable backoff = waiting.remove(carer);
        if (backoff == null) {
            return;
        }
        backoff.cancel();
        failures.remove(carer);
        busy.remove(carer);
        wake();
    }

    /** The wait before retry number {@code failures}: 2 s doubling to {@link #MAX_RETRY}. */
    public static Duration backoff(int failures) {
        int shift = Math.min(failures - 1, 16);
        Duration d = FIRST_RETRY.multipliedBy(1L << shift);
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }

    private Alert toWire(org.hearth.gateway.domain.Alert a, int level) {
        return new Alert(Protocol.VERSION, a.id(), a.kind(), a.severity(), home, a.room(), a.createdAt(), level,
                a.message(), a.test());
    }
}
