package org.hearth.sensors.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputProvider;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.SensorSpec;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The home's digital sensors on GPIO. Each pin's edges go to the scheduler's thread, through a
 * {@link Debouncer}, and out as {@link SensorEvent}s stamped by the scheduler's clock.
 * Pi4J's own debounce is switched off so the same debounce runs on real pins and in simulation.
 */
public final class DigitalSensors implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DigitalSensors.class);

    private final Context context;
    private final GpioBackend backend;
    private final Map<String, DigitalInput> inputs = new LinkedHashMap<>();

    private DigitalSensors(Context context, GpioBackend backend) {
        this.context = context;
        this.backend = backend;
    }

    /**
     * Opens every sensor's pin and starts reporting to {@code listener} on {@code scheduler}.
     *
     * @throws GpioException if a pin is used twice or the provider cannot open a pin; nothing stays open then
     */
    public static DigitalSensors open(GpioBackend backend, List<SensorSpec> specs, Scheduler scheduler,
                                      SensorListener listener) throws GpioException {
        checkPinsUnique(specs);
        Context context;
        try {
            context = backend.newContext();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new GpioException("cannot start GPIO provider " + backend.providerId() + ": " + e.getMessage());
        }
        DigitalSensors sensors = new DigitalSensors(context, backend);
        try {
            for (SensorSpec spec : specs) {
                sensors.attach(spec, scheduler, listener);
            }
        } catch (RuntimeException e) {
            sensors.close();
            throw new GpioException("cannot open GPIO pins with " + backend.providerId() + ": " + e.getMessage());
        }
        return sensors;
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

    private void attach(SensorSpec spec, Scheduler scheduler, SensorListener listener) {
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
                .provider(backend.providerId())
                .build();
        DigitalInputProvider provider = context.provider(backend.providerId());
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
    DigitalInput input(String sensorId) {
        DigitalInput in = inputs.get(sensorId);
        if (in == null) {
            throw new IllegalArgumentException("no sensor named " + sensorId);
        }
        return in;
    }

    public GpioBackend backend() {
        return backend;
    }

    /** Releases every pin; the safe state for shutdown is "all inputs released". */
    @Override
    public void close() {
        try {
            context.shutdown();
        } catch (RuntimeException e) {
            LOG.warn("GPIO did not shut down cleanly: {}", e.getMessage());
        }
    }
}
