package org.hearth.sensors.i2c;

import java.time.Duration;
import org.hearth.sensors.health.HealthEvent;
import org.hearth.sensors.health.HealthReporter;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every I2C driver does around its chip-specific steps: find and set up the device,
 * then run its measurement steps on the scheduler, one at a time, each naming the next and when.
 * Waiting for a conversion is a scheduled step, never a sleep, so drivers run in virtual time.
 *
 * <p>While setting up, silence from the device means it is absent: OFFLINE at once, retried every
 * {@code retryEvery}. Once running, each failed step is reported; after
 * {@link #FAILURES_BEFORE_RESETUP} in a row the device is set up afresh, since a chip that
 * browned out has lost its settings.
 */
abstract class I2cDriver {

    private static final Logger LOG = LoggerFactory.getLogger(I2cDriver.class);
    static final int FAILURES_BEFORE_RESETUP = 3;

    /** One step of a driver's work on the device. */
    @FunctionalInterface
    interface Step {
        Next run(I2cChannel channel) throws I2cIoException, DeviceUnavailableException;
    }

    /** The step to run next and how long to wait for it. */
    record Next(Duration delay, Step step) {
    }

    /** Opens the device's channel; throws with a whole reason when the bus is unusable. */
    @FunctionalInterface
    interface ChannelOpener {
        I2cChannel open() throws DeviceUnavailableException;
    }

    protected final String id;
    protected final Scheduler scheduler;
    protected final HealthReporter health;
    private final ChannelOpener opener;
    private final Duration retryEvery;
    private I2cChannel channel;
    private boolean running;
    /** Set up again after failing while running; cleared once running again. */
    private boolean recovering;
    private int failures;
    private String offlineReason;
    private Scheduler.Cancellable pending;
    private volatile boolean closed;

    I2cDriver(String id, Scheduler scheduler, HealthReporter health, ChannelOpener opener, Duration retryEvery) {
        this.id = id;
        this.scheduler = scheduler;
        this.health = health;
        this.opener = opener;
        this.retryEvery = retryEvery;
    }

    /** The chip's name, for messages: "ADXL345". */
    abstract String chip();

    /** The first set-up step: check the chip's identity and configure it. */
    abstract Next setUp(I2cChannel channel) throws I2cIoException, DeviceUnavailableException;

    /** Where to resume after a failed step while running. */
    abstract Next afterFailure();

    /** Best effort on shutdown: leave the chip in its low-power state. */
    void standby(I2cChannel channel) throws I2cIoException {
    }

    final void start() {
        schedule(Duration.ZERO, this::setUp);
    }

    /** Called by a set-up step when the device is configured and measuring. */
    final void nowRunning() {
        running = true;
        recovering = false;
        if (offlineReason != null) {
            LOG.info("{} {} at {} is back", chip(), id, channel.where());
        } else {
            LOG.info("{} {} ready at {}", chip(), id, channel.where());
        }
        offlineReason = null;
    }

    /** Called by a step that delivered data: the device is well. */
    final void delivered() {
        failures = 0;
        health.reportOk(id);
    }

    final synchronized void close() {
        closed = true;
        if (pending != null) {
            pending.cancel();
        }
        if (channel != null && running) {
            try {
                standby(channel);
            } catch (I2cIoException e) {
                LOG.debug("{} {} did not go to standby: {}", chip(), id, e.getMessage());
            }
        }
    }

    private synchronized void schedule(Duration delay, Step step) {
        if (!closed) {
            pending = scheduler.schedule(delay, () -> run(step));
        }
    }

    private void run(Step step) {
        Next next;
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                if (channel == null) {
                    channel = opener.open();
                }
                next = step.run(channel);
            } catch (DeviceUnavailableException e) {
                next = offline(e.getMessage(), e.sharedCause().orElse(HealthEvent.ownCause(id)));
            } catch (I2cIoException e) {
                if (running) {
                    next = failed(e.getMessage());
                } else if (recovering) {
                    // It worked before: keep counting failed reads rather than call it absent.
                    health.reportFailure(id, "I2C read", e.getMessage());
                    next = new Next(retryEvery, this::setUp);
                } else {
                    next = offline(unreachable(channel, e.getMessage()));
                }
            } catch (RuntimeException e) {
                // A bug or an unexpected library failure must not end the retries: a dead sensor is a safety matter.
                LOG.error("{} {} failed unexpectedly", chip(), id, e);
                next = running ? failed(I2cChannel.causeOf(e)) : offline(chip() + " driver failed: " + I2cChannel.causeOf(e));
            }
        }
        schedule(next.delay(), next.step());
    }

    /** Why set-up could not talk to the device, in words that point the installer the right way. */
    static String unreachable(I2cChannel channel, String cause) {
        String lower = cause.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("busy")) {
            return "a kernel driver is using " + channel.where() + " (" + cause + "); remove its dtoverlay from config.txt";
        }
        if (lower.contains("remote i/o") || lower.contains("no such device")) {
            return "no device answers at " + channel.where() + " (" + cause + ")";
        }
        return "cannot talk to the device at " + channel.where() + " (" + cause + ")";
    }

    private Next offline(String reason) {
        return offline(reason, HealthEvent.ownCause(id));
    }

    private Next offline(String reason, String cause) {
        running = false;
        recovering = false;
        if (!reason.equals(offlineReason)) {
            LOG.warn("{} {} is offline: {}; retrying every {} s", chip(), id, reason, retryEvery.toSeconds());
        }
        offlineReason = reason;
        health.reportOffline(id, cause, reason);
        return new Next(retryEvery, this::setUp);
    }

    private Next failed(String cause) {
        failures++;
        LOG.debug("{} {} read failed ({} in a row): {}", chip(), id, failures, cause);
        health.reportFailure(id, "I2C read", cause);
        if (failures >= FAILURES_BEFORE_RESETUP) {
            failures = 0;
            running = false;
            recovering = true;
            LOG.warn("{} {} failed {} times in a row ({}); setting it up again", chip(), id, FAILURES_BEFORE_RESETUP, cause);
            return new Next(Duration.ZERO, this::setUp);
        }
        return afterFailure();
    }
}
