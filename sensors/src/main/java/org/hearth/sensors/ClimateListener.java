package org.hearth.sensors;

/**
 * Where environment sensors report. Calls arrive on the scheduler the I2C sensors were given;
 * the gateway posts each one to its event loop.
 */
@FunctionalInterface
public interface ClimateListener {

    void onClimate(ClimateReading reading);
}
