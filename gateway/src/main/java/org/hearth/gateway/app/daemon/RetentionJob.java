package org.hearth.gateway.app.daemon;

import java.time.Duration;
import java.time.Instant;
import org.hearth.gateway.store.SqliteRetention;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes what is past its retention once a day: events after N days, resolved alerts after a year. */
final class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    /** Not at start-up, which should be quick after a power cut. */
    static final Duration FIRST_RUN = Duration.ofMinutes(10);
    static final Duration EVERY = Duration.ofDays(1);
    static final Duration KEEP_ALERTS = Duration.ofDays(365);

    private final SqliteRetention retention;
    private final Scheduler scheduler;
    private final Duration keepEvents;

    RetentionJob(SqliteRetention retention, Scheduler scheduler, int eventRetentionDays) {
        this.retention = retention;
        this.scheduler = scheduler;
        this.keepEvents = Duration.ofDays(eventRetentionDays);
    }

    /** One pass, then the next a day later. Call on the event loop. */
    void run() {
        Instant now = scheduler.now();
        SqliteRetention.Removed removed = retention.purge(now.minus(keepEvents), now.minus(KEEP_ALERTS));
        LOG.info("Retention: removed {} events older than {} days and {} resolved alerts older than a year",
                removed.events(), keepEvents.toDays(), removed.alerts());
        scheduler.schedule(EVERY, this::run);
    }
}
