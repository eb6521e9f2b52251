package org.hearth.sensors;

import com.pi4j.context.Context;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Pi4J context a bus's drivers share (the I2C sensors', the radars' serial ports), or the
 * reason it could not start, which each device on that bus then reports as its own.
 */
public final class BusContext {

    private static final Logger LOG = LoggerFactory.getLogger(BusContext.class);

    private final String bus;
    private final Context context;
    private final String problem;

    private BusContext(String bus, Context context, String problem) {
        this.bus = bus;
        this.context = context;
        this.problem = problem;
    }

    /**
     * Starts the context; a library that cannot start (a missing native, no such provider) is a
     * problem to report, not a crash.
     *
     * @param bus what the devices are on, as words start with it, for example "I2C" or "serial"
     */
    public static BusContext open(String bus, String providerId, Supplier<Context> factory) {
        try {
            Context context = factory.get();
            LOG.info("{} through Pi4J provider {}", bus, providerId);
            return new BusContext(bus, context, null);
        } catch (RuntimeException | LinkageError e) {
            String problem = bus + " could not start (" + Failures.innermostMessage(e) + ")";
            LOG.error("{} with provider {}", problem, providerId, e);
            return new BusContext(bus, null, problem);
        }
    }

    /** The context, unless it could not start: then {@link #problem()} says why. */
    public Optional<Context> context() {
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
                context.shutdown();
            } catch (RuntimeException e) {
                LOG.warn("{} did not shut down cleanly: {}", bus, e.getMessage());
            }
        }
    }
}
