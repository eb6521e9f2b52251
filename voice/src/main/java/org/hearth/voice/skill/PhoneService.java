package org.hearth.voice.skill;

/** A service the resident can phone: its name as said aloud, its number and its opening hours. */
public record PhoneService(String name, String phone, OpeningHours hours) {
}
