package org.hearth.sensors.i2c;

import com.pi4j.context.Context;
import org.hearth.sensors.BusContext;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.ClimateChip;
import org.hearth.sensors.ClimateListener;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.health.HealthEvent;
import org.hearth.sensors.health.HealthReporter;
import org.hearth.sensors.health.SupervisedSensor;
import org.hearth.time.Scheduler;

/**
 * The home's I2C sensors: one Pi4J context, one driver per configured device, all running on one
 * scheduler. Give it its own {@code RealTimeScheduler} thread on the Pi, so a slow bus never delays
 * the gateway's event loop; the listeners are called on that thread and should post to the loop.
 *
 * <p>Nothing here throws for a device that is absent, answers as the wrong chip, or fails later:
 * each becomes an OFFLINE status on the {@link HealthReporter} with a plain reason, and its driver
 * tries again every {@code retryEvery}. Configuration mistakes (two sensors with one name or one
 * address) are refused with an {@link IllegalArgumentException}.
 */
public final class I2cSensors implements AutoCloseable {

    public static final Duration DEFAULT_RETRY_EVERY = HealthReporter.RETRY_EVERY;

    private final I2cBackend backend;
    private final Scheduler scheduler;
    private final HealthReporter health;
    private final Duration retryEvery;
    private final BusContext<Context> pi4j;
    private final Map<String, I2cDriver> drivers = new HashMap<>();
    private final Map<String, String> addressOwners = new HashMap<>();
    private final List<I2cDriver> started = new ArrayList<>();
    private boolean closed;

    private I2cSensors(I2cBackend backend, Scheduler scheduler, HealthReporter health, Duration retryEvery) {
        this.backend = backend;
        this.scheduler = scheduler;
        this.health = health;
        this.retryEvery = retryEvery;
        this.pi4j = BusContext.open("I2C", "Pi4J provider " + backend.providerId(), backend::newContext, Context::shutdown);
    }

    /** Ready to take sensors; devices that are absent are retried once a minute. */
    public static I2cSensors open(I2cBackend backend, Scheduler scheduler, HealthReporter health) {
        return open(backend, scheduler, health, DEFAULT_RETRY_EVERY);
    }

    public static I2cSensors open(I2cBackend backend, Scheduler scheduler, HealthReporter health, Duration retryEvery) {
        return new I2cSensors(backend, scheduler, health, retryEvery);
    }

    /** Starts an ADXL345; its sample batches go to {@code listener.onAccel}. */
    public synchronized void addAccelerometer(AccelerometerSpec spec, SensorListener listener) {
        claim(spec.id(), spec.bus(), spec.address());
        health.watch(SupervisedSensor.accelerometer(spec));
        start(spec.id(), new Adxl345Driver(spec, scheduler, health, opener(spec.id(), spec.bus(), spec.address()), retryEvery, listener));
    }

    /** Starts a BME280 or SHT31, read every {@link ClimateSensorSpec#readEvery()}. */
    public synchronized void addClimate(ClimateSensorSpec spec, ClimateListener listener) {
        claim(spec.id(), spec.bus(), spec.address());
        health.watch(SupervisedSensor.climate(spec));
        I2cDriver.ChannelOpener opener = opener(spec.id(), spec.bus(), spec.address());
        I2cDriver driver = spec.chip() == ClimateChip.BME280
                ? new Bme280Driver(spec, scheduler, health, opener, retryEvery, listener)
                : new Sht31Driver(spec, scheduler, health, opener, retryEvery, listener);
        start(spec.id(), driver);
    }

    public String providerId() {
        return backend.providerId();
    }

    /** Stops every driver, puts the accelerometers in standby and releases the bus. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        started.forEach(I2cDriver::close);
        pi4j.shutdown();
    }

    private void claim(String id, int bus, int address) {
        if (drivers.containsKey(id)) {
            throw new IllegalArgumentException("two I2C sensors are named " + id);
        }
        String key = bus + "/" + address;
        String owner = addressOwners.putIfAbsent(key, id);
        if (owner != null) {
            throw new IllegalArgumentException(String.format("%s and %s are both at address 0x%02X on I2C bus %d", owner, id, address, bus));
        }
    }

    private void start(String id, I2cDriver driver) {
        drivers.put(id, driver);
        started.add(driver);
        driver.start();
    }

    private I2cDriver.ChannelOpener opener(String id, int bus, int address) {
        return () -> {
            Context context = pi4j.context().orElseThrow(() -> new DeviceUnavailableException(pi4j.problem(), HealthEvent.I2C));
            try {
                I2CProvider provider = context.provider(backend.providerId());
                I2C i2c = provider.create(I2C.newConfigBuilder(context)
                        .id(id)
                        .name(id)
                        .bus(bus)
                        .device(address)
                        .provider(backend.providerId())
                        .build());
                return new I2cChannel(i2c, bus, address);
            } catch (RuntimeException e) {
                throw new DeviceUnavailableException("I2C bus " + bus + " is not available (" + I2cChannel.causeOf(e)
                        + "); is I2C turned on in raspi-config?", HealthEvent.I2C + "-bus-" + bus);
            }
        };
    }
}
