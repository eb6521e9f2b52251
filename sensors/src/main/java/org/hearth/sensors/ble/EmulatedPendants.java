package org.hearth.sensors.ble;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.health.HealthReporter;
import org.hearth.sensors.health.SupervisedSensor;
import org.hearth.time.Scheduler;

/**
 * The simulated home's pendants: each an {@link EmulatedPendant} on the scheduler, supervised like
 * a real one. Emulating never blocks, so the scheduler may be the event loop itself, whose
 * (possibly accelerated) time the supervision keeps.
 */
public final class EmulatedPendants implements PendantSet {

    private final Scheduler scheduler;
    private final HealthReporter health;
    /** Read from other threads (the demo) while the daemon starts, hence synchronized. */
    private final Map<String, EmulatedPendant> pendants = new LinkedHashMap<>();
    private final PendantIds ids = new PendantIds();
    private boolean closed;

    public EmulatedPendants(Scheduler scheduler, HealthReporter health) {
        this.scheduler = scheduler;
        this.health = health;
    }

    @Override
    public synchronized void add(PendantSpec spec, SensorListener listener) {
        if (closed) {
            throw new IllegalStateException("the emulated pendants are closed");
        }
        ids.claim(spec);
        health.watch(SupervisedSensor.pendant(spec));
        EmulatedPendant pendant = new EmulatedPendant(spec, PendantProfile.named(spec.profile()), scheduler, health, listener);
        pendants.put(spec.id(), pendant);
        pendant.start();
    }

    /** The pendant named {@code id}, to make it fall or press its button; empty if none was added. */
    public synchronized Optional<EmulatedPendant> pendant(String id) {
        return Optional.ofNullable(pendants.get(id));
    }

    @Override
    public synchronized void close() {
        closed = true;
        pendants.values().forEach(EmulatedPendant::stop);
    }
}
