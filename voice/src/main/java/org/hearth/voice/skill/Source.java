package org.hearth.voice.skill;

import java.time.LocalDate;

/**
 * Where a fact in a council pack comes from and when someone last checked it there.
 *
 * @param reference a URL or a document's title
 * @param checked the day the fact was last seen in that source
 */
public record Source(String reference, LocalDate checked) {
}
