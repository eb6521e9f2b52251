package org.hearth.sensors.serial;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.hearth.sensors.Presence;
import org.hearth.sensors.PresenceEvent;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.health.HealthReporter;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one MR24HPC1 on the scheduler: drains the port every {@link #POLL_EVERY}, asks for a
 * heartbeat every {@link RadarSpec#HEARTBEAT_EVERY}, and tells the listener each change of
 * {@link Presence}. Every good frame is the module reporting ({@code reportOk}); a damaged frame is
 * a failure, so a line that only carries rubbish goes OFFLINE after three; a module that sends
 * nothing goes SUSPECT through the supervisor's silence check. A port that will not open is
 * OFFLINE and tried again every {@code retryEvery}, as I2C devices are.
 */
final class RadarDriver implements Mr24hpc1Decoder.Sink {

    private static final Logger LOG = LoggerFactory.getLogger(RadarDriver.class);
    /** At 115200 baud the module's 10-byte frames arrive in about a millisecond; 100 ms keeps the port's buffer small. */
    static final Duration POLL_EVERY = Duration.ofMillis(100);
    static final int FAILURES_BEFORE_REOPEN = 3;

    /** Opens the port; throws with a whole reason when it cannot. */
    @FunctionalInterface
    interface Opener {
        SerialChannel open() throws IOException;
    }

    private final RadarSpec spec;
    private final Scheduler scheduler;
    private final HealthReporter health;
    private final Opener opener;
    private final Duration retryEvery;
    private final SensorListener listener;
    private final byte[] readBuffer = new byte[256];
    private SerialChannel channel;
    private Mr24hpc1Decoder decoder;
    private boolean wasOffline;
    private int readFailures;
    private Instant nextHeartbeat;
    private Presence presence;
    private Scheduler.Cancellable pending;
    private boolean closed;

    RadarDriver(RadarSpec spec, Scheduler scheduler, HealthReporter health, Opener opener, Duration retryEvery,
                SensorListener listener) {
        this.spec = spec;
        this.scheduler = scheduler;
        this.health = health;
        this.opener = opener;
        this.retryEvery = retryEvery;
        this.listener = listener;
    }

    synchronized void start() {
        schedule(Duration.ZERO, this::open);
    }

    synchronized void close() {
        closed = true;
        if (pending != null) {
            pending.cancel();
        }
        if (channel != null) {
            channel.close();
        }
    }

    @Override
    public void frame(Mr24hpc1Frame frame) {
        readFailures = 0;
        health.reportOk(spec.id());
        if (frame.control() != Mr24hpc1Frame.HUMAN) {
            return; // heartbeats and product information: alive, nothing more
        }
        int v = frame.value();
        Presence seen = switch (frame.function()) {
            // "Someone" says nothing of motion, and the motion report that goes with it does: only "nobody" is used.
            case Mr24hpc1Frame.PRESENCE -> v == 0 ? Presence.NOBODY : presence;
            case Mr24hpc1Frame.MOTION -> v == 0 ? Presence.NOBODY : v == 1 ? Presence.STILL : Presence.MOVING;
            default -> presence; // body movement figures, approaching and leaving: not used
        };
        if (seen != null && seen != presence) {
            presence = seen;
            listener.onPresence(new PresenceEvent(spec.id(), spec.room(), seen, scheduler.now()));
        }
    }

    @Override
    public void problem(FrameProblem problem) {
        LOG.debug("Radar {}: {}", spec.id(), problem.words());
        if (problem != FrameProblem.NOISE) {
            health.reportFailure(spec.id(), "radar frame", problem.words());
        }
    }

    private synchronized void schedule(Duration delay, Runnable step) {
        if (!closed) {
            pending = scheduler.schedule(delay, step);
        }
    }

    private void open() {
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                channel = opener.open();
            } catch (IOException e) {
                offline(e.getMessage());
                return;
            } catch (RuntimeException e) {
                // A bug or an unexpected library failure must not end the retries: a dead sensor is a safety matter.
                LOG.error("Radar {} failed unexpectedly while opening {}", spec.id(), spec.device(), e);
                offline("the radar driver failed: " + SerialChannel.causeOf(e));
                return;
            }
            decoder = new Mr24hpc1Decoder(this);
            presence = null;
            readFailures = 0;
            if (wasOffline) {
                wasOffline = false;
                health.reportReady(spec.id());
                LOG.info("Radar {} on {} is back", spec.id(), spec.device());
            } else {
                LOG.info("Radar {} ready on {} at {} baud", spec.id(), spec.device(), spec.baud());
            }
            // Ask what it sees now: the module reports changes, and none may come for hours.
            nextHeartbeat = scheduler.now();
            send(Mr24hpc1Frame.query(Mr24hpc1Frame.HUMAN, Mr24hpc1Frame.QUERY | Mr24hpc1Frame.MOTION));
        }
        schedule(Duration.ZERO, this::poll);
    }

    private void poll() {
        synchronized (this) {
            if (closed || channel == null) {
                return;
            }
            try {
                int n = channel.read(readBuffer);
                if (n > 0) {
                    decoder.accept(readBuffer, n);
                } else if (decoder.pending() > 0) {
                    decoder.abandonPartial();
                }
                if (!scheduler.now().isBefore(nextHeartbeat)) {
                    nextHeartbeat = scheduler.now().plus(RadarSpec.HEARTBEAT_EVERY);
                    send(Mr24hpc1Frame.query(Mr24hpc1Frame.SYSTEM, Mr24hpc1Frame.HEARTBEAT));
                }
            } catch (IOException e) {
                readFailed(e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("Radar {} failed unexpectedly", spec.id(), e);
                readFailed(SerialChannel.causeOf(e));
            }
            if (channel == null) {
                return;
            }
        }
        schedule(POLL_EVERY, this::poll);
    }

    private void send(Mr24hpc1Frame query) {
        try {
            channel.write(query.bytes());
        } catch (IOException e) {
            readFailed(e.getMessage());
        }
    }

    private void readFailed(String cause) {
        if (channel == null) {
            return;
        }
        readFailures++;
        health.reportFailure(spec.id(), "serial read", cause);
        if (readFailures >= FAILURES_BEFORE_REOPEN) {
            LOG.warn("Radar {} on {} failed {} times in a row ({}); opening it again in {} s", spec.id(), spec.device(),
                    readFailures, cause, retryEvery.toSeconds());
            channel.close();
            channel = null;
            wasOffline = true;
            schedule(retryEvery, this::open);
        }
    }

    private void offline(String reason) {
        String why = spec.device() + " could not be opened (" + reason + "); trying again every " + retryEvery.toSeconds() + " s";
        if (!wasOffline) {
            LOG.warn("Radar {} is offline: {}", spec.id(), why);
        }
        wasOffline = true;
        health.reportOffline(spec.id(), why);
        schedule(retryEvery, this::open);
    }
}
