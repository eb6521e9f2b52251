package org.hearth.gateway.domain.hub;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.hearth.protocol.HomeSummary;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the hub's copy of the home summary current: looked at every {@link #EVERY} and sent only
 * when something in it changed (so at most once a minute, and nothing on a quiet day but what
 * changed), and at once when a carer asks. A send that fails is tried again at the next look.
 * Runs on the event loop only.
 */
public final class HomeSummaries {

    private static final Logger LOG = LoggerFactory.getLogger(HomeSummaries.class);
    /** The contract's limit: a summary at most once a minute, unless asked (docs/hub-api.md §2). */
    public static final Duration EVERY = Duration.ofMinutes(1);

    private final Supplier<HomeSummary> source;
    private final HubLink link;
    private final Scheduler scheduler;
    private HomeSummary lastSent;
    private Scheduler.Cancellable next;
    private long sent;

    public HomeSummaries(Supplier<HomeSummary> source, HubLink link, Scheduler scheduler) {
        this.source = source;
        this.link = link;
        this.scheduler = scheduler;
    }

    /** Looks now and every minute from now on. */
    public void start() {
        look(false);
        next = scheduler.schedule(EVERY, this::start);
    }

    public void stop() {
        if (next != null) {
            next.cancel();
        }
    }

    /** A carer asked for a fresh summary: sent now, changed or not. */
    public void sendNow() {
        look(true);
    }

    /** Summaries the hub has stored. */
    public long sent() {
        return sent;
    }

    private void look(boolean asked) {
        HomeSummary now = source.get();
        if (!asked && lastSent != null && sameContent(now, lastSent)) {
            return;
        }
        link.putSummary(now).whenComplete((ok, error) -> scheduler.execute(() -> {
            if (Boolean.TRUE.equals(ok) && error == null) {
                lastSent = now;
                sent++;
            } else {
                LOG.info("The hub did not take the home summary; trying again within a minute");
            }
        }));
    }

    /** Everything but the time it was taken. */
    static boolean sameContent(HomeSummary a, HomeSummary b) {
        return a.home().equals(b.home()) && a.rooms().equals(b.rooms()) && a.resident().equals(b.resident())
                && a.sensors().equals(b.sensors()) && a.openAlerts() == b.openAlerts() && Objects.equals(a.gateway(), b.gateway());
    }
}
