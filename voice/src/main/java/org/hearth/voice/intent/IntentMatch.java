package org.hearth.voice.intent;

import java.time.LocalTime;
import java.util.Optional;

/**
 * The matcher's verdict. {@code similarity} is how close the words were to the best template
 * phrase (1 is exact); {@code confidence} also weighs in the recogniser's own confidence. The
 * runner-up is the best other intent, which tells a clear match from a coin toss.
 */
public record IntentMatch(Intent intent, double similarity, double confidence, Intent runnerUp,
        double runnerUpSimilarity, Slots slots) {

    public static IntentMatch none(Intent bestGuess, double similarity, double confidence) {
        return new IntentMatch(Intent.NONE, similarity, confidence, bestGuess, similarity, Slots.EMPTY);
    }

    /** Values the words carried: a time of day and a task for a reminder. */
    public record Slots(LocalTime time, boolean timeHalfDayKnown, String task) {
        public static final Slots EMPTY = new Slots(null, false, null);

        public Optional<LocalTime> timeOfDay() {
            return Optional.ofNullable(time);
        }

        public Optional<String> spokenTask() {
            return Optional.ofNullable(task);
        }
    }
}
