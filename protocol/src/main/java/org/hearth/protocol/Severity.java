package org.hearth.protocol;

/** How urgently a person must act. */
public enum Severity {
    /** Someone may be hurt: act now. */
    URGENT,
    /** Needs attention today, for example a sensor gone quiet. */
    ATTENTION,
    /** For information: tests, requests to call. */
    INFO
}
