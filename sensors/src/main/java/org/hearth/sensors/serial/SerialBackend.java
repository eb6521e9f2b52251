package org.hearth.sensors.serial;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.serial.SerialProvider;
import java.util.Map;
import java.util.function.Supplier;
import org.hearth.sensors.sim.SerialPeer;

/**
 * Which Pi4J serial provider carries the radars. As for GPIO and I2C, the provider is named by id
 * on a context with auto-detection off, so Pi4J's mock plugin can never stand in for a real port.
 */
public final class SerialBackend {

    private final String providerId;
    private final Supplier<SerialProvider> provider;

    private SerialBackend(String providerId, Supplier<SerialProvider> provider) {
        this.providerId = providerId;
        this.provider = provider;
    }

    /** Emulated modules, by device path: the demo's simulated home and tests. */
    public static SerialBackend emulated(Map<String, SerialPeer> devices) {
        return new SerialBackend(EmulatedSerialProvider.ID, () -> new EmulatedSerialProvider(devices));
    }

    /** The Pi's serial devices through Hearth's tty provider: production. */
    public static SerialBackend tty() {
        return new SerialBackend(TtySerialProvider.ID, TtySerialProvider::new);
    }

    public String providerId() {
        return providerId;
    }

    Context newContext() {
        return Pi4J.newContextBuilder().noAutoDetect().disableShutdownHook().add(provider.get()).build();
    }
}
