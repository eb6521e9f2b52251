package org.hearth.sensors.gpio;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.util.List;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.SensorSpec;
import org.hearth.sensors.health.HealthReporter;
import org.hearth.time.Scheduler;

/**
 * A home whose sensors are Pi4J mock inputs: the demo, walk-test rehearsals and tests set a
 * sensor active or idle and the same Pi4J listener, debounce and events run as on a Pi.
 */
public final class SimulatedHome implements AutoCloseable {

    private final DigitalSensors sensors;
    private final List<SensorSpec> specs;

    private SimulatedHome(DigitalSensors sensors, List<SensorSpec> specs) {
        this.sensors = sensors;
        this.specs = List.copyOf(specs);
    }

    public static SimulatedHome open(List<SensorSpec> specs, Scheduler scheduler, SensorListener listener,
                                     HealthReporter health) throws GpioException {
        return new SimulatedHome(DigitalSensors.open(GpioBackend.MOCK, specs, scheduler, listener, health), specs);
    }

    /** Drives the sensor's line as the real sensor would while active (or idle), honouring active-low. */
    public void set(String sensorId, boolean active) {
        SensorSpec spec = specs.stream().filter(s -> s.id().equals(sensorId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sensor named " + sensorId));
        boolean high = active != spec.activeLow();
        ((MockDigitalInput) sensors.input(sensorId)).mockState(high ? DigitalState.HIGH : DigitalState.LOW);
    }

    /** A press and release, as of a button or a cord. */
    public void pulse(String sensorId) {
        set(sensorId, true);
        set(sensorId, false);
    }

    public List<SensorSpec> specs() {
        return specs;
    }

    @Override
    public void close() {
        sensors.close();
    }
}
