package org.hearth.sensors;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one context a bus's drivers share (the Pi4J context of the I2C sensors or of the radars'
 * serial ports), or the reason it could not start, which each device on that bus then reports as
 * its own. The BLE pendants' D-Bus connection is not one: {@code ble.Pendants} tries it again.
 *
 * @param <C> the library's context
 */
public final class BusContext<C> {

    private static final Logger LOG = LoggerFactory.getLogger(BusContext.class);

    private final String bus;
    private final C context;
    private final String problem;
    private final Consumer<C> shutdown;

    private BusContext(String bus, C context, String problem, Consumer<C> shutdown) {
        this.bus = bus;
        this.context = context;
        this.problem = problem;
        this.shutdown = shutdown;
    }

    /**
     * Starts the context; a library that cannot start (a missing native, no such provider) is a
     * problem to report, not a crash.
     *
     * @param bus        what the devices are on, as words start with it, for example "I2C" or "serial"
     * @param providerId what opens it, for the log: a Pi4J provider's id, a D-Bus address
     * @param shutdown   how to close the context when the bus is done with
     */
    public static <C> BusContext<C> open(String bus, String providerId, Supplier<C> factory, Consumer<C> shutdown) {
        try {
            C context = factory.get();
            LOG.info("{} through {}", bus, providerId);
            return new BusContext<>(bus, context, null, shutdown);
        } catch (RuntimeException | LinkageError e) {
            String problem = bus + " could not start (" + Failures.innermostMessage(e) + ")";
            LOG.error("{} with {}", problem, providerId, e);
            return new BusContext<>(bus, null, problem, shutdown);
        }
    }

    /** The context, unless it could not start: then {@link #problem()} says why. */
    public Optional<C> context() {
        return Optional.ofNullable(context);
    }

    /** Why the context could not start; null when it did. */
    public String problem() {
        return problem;
    }

    /** Shuts the context down, if it started; a failure is logged, as nothing more can be done. */
    public void shutdown() {
        if (context != null) {
            try {
                shutdown.accept(context);
            } catch (RuntimeException e) {
                LOG.warn("{} did not shut down cleanly: {}", bus, e.getMessage());
            }
        }
    }
}
