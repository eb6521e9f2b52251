package org.hearth.gateway.domain;

/** What became of an acknowledgement or a carer's resolution. */
public enum AckResult {
    ACCEPTED,
    /** Already acknowledged; the later acknowledgement is recorded but changes nothing. */
    ALREADY_ACKNOWLEDGED,
    UNKNOWN_ALERT,
    /** Already resolved; a repeated resolution changes nothing. */
    ALREADY_RESOLVED,
    /** The sender is not on this home's ladder (or, over DTLS, is a carer reached through the hub). */
    NOT_ON_LADDER,
    /** The alert is still in its pre-alarm or already resolved. */
    NOT_OPEN
}
