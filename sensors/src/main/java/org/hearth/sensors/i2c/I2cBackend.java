package org.hearth.sensors.i2c;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2CProvider;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProvider;
import java.util.function.Supplier;
import org.hearth.sensors.sim.SimulatedI2cBus;

/**
 * Which Pi4J provider carries I2C. As for GPIO, the provider is named by id on a context with
 * auto-detection off, so Pi4J's mock plugin (priority 1000, on the classpath for the demo) can
 * never stand in for the real bus by accident.
 */
public final class I2cBackend {

    private final String providerId;
    private final Supplier<I2CProvider> provider;

    private I2cBackend(String providerId, Supplier<I2CProvider> provider) {
        this.providerId = providerId;
        this.provider = provider;
    }

    /** The Pi's /dev/i2c-N through Pi4J's linuxfs provider: production. */
    public static I2cBackend linuxFs() {
        return new I2cBackend(LinuxFsI2CProvider.ID, LinuxFsI2CProvider::newInstance);
    }

    /** Emulated chips on {@code bus}: the demo's simulated home, tests and benchmarks. */
    public static I2cBackend emulated(SimulatedI2cBus bus) {
        return new I2cBackend(EmulatedI2cProvider.ID, () -> new EmulatedI2cProvider(bus));
    }

    public String providerId() {
        return providerId;
    }

    Context newContext() {
        return Pi4J.newContextBuilder().noAutoDetect().disableShutdownHook().add(provider.get()).build();
    }
}
