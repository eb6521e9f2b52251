package org.hearth.hub.store;

/** What a write of something a gateway sent did. */
public enum Outcome {
    /** Stored now. */
    STORED,
    /** Stored before (a retry); nothing changed. */
    ALREADY_STORED,
    /** It refers to an alert the hub does not have. */
    NOT_FOUND,
    /** It belongs to, or refers to, another home; nothing was written. */
    OTHER_HOME
}
