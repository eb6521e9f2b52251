package org.hearth.gateway.domain;

import java.util.List;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.PresenceEvent;
import org.hearth.sensors.SensorEvent;

/**
 * Watches the home and raises alerts through an {@link AlertSink} given at construction.
 * Called on the event loop only. A detector needing timers takes the loop's scheduler.
 */
public interface Detector {

    void onEvent(SensorEvent event);

    default void onAccel(String sensorId, List<AccelSample> batch) {
    }

    /** A presence radar's reading changed. */
    default void onPresence(PresenceEvent event) {
    }
}
