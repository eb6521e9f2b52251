package org.hearth.voice.skill;

import java.time.LocalDate;
import java.util.List;

/**
 * The next collection: when, which streams ("general", "recycling"), and how many days a bank
 * holiday moved it, with the holiday's name (null when not moved).
 */
public record BinCollection(LocalDate date, List<String> streams, int shiftedDays, String holiday) {
}
