package org.hearth.sensors;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of digital sensor a home can have. {@link #configName()} is how the config file names each. */
public enum SensorKind {
    /** Passive infrared motion detector. Active while it sees movement. */
    PIR,
    /** Door or window reed contact. Active while open. */
    CONTACT,
    /** Bed or chair pressure mat. Active while someone is on it. */
    PRESSURE_MAT,
    /** Bathroom or bedroom pull cord. Active while pulled. */
    PULL_CORD,
    /** The resident's help button (pendant or the hub's red button). */
    HELP_BUTTON,
    /** The hub's "I'm fine" button, which cancels an open pre-alarm. */
    CANCEL_BUTTON,
    /** A radar or mat with a "fall detected" output line. */
    FALL_OUTPUT,
    /** The hub's talk button: press it, then speak to the assistant. */
    TALK_BUTTON;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SensorKind> fromConfigName(String name) {
        return Arrays.stream(values()).filter(k -> k.configName().equals(name)).findFirst();
    }

    /** "pir, contact, ..." for error messages. */
    public static String allConfigNames() {
        return Arrays.stream(values()).map(SensorKind::configName).collect(Collectors.joining(", "));
    }

    /** True for sensors that mean "someone is moving about here". */
    public boolean showsPresence() {
        return this == PIR || this == PRESSURE_MAT || this == CONTACT;
    }
}
