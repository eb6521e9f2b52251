package org.hearth.sensors.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which Pi4J provider reads the pins. Providers are always named by id on a context built with
 * auto-detection off: the mock plugin has priority 1000 and, once on the classpath (it ships for
 * the demo), would silently replace the real providers of an auto-detecting context.
 */
public enum GpioBackend {
    /** libgpiod character device: every Pi including the Pi 5. The production default. */
    GPIOD(GpioDDigitalInputProvider.ID),
    /** The legacy sysfs interface, the fallback where gpiod is not usable. */
    LINUXFS(LinuxFsDigitalInputProvider.ID),
    /** Pi4J's mock provider: the simulated home of the demo, walk-test rehearsal and tests. */
    MOCK(MockDigitalInputProvider.ID);

    private static final Logger LOG = LoggerFactory.getLogger(GpioBackend.class);

    private final String providerId;

    GpioBackend(String providerId) {
        this.providerId = providerId;
    }

    public String providerId() {
        return providerId;
    }

    Context newContext() {
        var builder = Pi4J.newContextBuilder().noAutoDetect().disableShutdownHook();
        switch (this) {
            case GPIOD -> builder.add(GpioDDigitalInputProvider.newInstance());
            case LINUXFS -> builder.add(LinuxFsDigitalInputProvider.newInstance());
            case MOCK -> builder.add(MockDigitalInputProvider.newInstance());
            default -> throw new IllegalStateException("unknown backend " + this);
        }
        Context context = builder.build();
        LOG.info("GPIO through Pi4J provider {}", providerId);
        return context;
    }
}
