package org.hearth.gateway.domain.activity;

import java.time.Duration;
import java.time.Instant;
import org.hearth.gateway.domain.AlertRequest;
import org.hearth.gateway.domain.AlertSink;
import org.hearth.protocol.AlertKind;
import org.hearth.time.ClockJump;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the resident whether they are all right: an alert through the pre-alarm, which carers
 * hear of only if nobody answers. While one question is open, no second rule asks again about
 * the same stillness; the open one already covers it.
 */
final class CheckIns {

    private static final Logger LOG = LoggerFactory.getLogger(CheckIns.class);

    /** How long an unanswered question keeps other rules from asking again. */
    static final Duration OPEN_FOR = Duration.ofMinutes(30);

    private final AlertSink sink;
    private final Scheduler scheduler;
    private Instant openSince;
    private long asked;

    CheckIns(AlertSink sink, Scheduler scheduler) {
        this.sink = sink;
        this.scheduler = scheduler;
    }

    /** @return true if the question was put; false if one is still open */
    boolean ask(AlertKind kind, String room, String why) {
        Instant now = scheduler.now();
        if (openSince != null && now.isBefore(openSince.plus(OPEN_FOR))) {
            LOG.debug("Not asking again while a check-in is open: {}", why);
            return false;
        }
        openSince = now;
        asked++;
        LOG.info("Checking in with the resident: {}", why);
        sink.raise(AlertRequest.urgent(kind, room, why, true));
        return true;
    }

    void clockJumped(ClockJump jump) {
        openSince = jump.rebase(openSince);
    }

    void answered() {
        openSince = null;
    }

    long asked() {
        return asked;
    }
}
