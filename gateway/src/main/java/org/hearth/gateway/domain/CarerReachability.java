package org.hearth.gateway.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when the gateway can reach no carer at all, and tells the resident so they know to
 * phone for help themselves. Every send and heartbeat reports here: one answer from any carer
 * means the link works; failures with no answer for {@link #DEFAULT_THRESHOLD} mean it does not.
 * The outbox keeps queueing meanwhile, and the resident hears again when the link is back.
 * Runs on the event loop only.
 */
public final class CarerReachability {

    private static final Logger LOG = LoggerFactory.getLogger(CarerReachability.class);

    /** How long nobody may answer before the resident is told. */
    public static final Duration DEFAULT_THRESHOLD = Duration.ofMinutes(5);

    private final Scheduler scheduler;
    private final Announcer announcer;
    private final Duration threshold;
    private final String emergencyNumber;
    private Instant lastAnswer;
    private Instant failingSince;
    private Instant unreachableSince;
    private Scheduler.Cancellable check;
    private final Listener listener;

    /** Hears whether carers can be reached, for example so observers of {@code /status} hear. */
    @FunctionalInterface
    public interface Listener {
        /** @param unreachableSince since when no carer could be reached; empty when the link works again */
        void reachabilityChanged(Optional<Instant> unreachableSince);
    }

    /**
     * Made by {@link AlertCore}.
     *
     * @param emergencyNumber what the resident should call themselves, for example "999"
     * @param listener        told whenever the state flips
     */
    CarerReachability(Scheduler scheduler, Announcer announcer, Duration threshold, String emergencyNumber, Listener listener) {
        this.scheduler = scheduler;
        this.listener = listener;
        this.announcer = announcer;
        this.threshold = threshold;
        this.emergencyNumber = emergencyNumber;
        this.lastAnswer = scheduler.now();
    }

    /** Some carer's device answered: the link works. */
    public void answered(String carer) {
        lastAnswer = scheduler.now();
        failingSince = null;
        if (check != null) {
            check.cancel();
            check = null;
        }
        if (unreachableSince != null) {
            LOG.info("Carers reachable again ({} answered); they were unreachable since {}", carer, unreachableSince);
            unreachableSince = null;
            announcer.say(Phrase.of(Phrase.CARERS_BACK));
            listener.reachabilityChanged(unreachableSince());
        }
    }

    /** An attempt started at {@code attemptedAt} did not reach {@code carer}. */
    public void failed(String carer, Instant attemptedAt) {
        if (failingSince != null) {
            return;
        }
        failingSince = attemptedAt.isBefore(lastAnswer) ? lastAnswer : attemptedAt;
        Duration wait = Duration.between(scheduler.now(), failingSince.plus(threshold));
        check = scheduler.schedule(wait, this::thresholdPassed);
    }

    private void thresholdPassed() {
        check = null;
        if (failingSince == null || unreachableSince != null) {
            return;
        }
        unreachableSince = failingSince;
        LOG.warn("No carer has answered since {}; telling the resident and queueing every message", unreachableSince);
        sayUnreachable();
        listener.reachabilityChanged(unreachableSince());
    }

    /** Tells the resident again, for example when they ask for help while nobody can be reached. */
    public void sayUnreachable() {
        announcer.say(Phrase.of(Phrase.CARERS_UNREACHABLE, "number", emergencyNumber));
    }

    /** Since when no carer could be reached, once that has lasted the threshold; empty while the link works. */
    public Optional<Instant> unreachableSince() {
        return Optional.ofNullable(unreachableSince);
    }
}
