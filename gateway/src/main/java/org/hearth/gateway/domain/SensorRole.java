package org.hearth.gateway.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.hearth.sensors.SensorKind;

/**
 * What an event of each sensor kind means to the gateway: the one table by which sensor events
 * are routed. {@link DirectAlarms} acts on {@link #ALARM}s, {@code ActivityWatch} learns from
 * {@link #SIGN_OF_LIFE}s, and the daemon's sensor routing wakes the resident's voice for
 * {@link #TALK}. A kind may have several roles: a pulled cord is a call for help and proof that
 * someone is up.
 */
public enum SensorRole {
    /** Means something at once: a call for help, a fall output, the cancel button. */
    ALARM,
    /** Someone is moving about here. */
    SIGN_OF_LIFE,
    /** The resident wants to speak to the assistant. */
    TALK;

    private static final Map<SensorKind, Set<SensorRole>> ROLES = new EnumMap<>(Map.of(
            SensorKind.PIR, EnumSet.of(SIGN_OF_LIFE),
            SensorKind.CONTACT, EnumSet.of(SIGN_OF_LIFE),
            SensorKind.PRESSURE_MAT, EnumSet.of(SIGN_OF_LIFE),
            SensorKind.PULL_CORD, EnumSet.of(ALARM, SIGN_OF_LIFE),
            SensorKind.HELP_BUTTON, EnumSet.of(ALARM),
            SensorKind.CANCEL_BUTTON, EnumSet.of(ALARM, SIGN_OF_LIFE),
            SensorKind.FALL_OUTPUT, EnumSet.of(ALARM),
            SensorKind.TALK_BUTTON, EnumSet.of(SIGN_OF_LIFE, TALK)));

    /** Whether an event of {@code kind} has this role. */
    public boolean of(SensorKind kind) {
        return ROLES.getOrDefault(kind, Set.of()).contains(this);
    }
}
