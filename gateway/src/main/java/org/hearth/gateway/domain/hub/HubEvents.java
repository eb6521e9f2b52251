package org.hearth.gateway.domain.hub;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.hearth.gateway.domain.Alert;
import org.hearth.gateway.domain.AlertObserver;
import org.hearth.gateway.domain.AuditEntry;
import org.hearth.gateway.domain.OutboxDispatcher;
import org.hearth.protocol.AlertEvent;
import org.hearth.protocol.Protocol;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the hub every state change of the alerts it holds, each once and in order: one event in
 * flight at a time, oldest first, the next only after the hub's receipt for this one is stored.
 * What was told is in the store, so a restart carries on where it stopped; a failed post is
 * retried with the outbox's backoff, forever. Runs on the event loop only.
 */
public final class HubEvents implements AlertObserver {

    private static final Logger LOG = LoggerFactory.getLogger(HubEvents.class);

    private final HubEventStore store;
    private final HubLink link;
    private final Scheduler scheduler;
    private final List<String> hubCarers;
    private boolean busy;
    private int failures;
    private Scheduler.Cancellable waiting;

    public HubEvents(HubEventStore store, HubLink link, Scheduler scheduler, List<String> hubCarers) {
        this.store = store;
        this.link = link;
        this.scheduler = scheduler;
        this.hubCarers = List.copyOf(hubCarers);
    }

    /** Every transition may be news for the hub; add it to the {@code AlertCore.Listeners}. */
    @Override
    public void onTransition(Alert alert, AuditEntry entry) {
        wake();
    }

    /** Sends the next untold event, unless one is in flight or waiting out its backoff. */
    public void wake() {
        if (busy || waiting != null) {
            return;
        }
        store.nextUnsent(hubCarers).ifPresent(this::send);
    }

    /** The session to the hub is new (a restart on either side): a send waiting out its backoff goes now. */
    public void retryNow() {
        if (waiting != null) {
            waiting.cancel();
            waiting = null;
            failures = 0;
        }
        wake();
    }

    private void send(HubEventStore.Pending pending) {
        busy = true;
        AuditEntry e = pending.entry();
        AlertEvent event = new AlertEvent(Protocol.VERSION, e.alertId(), pending.seq(), e.at(),
                e.state().name().toLowerCase(Locale.ROOT), e.event().name(), e.carer(), pending.level(), e.detail(), e.outcome(),
                e.next() == null ? null : e.next().at(), e.next() == null ? null : e.next().who());
        link.postEvent(event).whenComplete((ok, error) -> scheduler.execute(() ->
                finished(event, Boolean.TRUE.equals(ok) && error == null)));
    }

    private void finished(AlertEvent event, boolean told) {
        busy = false;
        if (told) {
            failures = 0;
            store.markSent(event.alertId(), event.seq());
            wake();
            return;
        }
        failures++;
        Duration wait = OutboxDispatcher.backoff(failures);
        LOG.info("The hub did not take event {} of alert {} (attempt {}); trying again in {} s", event.seq(), event.alertId(),
                failures, wait.toSeconds());
        waiting = scheduler.schedule(wait, () -> {
            waiting = null;
            wake();
        });
    }
}
