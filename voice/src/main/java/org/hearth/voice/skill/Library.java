package org.hearth.voice.skill;

import java.util.Optional;

/** A library, its opening hours when a source gives them, and where they were found (null only in a sample pack). */
public record Library(String name, Optional<OpeningHours> hours, Source source) {
}
