package org.hearth.sensors.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputProvider;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.SensorSpec;
import org.hearth.sensors.health.DurationWords;
import org.hearth.sensors.health.HealthEvent;
import org.hearth.sensors.health.HealthReporter;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The home's digital sensors on GPIO. Each pin's edges go to the scheduler's thread, through a
 * {@link Debouncer}, and out as {@link SensorEvent}s stamped by the scheduler's clock.
 * Pi4J's own debounce is switched off so the same debounce runs on real pins and in simulation.
 *
 * <p>A provider that will not start (gpiod on a machine without a GPIO chip) or a pin that cannot
 * be claimed is not fatal: as with I2C, each sensor not open is OFFLINE on the {@link HealthReporter},
 * all with the one cause {@link HealthEvent#GPIO} (one alert for the group, not one per pin), and
 * is tried again every {@link HealthReporter#RETRY_EVERY} on the scheduler. Pins that did open work
 * meanwhile. When no pin at all is open the provider is started afresh at each try, since a
 * provider that found no chip at start never looks again.
 */
public final class DigitalSensors implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DigitalSensors.class);

    private final Supplier<Context> contexts;
    private final String providerId;
    private final List<SensorSpec> specs;
    private final Scheduler scheduler;
    private final SensorListener listener;
    private final HealthReporter health;
    private final Duration retryEvery;
    private final Map<String, DigitalInput> inputs = new LinkedHashMap<>();
    /** Sensors reported OFFLINE, by id, with the reason last given. */
    private final Map<String, String> offline = new LinkedHashMap<>();
    private Context context;
    private Scheduler.Cancellable retry;
    private boolean closed;

    private DigitalSensors(Supplier<Context> contexts, String providerId, List<SensorSpec> specs, Scheduler scheduler,
                           SensorListener listener, HealthReporter health, Duration retryEvery) {
        this.contexts = contexts;
        this.providerId = providerId;
        this.specs = List.copyOf(specs);
        this.scheduler = scheduler;
        this.listener = listener;
        this.health = health;
        this.retryEvery = retryEvery;
    }

    /**
     * Opens every sensor's pin and starts reporting to {@code listener} on {@code scheduler}.
     * Pins that cannot be opened are reported to {@code health} and tried again every minute.
     *
     * @throws GpioException if a pin is used twice: a mistake in the configuration, so nothing is opened
     */
    public static DigitalSensors open(GpioBackend backend, List<SensorSpec> specs, Scheduler scheduler,
                                      SensorListener listener, HealthReporter health) throws GpioException {
        return open(backend::newContext, backend.providerId(), specs, scheduler, listener, health, HealthReporter.RETRY_EVERY);
    }

    /** As above with any way of making the Pi4J context: tests give a provider that fails. */
    static DigitalSensors open(Supplier<Context> contexts, String providerId, List<SensorSpec> specs, Scheduler scheduler,
                               SensorListener listener, HealthReporter health, Duration retryEvery) throws GpioException {
        checkPinsUnique(specs);
        DigitalSensors sensors = new DigitalSensors(contexts, providerId, specs, scheduler, listener, health, retryEvery);
        sensors.openMissing();
        return sensors;
    }

    /** Opens every pin not yet open; the rest are OFFLINE and tried again after {@code retryEvery}. */
    private synchronized void openMissing() {
        retry = null;
        if (closed) {
            return;
        }
        if (inputs.isEmpty()) {
            shutDownContext();
        }
        if (context == null) {
            try {
                context = contexts.get();
            } catch (RuntimeException | LinkageError e) {
                String reason = "GPIO could not start with " + providerId + " (" + causeOf(e) + ")";
                specs.forEach(spec -> offline(spec, reason));
                scheduleRetry();
                return;
            }
        }
        for (SensorSpec spec : specs) {
            if (!inputs.containsKey(spec.id())) {
                try {
                    attach(spec);
                    if (offline.remove(spec.id()) != null) {
                        LOG.info("Sensor {} on BCM {} is open again", spec.id(), spec.pin());
                        health.reportReady(spec.id());
                    }
                } catch (RuntimeException e) {
                    offline(spec, "BCM " + spec.pin() + " could not be opened with " + providerId + " (" + causeOf(e) + ")");
                }
            }
        }
        if (!offline.isEmpty()) {
            scheduleRetry();
        }
    }

    private void offline(SensorSpec spec, String reason) {
        String words = reason + "; trying again every " + DurationWords.of(retryEvery);
        if (!words.equals(offline.put(spec.id(), words))) {
            LOG.warn("Sensor {} is offline: {}", spec.id(), words);
        }
        health.reportOffline(spec.id(), HealthEvent.GPIO, words);
    }

    private void scheduleRetry() {
        retry = scheduler.schedule(retryEvery, this::openMissing);
    }

    private void shutDownContext() {
        if (context != null) {
            try {
                context.shutdown();
            } catch (RuntimeException e) {
                LOG.warn("GPIO did not shut down cleanly: {}", e.getMessage());
            }
            context = null;
        }
    }

    private static String causeOf(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void checkPinsUnique(List<SensorSpec> specs) throws GpioException {
        Map<Integer, String> byPin = new LinkedHashMap<>();
        List<String> clashes = new ArrayList<>();
        for (SensorSpec s : specs) {
            String other = byPin.putIfAbsent(s.pin(), s.id());
            if (other != null) {
                clashes.add("pin " + s.pin() + " is used by both " + other + " and " + s.id());
            }
        }
        if (!clashes.isEmpty()) {
            throw new GpioException(String.join("; ", clashes));
        }
    }

    private void attach(SensorSpec spec) {
        if (context.registry().exists(spec.id())) {
            context.registry().remove(spec.id()); // left behind by a failed attempt
        }
        var config = DigitalInput.newConfigBuilder(context)
                .id(spec.id())
                .name(spec.kind().configName() + " in " + spec.room())
                .address(spec.pin())
                .pull(switch (spec.pull()) {
                    case UP -> PullResistance.PULL_UP;
                    case DOWN -> PullResistance.PULL_DOWN;
                    case OFF -> PullResistance.OFF;
                })
                .debounce(0L)
                .provider(providerId)
                .build();
        DigitalInputProvider provider = context.provider(providerId);
        DigitalInput input = provider.create(config);
        if (input instanceof MockDigitalInput mock) {
            // A simulated line starts idle, as a real sensor at rest does.
            mock.mockState(spec.activeLow() ? DigitalState.HIGH : DigitalState.LOW);
        }
        boolean initial = isActive(spec, input.state());
        Debouncer debouncer = new Debouncer(scheduler, spec.debounce(), initial, active ->
                listener.onEvent(new SensorEvent(spec.id(), spec.room(), spec.kind(), active, scheduler.now())));
        input.addListener(change -> {
            boolean active = isActive(spec, change.state());
            scheduler.execute(() -> debouncer.onLevel(active));
        });
        inputs.put(spec.id(), input);
        LOG.info("Sensor {} ({} in {}) on BCM {}", spec.id(), spec.kind().configName(), spec.room(), spec.pin());
    }

    private static boolean isActive(SensorSpec spec, DigitalState state) {
        boolean high = state == DigitalState.HIGH;
        return spec.activeLow() != high;
    }

    /** Pi4J's input for {@code sensorId}, for the simulation in this package. */
    synchronized DigitalInput input(String sensorId) {
        DigitalInput in = inputs.get(sensorId);
        if (in == null) {
            throw new IllegalArgumentException("no sensor named " + sensorId);
        }
        return in;
    }

    /** Releases every pin and stops retrying; the safe state for shutdown is "all inputs released". */
    @Override
    public synchronized void close() {
        closed = true;
        if (retry != null) {
            retry.cancel();
        }
        shutDownContext();
    }
}
