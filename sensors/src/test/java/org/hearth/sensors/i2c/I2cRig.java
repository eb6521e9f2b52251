package org.hearth.sensors.i2c;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.ClimateReading;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.health.HealthEvent;
import org.hearth.sensors.health.HealthSupervisor;
import org.hearth.sensors.health.SensorHealth;
import org.hearth.sensors.sim.SimulatedI2cBus;
import org.hearth.time.VirtualScheduler;

/** A home's I2C bus with emulated chips, real Pi4J in front, supervision, and virtual time. */
final class I2cRig implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

    final VirtualScheduler time = new VirtualScheduler(T0, ZoneOffset.UTC);
    final SimulatedI2cBus bus = new SimulatedI2cBus(1);
    final List<HealthEvent> healthEvents = new ArrayList<>();
    final HealthSupervisor supervisor = new HealthSupervisor(time, healthEvents::add, Duration.ofSeconds(10), 3);
    final List<List<AccelSample>> batches = new ArrayList<>();
    final List<ClimateReading> readings = new ArrayList<>();
    final I2cSensors sensors;

    final SensorListener accelListener = new SensorListener() {
        @Override
        public void onEvent(SensorEvent event) {
            throw new AssertionError("no digital events expected");
        }

        @Override
        public void onAccel(String sensorId, List<AccelSample> batch) {
            batches.add(batch);
        }
    };

    I2cRig() {
        sensors = I2cSensors.open(I2cBackend.emulated(bus), time, supervisor);
        supervisor.start();
    }

    /** A rig whose sensors use {@code backend} instead of this rig's emulated bus. */
    I2cRig(I2cBackend backend) {
        sensors = I2cSensors.open(backend, time, supervisor);
        supervisor.start();
    }

    SensorHealth health(String id) {
        return supervisor.health(id).orElseThrow();
    }

    List<AccelSample> allSamples() {
        return batches.stream().flatMap(List::stream).toList();
    }

    @Override
    public void close() {
        sensors.close();
        supervisor.close();
    }
}
