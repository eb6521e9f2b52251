package org.hearth.voice.skill;

import java.time.LocalDate;

/**
 * The next collection: when, which stream ("recycling", "general"), and how many days a bank
 * holiday moved it, with the holiday's name (null when not moved).
 */
public record BinCollection(LocalDate date, String stream, int shiftedDays, String holiday) {
}
