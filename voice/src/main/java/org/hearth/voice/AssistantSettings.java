package org.hearth.voice;

import java.time.Duration;

/**
 * Tunable behaviour of the assistant.
 *
 * @param helpActAbove at or above this confidence "help" raises the alarm at once; below, the
 *     assistant asks "Did you say you need help?" first
 * @param reminderRepeat how often a due reminder is said again until the resident says "done"
 * @param reminderMaxRings after this many times an unanswered reminder stops
 * @param checkInCancelAbove during a check-in, a cancel phrase cancels the pre-alarm only if at
 *     least this share of the recogniser's belief lies on readings that are cancel phrases (see
 *     {@link Heard#share}); below, the assistant asks once more
 */
public record AssistantSettings(double helpActAbove, Duration reminderRepeat, int reminderMaxRings,
        double checkInCancelAbove) {

    public static final AssistantSettings DEFAULT = new AssistantSettings(0.85, Duration.ofMinutes(5), 12, 0.6);

    public AssistantSettings {
        if (!(helpActAbove > 0 && helpActAbove <= 1)) {
            throw new IllegalArgumentException("helpActAbove must be in (0, 1], was " + helpActAbove);
        }
        if (!(checkInCancelAbove > 0 && checkInCancelAbove <= 1)) {
            throw new IllegalArgumentException("checkInCancelAbove must be in (0, 1], was " + checkInCancelAbove);
        }
        if (reminderRepeat.toSeconds() < 30) {
            throw new IllegalArgumentException("reminderRepeat must be at least 30 s, was " + reminderRepeat);
        }
        if (reminderMaxRings < 1) {
            throw new IllegalArgumentException("reminderMaxRings must be at least 1, was " + reminderMaxRings);
        }
    }
}
