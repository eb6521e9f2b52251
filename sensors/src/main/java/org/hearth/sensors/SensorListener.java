package org.hearth.sensors;

import java.util.List;
import java.util.concurrent.Executor;

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

    /**
     * Hands every call to {@code loop}, in order: how a driver that reads on a thread of its own
     * (I2C, serial, BLE) reports to the gateway's event loop, where {@code onLoop} runs.
     */
    static SensorListener postingTo(Executor loop, SensorListener onLoop) {
        return new SensorListener() {
            @Override
            public void onEvent(SensorEvent event) {
                loop.execute(() -> onLoop.onEvent(event));
            }

            @Override
            public void onAccel(String sensorId, List<AccelSample> batch) {
                loop.execute(() -> onLoop.onAccel(sensorId, batch));
            }

            @Override
            public void onPresence(PresenceEvent event) {
                loop.execute(() -> onLoop.onPresence(event));
            }
        };
    }
}
