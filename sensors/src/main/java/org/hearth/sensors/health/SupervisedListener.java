package org.hearth.sensors.health;

import java.util.List;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorListener;

/** Passes sensor events on, counting each as its sensor being alive. */
final class SupervisedListener implements SensorListener {

    private final HealthReporter health;
    private final SensorListener downstream;

    SupervisedListener(HealthReporter health, SensorListener downstream) {
        this.health = health;
        this.downstream = downstream;
    }

    @Override
    public void onEvent(SensorEvent event) {
        health.reportOk(event.sensorId());
        downstream.onEvent(event);
    }

    @Override
    public void onAccel(String sensorId, List<AccelSample> batch) {
        downstream.onAccel(sensorId, batch);
    }

    @Override
    public void onPresence(org.hearth.sensors.PresenceEvent event) {
        downstream.onPresence(event);
    }
}
