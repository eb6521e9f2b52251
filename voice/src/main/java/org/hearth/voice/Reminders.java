package org.hearth.voice;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminders: stored through {@link ReminderStore} so they survive a restart, said at their time,
 * and said again every few minutes until the resident says "done" or they have rung enough. A
 * daily reminder then moves on to the same time the next day; if it rang out unanswered, the
 * {@link Missed} callback tells a carer. Runs on the scheduler's thread, like the assistant.
 */
final class Reminders {

    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);

    private final ReminderStore store;
    private final Scheduler scheduler;
    private final AssistantSettings settings;
    private final Ring ring;
    private final Missed missed;
    /** The reminder just set, or the one that rang last: what "cancel that" means. */
    private UUID last;
    private final Map<UUID, Scheduler.Cancellable> timers = new HashMap<>();
    private final Map<UUID, Integer> rings = new HashMap<>();

    /** Says a due reminder. */
    interface Ring {
        void ring(Reminder reminder);
    }

    /** A daily reminder rang its last time without a "done". */
    interface Missed {
        void missed(Reminder reminder);
    }

    Reminders(ReminderStore store, Scheduler scheduler, AssistantSettings settings, Ring ring, Missed missed) {
        this.store = store;
        this.scheduler = scheduler;
        this.settings = settings;
        this.ring = ring;
        this.missed = missed;
    }

    /** Schedules every stored reminder; one already past rings at once. */
    void restore() {
        List<Reminder> all = store.all();
        for (Reminder r : all) {
            schedule(r, Duration.between(scheduler.now(), r.due()));
        }
        if (!all.isEmpty()) {
            LOG.info("Restored {} reminders", all.size());
        }
    }

    /** Stores and schedules a reminder for the next {@code time} ("at six" is the next six o'clock, am or pm). */
    Reminder add(String task, LocalTime time, boolean halfDayKnown, String language, boolean daily) {
        Instant due = next(time, halfDayKnown);
        Reminder r = new Reminder(UUID.randomUUID(), task, due, language, daily);
        store.save(r);
        schedule(r, Duration.between(scheduler.now(), due));
        last = r.id();
        LOG.info("Reminder set");
        return r;
    }

    /** Every stored reminder, soonest first. */
    List<Reminder> all() {
        return store.all().stream().sorted(Comparator.comparing(Reminder::due)).toList();
    }

    /** "Cancel that": forgets the reminder just set or the one that rang last, daily or not. */
    Optional<Reminder> cancelLast() {
        Optional<Reminder> r = find(last);
        r.ifPresent(x -> forget(x.id()));
        last = null;
        if (r.isPresent()) {
            LOG.info("Reminder cancelled");
        }
        return r;
    }

    private Optional<Reminder> find(UUID id) {
        return id == null ? Optional.empty() : store.all().stream().filter(x -> x.id().equals(id)).findFirst();
    }

    private Instant next(LocalTime time, boolean halfDayKnown) {
        ZonedDateTime now = ZonedDateTime.now(scheduler.clock());
        ZonedDateTime at = now.with(time).withSecond(0).withNano(0);
        if (!halfDayKnown) {
            ZonedDateTime other = at.plusHours(12);
            ZonedDateTime first = at.isAfter(now) ? at : at.plusDays(1);
            ZonedDateTime second = other.isAfter(now) ? other : other.plusDays(1);
            return (first.isBefore(second) ? first : second).toInstant();
        }
        if (!at.isAfter(now)) {
            at = ZonedDateTime.of(LocalDate.from(now).plusDays(1), time, now.getZone());
        }
        return at.toInstant();
    }

    /** The reminders ringing now, that is past due and not yet done. */
    boolean ringing() {
        Instant now = scheduler.now();
        return store.all().stream().anyMatch(r -> !r.due().isAfter(now));
    }

    /** The resident said "done": every ringing reminder stops and is forgotten. */
    boolean done() {
        Instant now = scheduler.now();
        boolean any = false;
        for (Reminder r : store.all()) {
            if (!r.due().isAfter(now)) {
                finish(r);
                any = true;
            }
        }
        return any;
    }

    private void schedule(Reminder r, Duration delay) {
        timers.put(r.id(), scheduler.schedule(delay.isNegative() ? Duration.ZERO : delay, () -> fire(r.id())));
    }

    private void fire(UUID id) {
        Optional<Reminder> r = find(id);
        if (r.isEmpty()) {
            return;
        }
        int count = rings.merge(id, 1, Integer::sum);
        last = id;
        ring.ring(r.get());
        if (count >= settings.reminderMaxRings()) {
            LOG.info("A reminder was not answered after {} rings; it stops", count);
            if (r.get().daily()) {
                missed.missed(r.get());
            }
            finish(r.get());
        } else {
            timers.put(id, scheduler.schedule(settings.reminderRepeat(), () -> fire(id)));
        }
    }

    /** Done or rung out: a one-off reminder is forgotten, a daily one waits for its next day. */
    private void finish(Reminder r) {
        if (!r.daily()) {
            forget(r.id());
            return;
        }
        Scheduler.Cancellable timer = timers.remove(r.id());
        if (timer != null) {
            timer.cancel();
        }
        rings.remove(r.id());
        ZonedDateTime due = r.due().atZone(scheduler.clock().getZone());
        Instant now = scheduler.now();
        // Same local time on a later day (through clock changes); after a long stop, the next one to come.
        do {
            due = due.plusDays(1);
        } while (!due.toInstant().isAfter(now));
        Reminder next = r.withDue(due.toInstant());
        store.save(next);
        schedule(next, Duration.between(now, next.due()));
    }

    private void forget(UUID id) {
        Scheduler.Cancellable timer = timers.remove(id);
        if (timer != null) {
            timer.cancel();
        }
        rings.remove(id);
        store.delete(id);
    }
}
