package org.hearth.sensors.health;

/**
 * Receives sensor status changes. Called on whichever thread reported the change (a GPIO event
 * on the event loop, an I2C failure on the I2C thread, a silence on the supervisor's timer); the
 * gateway posts each event to its event loop, as it does with sensor events.
 */
@FunctionalInterface
public interface HealthListener {

    void onHealthChange(HealthEvent event);
}
