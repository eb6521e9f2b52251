package org.hearth.sensors;

import java.util.List;

/**
 * Where the sensors module reports what it senses. The gateway implements it by posting each
 * call to its event loop; calls arrive on the scheduler the sensors were given.
 */
public interface SensorListener {

    void onEvent(SensorEvent event);

    /** A batch of accelerometer samples from a worn sensor, oldest first. */
    default void onAccel(String sensorId, List<AccelSample> batch) {
    }

    /** A presence radar's reading changed. */
    default void onPresence(PresenceEvent event) {
    }
}
