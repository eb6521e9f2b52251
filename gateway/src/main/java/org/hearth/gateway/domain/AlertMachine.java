package org.hearth.gateway.domain;

import org.hearth.gateway.domain.AuditEntry.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Down;
import org.hearth.protocol.Severity;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert state machine: PRE_ALARM, RAISED, DELIVERED, ACKNOWLEDGED, RESOLVED, with the
 * pre-alarm cancel window and escalation up the ladder. Runs on the event loop only.
 *
 * <p>An alert is stored before anything is said or sent, so a crash at any point loses nothing:
 * {@link #recover()} re-arms the timers of every open alert from the store.
 */
public final class AlertMachine implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger(AlertMachine.class);

    private final AlertStore store;
    private final Ladder ladder;
    private final EscalationPlan plan;
    private final Scheduler scheduler;
    private final AlertTimers timers;
    private final Announcer announcer;
    private final Duration preAlarmWindow;
    private final Supplier<UUID> ids;
    private final AlertObserver observer;
    private final CarerReachability reachability;

    /**
     * Made by {@link AlertCore}, which gives it the one observer that tells the core's parts.
     *
     * @param reachability whether carers can be reached: when none can, an urgent alert also tells
     *                     the resident to phone for help themselves
     * @param observer     hears every audited transition, after it is stored
     */
    AlertMachine(AlertStore store, Ladder ladder, Scheduler scheduler, Announcer announcer,
                 Duration preAlarmWindow, Supplier<UUID> ids, CarerReachability reachability, AlertObserver observer) {
        this.store = store;
        this.observer = observer;
        this.reachability = reachability;
        this.ladder = ladder;
        this.plan = new EscalationPlan(ladder);
        this.scheduler = scheduler;
        this.timers = new AlertTimers(scheduler);
        this.announcer = announcer;
        this.preAlarmWindow = preAlarmWindow;
        this.ids = ids;
    }

    @Override
    public void raise(AlertRequest request) {
        if (request.kind() == AlertKind.LONG_LIE && escalateOpenFall(request)) {
            return;
        }
        Instant now = scheduler.now();
        Alert alert = Alert.detected(request, ids.get(), now);
        if (request.preAlarm()) {
            record(alert, Event.ASKING_RESIDENT, "", "Asking the resident first: " + request.message(), List.of());
            announcer.say(Phrase.of(Phrase.PRE_ALARM_QUESTION, "seconds", Long.toString(preAlarmWindow.toSeconds())));
            timers.arm(alert.id(), preAlarmWindow, () -> preAlarmExpired(alert.id()));
        } else {
            toRaised(alert, request.kind() == AlertKind.HELP ? "The resident asked for help: " + request.message() : request.message());
        }
    }

    /**
     * An installer's TEST alert: sent at once to every carer at every level, so each one's phone
     * is proved in one go. The resident hears nothing, nothing escalates, and the test resolves
     * itself after {@code window}, acknowledged or not.
     *
     * @return the test alert's id, to follow its deliveries and acknowledgements in the store
     */
    public UUID raiseTest(String message, Duration window) {
        Instant now = scheduler.now();
        Alert alert = Alert.detected(new AlertRequest(AlertKind.HELP, Severity.INFO, "", message, false, true), ids.get(), now);
        List<AlertStore.Outbox> everyone = plan.everyone();
        String who = EscalationPlan.listed(everyone.stream().map(AlertStore.Outbox::carer).toList());
        record(alert.withState(AlertState.RAISED).atLevel(plan.firstLevel(), now), Event.TEST_SENT, "",
                "Test alert. Telling every level at once (" + who + ").", everyone);
        timers.arm(alert.id(), window, () -> resolve(alert.id(), "the end of the test"));
        return alert.id();
    }

    @Override
    public boolean cancelPreAlarm(String how) {
        List<Alert> preAlarms = store.open().stream().filter(a -> a.state() == AlertState.PRE_ALARM).toList();
        for (Alert alert : preAlarms) {
            timers.disarm(alert.id());
            record(alert.withState(AlertState.RESOLVED), Event.CANCELLED_BY_RESIDENT, "", "Cancelled by the resident (" + how + ")",
                    List.of());
        }
        announcer.say(Phrase.of(preAlarms.isEmpty() ? Phrase.NOTHING_TO_CANCEL : Phrase.PRE_ALARM_CANCELLED));
        return !preAlarms.isEmpty();
    }

    /**
     * The resident asked for help, by button or voice: a pre-alarm that is asking whether they are
     * all right is raised at once; with none open, {@code otherwise} is raised, skipping the pre-alarm.
     */
    public void help(String how, AlertRequest otherwise) {
        if (!confirmPreAlarms(how)) {
            raise(otherwise);
        }
    }

    /** The resident asked for help while being asked whether they are all right: raise now. */
    public boolean confirmPreAlarms(String how) {
        List<Alert> preAlarms = store.open().stream().filter(a -> a.state() == AlertState.PRE_ALARM).toList();
        preAlarms.forEach(a -> {
            timers.disarm(a.id());
            toRaised(a, "The resident asked for help (" + how + ")");
        });
        return !preAlarms.isEmpty();
    }

    /**
     * A long lie after a fall nobody has yet taken charge of is the same emergency, now worse:
     * the fall alert is raised at once if it was still asking the resident, or moves up to the
     * next level at once if it was already out, rather than a second alert being opened.
     */
    private boolean escalateOpenFall(AlertRequest longLie) {
        Optional<Alert> fall = store.open().stream().filter(a -> a.kind() == AlertKind.FALL)
                .filter(a -> a.state() == AlertState.PRE_ALARM || a.state() == AlertState.RAISED
                        || a.state() == AlertState.DELIVERED)
                .reduce((first, second) -> second);
        if (fall.isEmpty()) {
            return false;
        }
        Alert alert = fall.get();
        timers.disarm(alert.id());
        String why = "Followed by a long lie: " + longLie.message();
        if (alert.state() == AlertState.PRE_ALARM) {
            toRaised(alert, why);
        } else {
            escalate(alert.id(), why);
        }
        return true;
    }

    private void preAlarmExpired(UUID id) {
        store.find(id).filter(a -> a.state() == AlertState.PRE_ALARM).ifPresent(a ->
                toRaised(a, "No answer within " + preAlarmWindow.toSeconds() + " s"));
    }

    private void toRaised(Alert alert, String why) {
        Instant now = scheduler.now();
        int first = plan.firstLevel();
        Alert raised = alert.withState(AlertState.RAISED).atLevel(first, now);
        record(raised, Event.RAISED, "", sentence(why) + " Telling level " + first + " (" + plan.names(first) + ").",
                plan.queueFor(first));
        if (alert.severity() == Severity.URGENT) {
            announcer.say(Phrase.of(Phrase.CALLING_FOR_HELP));
            if (reachability.unreachableSince().isPresent()) {
                reachability.sayUnreachable();
            }
        }
        armEscalation(raised);
    }

    /** Records that one carer's device received the alert. */
    public void delivered(UUID id, String carer) {
        store.find(id).ifPresent(alert -> {
            if (alert.state() == AlertState.RAISED) {
                record(alert.withState(AlertState.DELIVERED), Event.DELIVERED, carer, "Delivered to " + carer, List.of());
                if (alert.severity() == Severity.URGENT) {
                    announcer.say(Phrase.of(Phrase.CARER_TOLD, "carer", carer));
                }
            } else {
                boolean firstAtNewLevel = alert.state() == AlertState.DELIVERED && alert.severity() == Severity.URGENT
                        && firstDeliveryAtEscalatedLevel(alert, carer);
                note(alert, Event.DELIVERED, carer, "Delivered to " + carer);
                if (firstAtNewLevel) {
                    announcer.say(Phrase.of(Phrase.CARER_TOLD, "carer", carer));
                }
            }
        });
    }

    /**
     * Records that one of a carer's own devices received the alert, once per carer (a repeat is
     * ignored). An alert only raised so far becomes DELIVERED (and the resident hears that the carer
     * was told, as for any delivery); nothing else changes: the receipt
     * is not an acknowledgement, so the escalation stays armed. A receipt for an alert that is no
     * longer open, or from someone not on the ladder, is ignored.
     *
     * @param device the device's name as the carer gave it, for people only
     * @param at     when the device received it; kept within the alert's life and now
     * @return true when it was recorded
     */
    public boolean receivedOnDevice(UUID id, String carer, String device, Instant at) {
        Optional<Alert> open = store.find(id).filter(a -> a.state() == AlertState.RAISED || a.state() == AlertState.DELIVERED
                || a.state() == AlertState.ACKNOWLEDGED);
        if (open.isEmpty() || ladder.byName(carer).isEmpty()
                || store.history(id).stream().anyMatch(h -> h.is(Event.RECEIVED_ON_DEVICE, carer))) {
            return false;
        }
        Alert alert = open.get();
        Instant when = at == null || at.isAfter(scheduler.now()) ? scheduler.now()
                : at.isBefore(alert.createdAt()) ? alert.createdAt() : at;
        String detail = "Received on " + (device == null || device.isBlank() ? "a device of " + carer : device);
        Alert after = alert.state() == AlertState.RAISED ? alert.withState(AlertState.DELIVERED) : alert;
        AuditEntry entry = plan.withNext(new AuditEntry(id, when, after.state(), Event.RECEIVED_ON_DEVICE, carer, detail),
                after, scheduler.now());
        if (after == alert) {
            store.audit(entry);
        } else {
            store.save(after, entry, List.of());
        }
        notifyObservers(after, entry);
        if (after != alert && alert.severity() == Severity.URGENT) {
            announcer.say(Phrase.of(Phrase.CARER_TOLD, "carer", carer)); // as delivered() would have, had the hub's receipt come first
        }
        return true;
    }

    /** After an escalation, the resident hears who was told next, once per level. */
    private boolean firstDeliveryAtEscalatedLevel(Alert alert, String carer) {
        Optional<Carer> who = ladder.byName(carer);
        if (who.isEmpty() || who.get().level() != alert.level() || alert.level() == plan.firstLevel()) {
            return false;
        }
        List<String> sameLevel = ladder.atLevel(alert.level()).stream().map(Carer::name).toList();
        return store.history(alert.id()).stream().noneMatch(h -> h.event() == Event.DELIVERED && sameLevel.contains(h.carer()));
    }

    /** A person took charge. Only carers on this home's ladder may acknowledge. */
    public AckResult acknowledge(UUID id, String carerIdentity, String note) {
        Optional<Carer> carer = ladder.byIdentity(carerIdentity);
        if (carer.isEmpty()) {
            LOG.warn("Refused an acknowledgement of {} from an identity not on the ladder", id);
            return AckResult.NOT_ON_LADDER;
        }
        Optional<Alert> found = store.find(id);
        if (found.isEmpty()) {
            return AckResult.UNKNOWN_ALERT;
        }
        Alert alert = found.get();
        String who = carer.get().name();
        String detail = "Acknowledged by " + who + (note.isBlank() ? "" : ": " + note);
        switch (alert.state()) {
            case RAISED, DELIVERED -> {
                if (!alert.test()) {
                    timers.disarm(id); // stops the escalation; a test's only timer is its end, which stays
                }
                record(alert.withState(AlertState.ACKNOWLEDGED), Event.ACKNOWLEDGED, who, detail, List.of());
                if (alert.severity() == Severity.URGENT) {
                    announcer.say(Phrase.of(Phrase.CARER_COMING, "carer", who));
                }
                return AckResult.ACCEPTED;
            }
            case ACKNOWLEDGED -> {
                note(alert, Event.ACKNOWLEDGED_AGAIN, who, detail + " (already acknowledged)");
                return AckResult.ALREADY_ACKNOWLEDGED;
            }
            default -> {
                return AckResult.NOT_OPEN;
            }
        }
    }

    /** Closes an alert: a carer has dealt with it. */
    public boolean resolve(UUID id, String byWhom) {
        return resolve(id, Event.RESOLVED, "Resolved by " + byWhom);
    }

    /** Closes an alert for the reason {@code why}, for example {@link Event#SENSOR_RECOVERED}, told in {@code detail}. */
    public boolean resolve(UUID id, Event why, String detail) {
        Optional<Alert> alert = store.find(id).filter(a -> a.state().isOpen());
        alert.ifPresent(a -> {
            timers.disarm(id);
            record(a.withState(AlertState.RESOLVED), why, "", detail, List.of());
        });
        return alert.isPresent();
    }

    /**
     * A carer closed the alert, saying how it ended. Only carers on this home's ladder may, and
     * only an alert that carers were told of (raised, delivered or acknowledged); the outcome and
     * note go into the audit trail. Repeating it changes nothing: an alert already closed answers
     * {@link AckResult#ALREADY_RESOLVED}.
     */
    public AckResult resolveByCarer(UUID id, String carerIdentity, Down.Outcome outcome, String note) {
        Optional<Carer> carer = ladder.byIdentity(carerIdentity);
        if (carer.isEmpty()) {
            LOG.warn("Refused a resolution of {} from an identity not on the ladder", id);
            return AckResult.NOT_ON_LADDER;
        }
        Optional<Alert> found = store.find(id);
        if (found.isEmpty()) {
            return AckResult.UNKNOWN_ALERT;
        }
        Alert alert = found.get();
        if (alert.state() == AlertState.RESOLVED) {
            return AckResult.ALREADY_RESOLVED;
        }
        if (alert.state() == AlertState.PRE_ALARM) {
            return AckResult.NOT_OPEN;
        }
        String who = carer.get().name();
        timers.disarm(id);
        Alert resolved = alert.withState(AlertState.RESOLVED);
        record(resolved, new AuditEntry(id, scheduler.now(), resolved.state(), Event.RESOLVED, who,
                "Resolved by " + who + " (" + outcome.words() + ")" + (note.isBlank() ? "" : ": " + note), outcome, null), List.of());
        return AckResult.ACCEPTED;
    }

    /**
     * A carer closed the alert from their own device, over DTLS. A carer the ladder reaches through
     * the hub speaks only through the hub: a DTLS identity naming one is refused as not a carer here.
     */
    public AckResult resolveFromDevice(UUID id, String dtlsIdentity, Down.Outcome outcome, String note) {
        if (ladder.byIdentity(dtlsIdentity).filter(Carer::viaHub).isPresent()) {
            LOG.warn("Refused a resolution of {} over DTLS from a carer reached through the hub", id);
            return AckResult.NOT_ON_LADDER;
        }
        return resolveByCarer(id, dtlsIdentity, outcome, note);
    }

    /**
     * A sensor needs attention: raised at once to the first level, which it never leaves (see
     * {@link #armEscalation}).
     *
     * @return its id, so that it can be closed when the sensor recovers
     */
    public UUID raiseSensorHealth(AlertRequest request) {
        Alert alert = Alert.detected(request, ids.get(), scheduler.now());
        toRaised(alert, request.message());
        return alert.id();
    }

    /** After a restart: re-arm the pre-alarm and escalation timers of every open alert. */
    public void recover() {
        Instant now = scheduler.now();
        for (Alert alert : store.open()) {
            if (alert.test()) {
                resolve(alert.id(), "a restart, which ended the test");
            } else if (alert.state() == AlertState.PRE_ALARM) {
                Duration left = EscalationPlan.waitLeft(now, alert.createdAt(), preAlarmWindow);
                timers.arm(alert.id(), left, () -> preAlarmExpired(alert.id()));
            } else if (alert.state() == AlertState.RAISED || alert.state() == AlertState.DELIVERED) {
                armEscalation(alert);
            }
        }
    }

    /** Arms the next escalation {@link EscalationPlan#next} names, if any. */
    private void armEscalation(Alert alert) {
        Instant now = scheduler.now();
        plan.next(alert, now).ifPresent(next -> timers.arm(alert.id(), Duration.between(now, next.at()),
                () -> escalate(alert.id(), "Not acknowledged within " + ladder.levelTimeout().toMinutes() + " min.")));
    }

    private void escalate(UUID id, String why) {
        store.find(id).filter(a -> a.state() == AlertState.RAISED || a.state() == AlertState.DELIVERED).ifPresent(alert -> {
            Optional<Integer> next = ladder.nextLevel(alert.level());
            if (next.isEmpty()) {
                note(alert, Event.LADDER_EXHAUSTED, "", sentence(why) + " Everyone on the ladder already knows.");
                return;
            }
            Alert up = alert.atLevel(next.get(), scheduler.now());
            record(up, Event.ESCALATED, "", sentence(why) + " Telling level " + next.get() + " (" + plan.names(next.get()) + ").",
                    plan.queueFor(next.get()));
            armEscalation(up);
        });
    }

    private static String sentence(String s) {
        return s.endsWith(".") ? s : s + ".";
    }

    /** A transition: the alert's new state, its audit entry and any outbox rows, in one durable write. */
    private void record(Alert alert, Event event, String carer, String detail, List<AlertStore.Outbox> queue) {
        record(alert, new AuditEntry(alert.id(), scheduler.now(), alert.state(), event, carer, detail), queue);
    }

    /** A transition whose entry says more (an outcome); the next level due is added here. */
    private void record(Alert alert, AuditEntry entry, List<AlertStore.Outbox> queue) {
        AuditEntry withNext = plan.withNext(entry, alert, scheduler.now());
        store.save(alert, withNext, queue);
        notifyObservers(alert, withNext);
    }

    /** An audit entry with no change of state. */
    private void note(Alert alert, Event event, String carer, String detail) {
        AuditEntry entry = plan.withNext(new AuditEntry(alert.id(), scheduler.now(), alert.state(), event, carer, detail),
                alert, scheduler.now());
        store.audit(entry);
        notifyObservers(alert, entry);
    }

    private void notifyObservers(Alert alert, AuditEntry entry) {
        LOG.info("Alert {} {} {}: {}", alert.id(), alert.kind(), entry.state(), entry.detail());
        observer.onTransition(alert, entry);
    }
}
