package org.hearth.gateway.domain;

/** What became of an acknowledgement. */
public enum AckResult {
    ACCEPTED,
    /** Already acknowledged; the later acknowledgement is recorded but changes nothing. */
    ALREADY_ACKNOWLEDGED,
    UNKNOWN_ALERT,
    /** The sender is not on this home's ladder. */
    NOT_ON_LADDER,
    /** The alert is still in its pre-alarm or already resolved. */
    NOT_OPEN
}
