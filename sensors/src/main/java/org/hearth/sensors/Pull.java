package org.hearth.sensors;

/** The pin's internal pull resistor. Reed switches and buttons to ground want {@link #UP} with active-low. */
public enum Pull {
    UP,
    DOWN,
    OFF
}
