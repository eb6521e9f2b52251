package org.hearth.gateway.domain;

import org.hearth.sensors.SensorEvent;

/** The home's sensor events, kept for a bounded number of days. */
public interface EventStore {

    void append(SensorEvent event);
}
