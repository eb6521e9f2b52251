package org.hearth.voice.skill;

/** A library and its opening hours. */
public record Library(String name, OpeningHours hours) {
}
