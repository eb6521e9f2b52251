package org.hearth.gateway.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Severity;

/**
 * Where an alert stands on the escalation ladder: the level told first, the level due next and
 * when, and who is told at a level. Arithmetic over the {@link Ladder} only; {@link AlertMachine}
 * arms the timers and records what it works out.
 */
final class EscalationPlan {

    private final Ladder ladder;

    EscalationPlan(Ladder ladder) {
        this.ladder = ladder;
    }

    /** The level an alert is raised to: the lowest with anyone on it, or 1 on an empty ladder. */
    int firstLevel() {
        return ladder.nextLevel(0).orElse(1);
    }

    /**
     * The level the escalation will tell next, and when, for an alert in this state: what the
     * machine arms, and what each audit entry records for the hub. Empty once someone
     * acknowledged, when every level knows, for a test, and for an INFO message ("please call me")
     * or a sensor needing attention, which are for the first level only: a helpline is for emergencies.
     */
    Optional<AuditEntry.NextLevel> next(Alert alert, Instant now) {
        if (alert.state() != AlertState.RAISED && alert.state() != AlertState.DELIVERED || alert.test()
                || alert.severity() == Severity.INFO || alert.kind() == AlertKind.SENSOR_HEALTH) {
            return Optional.empty();
        }
        Duration left = waitLeft(now, alert.levelSince(), ladder.levelTimeout());
        Instant due = left.isNegative() ? now : now.plus(left);
        return ladder.nextLevel(alert.level()).map(level -> new AuditEntry.NextLevel(due, level, names(level)));
    }

    /** {@code entry} with the next level due for {@code alert} as it stands at {@code now}: every audit entry says it. */
    AuditEntry withNext(AuditEntry entry, Alert alert, Instant now) {
        return entry.withNext(next(alert, now).orElse(null));
    }

    /** An outbox row for each carer at {@code level}. */
    List<AlertStore.Outbox> queueFor(int level) {
        return ladder.atLevel(level).stream().map(c -> new AlertStore.Outbox(c.name(), level)).toList();
    }

    /** An outbox row for every carer at every level, as a test alert is sent. */
    List<AlertStore.Outbox> everyone() {
        return ladder.carers().stream().map(c -> new AlertStore.Outbox(c.name(), c.level())).toList();
    }

    /** The names of the carers at {@code level}, for people ("Sam, Ana"). */
    String names(int level) {
        return listed(ladder.atLevel(level).stream().map(Carer::name).toList());
    }

    /** Names for people: "nobody configured" when there are none. */
    static String listed(List<String> names) {
        return names.isEmpty() ? "nobody configured" : String.join(", ", names);
    }

    /**
     * What is left of a wait of {@code whole} that began at the stored wall-clock time {@code since},
     * never longer than the whole wait: after a restart on a Pi whose clock is not set yet (1970,
     * or the last saved time) a stored alert looks as if it came from the future, and must not wait
     * years to escalate. Negative once the wait is over.
     */
    static Duration waitLeft(Instant now, Instant since, Duration whole) {
        Duration left = Duration.between(now, since.plus(whole));
        return left.compareTo(whole) > 0 ? whole : left;
    }
}
