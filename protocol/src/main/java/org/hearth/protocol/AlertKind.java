package org.hearth.protocol;

/** What an alert is about. The wire name is the lower-case constant name. */
public enum AlertKind {
    FALL,
    LONG_LIE,
    INACTIVITY,
    HELP,
    ENVIRONMENT,
    SENSOR_HEALTH,
    GATEWAY_HEALTH,
    /** Not an emergency: the resident asked, by voice, for a carer to phone them. */
    CALL_REQUEST,
    /** Not an emergency: a daily reminder (a dose, say) rang out without the resident saying done. */
    REMINDER_MISSED
}
