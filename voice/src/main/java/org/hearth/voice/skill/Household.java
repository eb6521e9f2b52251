package org.hearth.voice.skill;

import java.time.DayOfWeek;
import java.util.Objects;
import java.util.Optional;

/**
 * What the assistant knows of the resident's address, from the installer's config: the bin
 * collection weekday and round (which week of the cycle is which), and the nearest library.
 *
 * @param collectionDay the weekday bins are collected, or null if not set up
 * @param round the pack's round name for this address, such as "A"
 * @param library the name of the nearest library in the pack, or null for the pack's first
 */
public record Household(DayOfWeek collectionDay, String round, String library) {

    public static final Household UNKNOWN = new Household(null, null, null);

    public Household {
        if (collectionDay != null) {
            Objects.requireNonNull(round, "a household with a collection day needs a round");
        }
    }

    public Optional<DayOfWeek> binDay() {
        return Optional.ofNullable(collectionDay);
    }
}
