package org.hearth.voice;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
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
 * and said again every few minutes until the resident says "done" or they have rung enough.
 * Runs on the scheduler's thread, like the assistant.
 */
final class Reminders {

    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);

    private final ReminderStore store;
    private final Scheduler scheduler;
    private final AssistantSettings settings;
    private final Ring ring;
    private final Map<UUID, Scheduler.Cancellable> timers = new HashMap<>();
    private final Map<UUID, Integer> rings = new HashMap<>();

    /** Says a due reminder. */
    interface Ring {
        void ring(Reminder reminder);
    }

    Reminders(ReminderStore store, Scheduler scheduler, AssistantSettings settings, Ring ring) {
        this.store = store;
        this.scheduler = scheduler;
        this.settings = settings;
        this.ring = ring;
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
    Reminder add(String task, LocalTime time, boolean halfDayKnown, String language) {
        Instant due = next(time, halfDayKnown);
        Reminder r = new Reminder(UUID.randomUUID(), task, due, language);
        store.save(r);
        schedule(r, Duration.between(scheduler.now(), due));
        LOG.info("Reminder set");
        return r;
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
                forget(r.id());
                any = true;
            }
        }
        return any;
    }

    private void schedule(Reminder r, Duration delay) {
        timers.put(r.id(), scheduler.schedule(delay.isNegative() ? Duration.ZERO : delay, () -> fire(r.id())));
    }

    private void fire(UUID id) {
        Optional<Reminder> r = store.all().stream().filter(x -> x.id().equals(id)).findFirst();
        if (r.isEmpty()) {
            return;
        }
        int count = rings.merge(id, 1, Integer::sum);
        ring.ring(r.get());
        if (count >= settings.reminderMaxRings()) {
            LOG.info("A reminder was not answered after {} rings; it stops", count);
            forget(id);
        } else {
            timers.put(id, scheduler.schedule(settings.reminderRepeat(), () -> fire(id)));
        }
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
