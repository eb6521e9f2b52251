package org.hearth.sensors.serial;

import com.pi4j.context.Context;
import org.hearth.sensors.BusContext;
import com.pi4j.io.serial.Serial;
import com.pi4j.io.serial.SerialProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.health.HealthReporter;
import org.hearth.sensors.health.SupervisedSensor;
import org.hearth.time.Scheduler;

/**
 * The home's presence radars: one Pi4J context with one serial provider, one driver per radar,
 * all on one scheduler. Give it its own {@code RealTimeScheduler} thread on the Pi; listeners are
 * called on that thread and should post to the event loop. A port that is missing or fails is an
 * OFFLINE status, retried, never an exception; two radars with one name or one port are refused.
 */
public final class Radars implements AutoCloseable {


    private final SerialBackend backend;
    private final Scheduler scheduler;
    private final HealthReporter health;
    private final Duration retryEvery;
    private final BusContext<Context> pi4j;
    private final Map<String, String> deviceOwners = new HashMap<>();
    private final List<RadarDriver> drivers = new ArrayList<>();
    private boolean closed;

    private Radars(SerialBackend backend, Scheduler scheduler, HealthReporter health, Duration retryEvery) {
        this.backend = backend;
        this.scheduler = scheduler;
        this.health = health;
        this.retryEvery = retryEvery;
        this.pi4j = BusContext.open("serial", "Pi4J provider " + backend.providerId(), backend::newContext, Context::shutdown);
    }

    public static Radars open(SerialBackend backend, Scheduler scheduler, HealthReporter health) {
        return open(backend, scheduler, health, HealthReporter.RETRY_EVERY);
    }

    public static Radars open(SerialBackend backend, Scheduler scheduler, HealthReporter health, Duration retryEvery) {
        return new Radars(backend, scheduler, health, retryEvery);
    }

    /** Starts reading a radar; its presence changes go to {@code listener.onPresence}. */
    public synchronized void add(RadarSpec spec, SensorListener listener) {
        if (deviceOwners.containsValue(spec.id())) {
            throw new IllegalArgumentException("two radars are named " + spec.id());
        }
        String owner = deviceOwners.putIfAbsent(spec.device(), spec.id());
        if (owner != null) {
            throw new IllegalArgumentException(owner + " and " + spec.id() + " are both on " + spec.device());
        }
        health.watch(SupervisedSensor.radar(spec));
        RadarDriver driver = new RadarDriver(spec, scheduler, health, () -> openPort(spec), retryEvery, listener);
        drivers.add(driver);
        driver.start();
    }

    public String providerId() {
        return backend.providerId();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        drivers.forEach(RadarDriver::close);
        pi4j.shutdown();
    }

    private SerialChannel openPort(RadarSpec spec) throws IOException {
        Context context = pi4j.context().orElseThrow(() -> new IOException(pi4j.problem()));
        try {
            SerialProvider provider = context.provider(backend.providerId());
            Serial serial = provider.create(Serial.newConfigBuilder(context)
                    .id(spec.id())
                    .name(spec.id())
                    .device(spec.device())
                    .baud(spec.baud())
                    .dataBits_8()
                    .parityNone()
                    .stopBits_1()
                    .flowNone()
                    .provider(backend.providerId())
                    .build());
            return new SerialChannel(serial, () -> context.registry().remove(spec.id()));
        } catch (RuntimeException e) {
            throw new IOException(SerialChannel.causeOf(e), e);
        }
    }
}
