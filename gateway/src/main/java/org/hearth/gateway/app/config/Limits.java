package org.hearth.gateway.app.config;

import java.time.Duration;

/**
 * The bounds of the installer's settings, in one place for the config loader (which refuses or
 * clamps what lies outside) and the provisioning wizard (which asks again).
 */
public final class Limits {

    public static final Duration PRE_ALARM_MIN = Duration.ofSeconds(10);
    public static final Duration PRE_ALARM_MAX = Duration.ofMinutes(5);
    public static final Duration ESCALATION_MIN = Duration.ofMinutes(1);
    public static final Duration ESCALATION_MAX = Duration.ofHours(1);
    public static final Duration BATHROOM_MIN = Duration.ofMinutes(15);
    public static final Duration BATHROOM_MAX = Duration.ofHours(3);
    public static final double TEMPERATURE_LOW_MIN = 5;
    public static final double TEMPERATURE_LOW_MAX = 22;
    public static final double TEMPERATURE_HIGH_MIN = 20;
    public static final double TEMPERATURE_HIGH_MAX = 35;
    /** A heated home needs room between too cold and too warm. */
    public static final double TEMPERATURE_GAP = 4;

    private Limits() {
    }
}
