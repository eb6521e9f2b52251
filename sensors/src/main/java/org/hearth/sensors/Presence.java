package org.hearth.sensors;

/** What a presence radar sees in its room. */
public enum Presence {
    /** Nobody in the room. */
    NOBODY,
    /** Someone there and not moving: sitting, lying, asleep, or collapsed. The radar sees only breathing. */
    STILL,
    /** Someone there and moving. */
    MOVING
}
