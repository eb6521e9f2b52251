package org.hearth.voice;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.time.Scheduler;
import org.hearth.voice.intent.Intent;
import org.hearth.voice.intent.IntentMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reminders as the resident talks about them: "remind me to take my tablets at six (every
 * day)", "what are my reminders?", "cancel that", "I've taken them", and the reminder's own words
 * when it rings. {@link Reminders} keeps, times and stores them.
 */
final class ReminderAnswers {

    /** Logged under the assistant's name, as the conversation always has been. */
    private static final Logger LOG = LoggerFactory.getLogger(Assistant.class);

    private final SpokenLanguages spoken;
    private final Scheduler scheduler;
    private final Reminders reminders;

    /** A dose not marked done after its last ring is told to {@code alarm} ({@link AlarmPort#reminderMissed}). */
    ReminderAnswers(SpokenLanguages spoken, ReminderStore store, Scheduler scheduler, AssistantSettings settings,
            AlarmPort alarm) {
        this.spoken = spoken;
        this.scheduler = scheduler;
        this.reminders = new Reminders(store, scheduler, settings, this::ring,
                r -> alarm.reminderMissed(Optional.ofNullable(r.task())));
    }

    /** Schedules the stored reminders; call once at start. */
    void restore() {
        reminders.restore();
    }

    /** Whether a reminder is ringing now, so a bare "yes" means it is done. */
    boolean ringing() {
        return reminders.ringing();
    }

    Reply set(IntentMatch match, boolean daily) {
        Intent intent = match.intent();
        Optional<LocalTime> time = match.slots().timeOfDay();
        if (time.isEmpty()) {
            return spoken.say(intent, "reminder.need.time", Map.of());
        }
        String task = match.slots().spokenTask().orElse(null);
        Reminder r = reminders.add(task, time.get(), match.slots().timeHalfDayKnown(), spoken.replies().code(), daily);
        String at = spoken.replies().time(r.due().atZone(scheduler.clock().getZone()).toLocalTime());
        String key = (daily ? "reminder.set.daily" : "reminder.set") + (task == null ? ".generic" : "");
        return spoken.say(intent, key, task == null ? Map.of("time", at) : Map.of("task", task, "time", at));
    }

    Reply list() {
        List<Reminder> all = reminders.all();
        if (all.isEmpty()) {
            return spoken.say(Intent.REMINDER_LIST, "reminder.list.none", Map.of());
        }
        String items = String.join(spoken.replies().get("reminder.list.separator") + " ",
                all.stream().map(this::describe).toList());
        return spoken.say(Intent.REMINDER_LIST, "reminder.list", Map.of("list", items));
    }

    /** "Cancel that": the reminder just set, or the one ringing or just rung. */
    Reply cancelLast() {
        Optional<Reminder> r = reminders.cancelLast();
        return r.isEmpty() ? spoken.say(Intent.REMINDER_CANCEL, "reminder.cancel.nothing", Map.of())
                : spoken.say(Intent.REMINDER_CANCEL, "reminder.cancelled", Map.of("what", describe(r.get())));
    }

    Reply done() {
        return spoken.say(Intent.REMINDER_DONE, reminders.done() ? "reminder.done" : "reminder.nothing", Map.of());
    }

    /** "take your tablets at 9 am every day", "a reminder at 6 pm". */
    private String describe(Reminder r) {
        String at = spoken.replies().time(r.due().atZone(scheduler.clock().getZone()).toLocalTime());
        String key = (r.task() == null ? "reminder.item.generic" : "reminder.item") + (r.daily() ? ".daily" : "");
        return spoken.replies().get(key, r.task() == null ? Map.of("time", at) : Map.of("task", r.task(), "time", at));
    }

    /**
     * A reminder belongs to whoever set it: it rings in the language it was set in (its task is in
     * those words), or the main language if the household no longer speaks that one.
     */
    private void ring(Reminder r) {
        spoken.converseIn(spoken.speaks(r.language()) ? r.language() : spoken.main());
        Replies replies = spoken.replies();
        String at = replies.time(ZonedDateTime.now(scheduler.clock()).toLocalTime());
        String key = r.task() == null ? "reminder.due.generic" : "reminder.due";
        String text = r.task() == null ? replies.get(key, Map.of("time", at))
                : replies.get(key, Map.of("time", at, "task", r.task()));
        LOG.info("Reminder due");
        spoken.speak(new Reply(Intent.REMINDER_SET, text, true, key));
    }
}
