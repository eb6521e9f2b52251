package org.hearth.gateway.domain;

/** The life of an alert. Every transition is appended to the audit log. */
public enum AlertState {
    /** The resident is asked whether they are all right, and may cancel. Nobody is told yet. */
    PRE_ALARM,
    /** Written to the store and the outbox; carers are being told. */
    RAISED,
    /** At least one carer's device answered 2.xx. Nobody has taken charge yet. */
    DELIVERED,
    /** A person pressed "on my way". */
    ACKNOWLEDGED,
    /** Over: handled, cancelled by the resident in the pre-alarm, or closed by a carer. */
    RESOLVED;

    public boolean isOpen() {
        return this != RESOLVED;
    }
}
