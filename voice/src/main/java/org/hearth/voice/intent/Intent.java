package org.hearth.voice.intent;

import java.util.Arrays;
import java.util.Optional;

/**
 * The built-in intents. Names follow DESIGN.md; {@code council.social.care} and
 * {@code reminder.done} were added because the knowledge pack answers adult social care, and a
 * ringing reminder needs its own "done".
 */
public enum Intent {
    HELP_EMERGENCY("help.emergency"),
    ALARM_CANCEL("alarm.cancel"),
    CARER_CALL("carer.call"),
    COUNCIL_BINS_NEXT("council.bins.next"),
    COUNCIL_LIBRARY_HOURS("council.library.hours"),
    COUNCIL_TAX_PAY("council.tax.pay"),
    COUNCIL_HELPLINE("council.helpline"),
    COUNCIL_SOCIAL_CARE("council.social.care"),
    BENEFITS_ADVICE("benefits.advice"),
    TIME_NOW("time.now"),
    DATE_TODAY("date.today"),
    REMINDER_SET("reminder.set"),
    REMINDER_DONE("reminder.done"),
    /** "Remind me to take my tablets at nine every day": like {@link #REMINDER_SET}, every day. */
    REMINDER_DAILY("reminder.daily"),
    /** "What are my reminders?" */
    REMINDER_LIST("reminder.list"),
    /** "Cancel that": the reminder just set, or the one ringing or just rung. */
    REMINDER_CANCEL("reminder.cancel"),
    /** "Slower": speak more slowly for the rest of the day. */
    SPEECH_SLOWER("speech.slower"),
    /** "Louder": answered honestly; the assistant cannot change the volume (docs/voice.md). */
    SPEECH_LOUDER("speech.louder"),
    /** "What can you do?" */
    CAPABILITIES("capabilities"),
    REPEAT("repeat"),
    YES("yes"),
    NO("no"),
    STOP("stop"),
    /** Nothing matched, or small talk the assistant does not act on. */
    NONE("none");

    private final String id;

    Intent(String id) {
        this.id = id;
    }

    /** The dotted name used in template files, logs and the CLI. */
    public String id() {
        return id;
    }

    /** A wrong answer here alarms a family or silences a real alarm, so these get stricter matching. */
    public boolean safetyCritical() {
        return this == HELP_EMERGENCY || this == ALARM_CANCEL;
    }

    /**
     * Intents that undo something the resident wanted, so "don't cancel that" must never match
     * "cancel that": a phrase matches only words that negate what it negates ({@code @negations}).
     */
    public boolean negationSensitive() {
        return this == ALARM_CANCEL || this == REMINDER_CANCEL;
    }

    public static Optional<Intent> byId(String id) {
        return Arrays.stream(values()).filter(i -> i.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
