package org.hearth.voice.skill;

import java.util.Optional;

/**
 * A service the resident can phone: its name as said aloud, its number, its opening hours when a
 * source gives them, and where the number was found (null only in a sample pack).
 */
public record PhoneService(String name, String phone, Optional<OpeningHours> hours, Source source) {
}
