package org.hearth.sensors.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.sensors.SensorListener;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every sensor's status. Reports come from drivers and from the event stream (see
 * {@link #observing}); silence is checked every {@code checkEvery} on the scheduler, so a sensor
 * turns SUSPECT at most that much after its {@link SupervisedSensor#maxSilence()} has passed.
 * Each change of status goes to the {@link HealthListener} once.
 *
 * <p>Thread-safe: reports may come from the event loop and the I2C thread at once. The listener
 * is called outside the lock.
 */
public final class HealthSupervisor implements HealthReporter, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthSupervisor.class);
    public static final Duration DEFAULT_CHECK_EVERY = Duration.ofMinutes(1);
    public static final int DEFAULT_FAILURES_TO_OFFLINE = 3;

    private final Scheduler scheduler;
    private final HealthListener listener;
    private final Duration checkEvery;
    private final int failuresToOffline;
    private final Map<String, Watched> sensors = new LinkedHashMap<>();
    private Scheduler.Cancellable nextCheck;
    private boolean closed;

    /** Checks silence once a minute and calls a sensor OFFLINE after 3 failures in a row. */
    public HealthSupervisor(Scheduler scheduler, HealthListener listener) {
        this(scheduler, listener, DEFAULT_CHECK_EVERY, DEFAULT_FAILURES_TO_OFFLINE);
    }

    public HealthSupervisor(Scheduler scheduler, HealthListener listener, Duration checkEvery, int failuresToOffline) {
        if (checkEvery.isNegative() || checkEvery.isZero()) {
            throw new IllegalArgumentException("check interval must be positive");
        }
        if (failuresToOffline < 1) {
            throw new IllegalArgumentException("failures to offline must be at least 1");
        }
        this.scheduler = scheduler;
        this.listener = listener;
        this.checkEvery = checkEvery;
        this.failuresToOffline = failuresToOffline;
    }

    /** Starts the silence checks. */
    public synchronized void start() {
        if (nextCheck == null && !closed) {
            nextCheck = scheduler.schedule(checkEvery, this::checkSilence);
        }
    }

    /** Wraps {@code downstream} so that every sensor event also counts as that sensor reporting. */
    public SensorListener observing(SensorListener downstream) {
        return new SupervisedListener(this, downstream);
    }

    @Override
    public void watch(SupervisedSensor sensor) {
        synchronized (this) {
            Watched existing = sensors.get(sensor.id());
            if (existing != null) {
                if (existing.sensor.equals(sensor)) {
                    return;
                }
                throw new IllegalArgumentException("two sensors are named " + sensor.id());
            }
            sensors.put(sensor.id(), new Watched(sensor, scheduler.now()));
        }
    }

    @Override
    public void reportOk(String sensorId) {
        HealthEvent event;
        synchronized (this) {
            Watched w = sensors.get(sensorId);
            if (w == null) {
                LOG.debug("Report from unsupervised sensor {}", sensorId);
                return;
            }
            w.lastOk = scheduler.now();
            w.failures = 0;
            event = w.warning() != null ? w.change(HealthStatus.SUSPECT, w.warning(), w.lastOk)
                    : w.change(HealthStatus.ONLINE, w.status == HealthStatus.ONLINE ? "working normally" : "working again", w.lastOk);
        }
        emit(event);
    }

    @Override
    public void reportFailure(String sensorId, String action, String cause) {
        HealthEvent event = null;
        synchronized (this) {
            Watched w = sensors.get(sensorId);
            if (w == null) {
                LOG.debug("Failure of unsupervised sensor {}: {} {}", sensorId, action, cause);
                return;
            }
            w.failures++;
            String times = w.failures == 1 ? "once" : w.failures + " times";
            if (w.failures >= failuresToOffline) {
                event = w.change(HealthStatus.OFFLINE, action + " failed " + times + ": " + cause, scheduler.now());
            } else if (w.status == HealthStatus.ONLINE) {
                w.reason = "working, but " + action + " failed " + times + ": " + cause;
            }
        }
        emit(event);
    }

    @Override
    public void reportOffline(String sensorId, String cause, String reason) {
        HealthEvent event;
        synchronized (this) {
            Watched w = sensors.get(sensorId);
            if (w == null) {
                LOG.debug("Unsupervised sensor {} is offline: {}", sensorId, reason);
                return;
            }
            event = w.change(HealthStatus.OFFLINE, reason, scheduler.now(), cause);
        }
        emit(event);
    }

    @Override
    public void reportWarning(String sensorId, String warning) {
        reportWarning(sensorId, SensorWarning.GENERAL, warning);
    }

    @Override
    public void reportWarning(String sensorId, SensorWarning which, String text) {
        HealthEvent event = null;
        synchronized (this) {
            Watched w = sensors.get(sensorId);
            if (w == null) {
                LOG.debug("Warning for unsupervised sensor {}: {}", sensorId, text);
                return;
            }
            boolean wasWarned = w.warning() != null;
            if (text == null) {
                w.warnings.remove(which);
            } else {
                w.warnings.put(which, text);
            }
            String warning = w.warning();
            if (warning != null && w.status == HealthStatus.ONLINE) {
                event = w.change(HealthStatus.SUSPECT, warning, scheduler.now());
            } else if (warning != null && wasWarned && w.status == HealthStatus.SUSPECT) {
                w.reason = warning;
            } else if (warning == null && wasWarned && w.status == HealthStatus.SUSPECT) {
                event = w.change(HealthStatus.ONLINE, "working again", scheduler.now());
            }
        }
        emit(event);
    }

    @Override
    public void reportReady(String sensorId) {
        HealthEvent event;
        synchronized (this) {
            Watched w = sensors.get(sensorId);
            if (w == null) {
                return;
            }
            w.readySince = scheduler.now();
            w.failures = 0;
            event = w.change(HealthStatus.ONLINE, "working again; waiting for the first " + w.what(), w.readySince);
        }
        emit(event);
    }

    /** Every supervised sensor in the order they were watched, as {@code hearth status} lists them. */
    public synchronized List<SensorHealth> snapshot() {
        Instant now = scheduler.now();
        List<SensorHealth> rows = new ArrayList<>(sensors.size());
        for (Watched w : sensors.values()) {
            rows.add(w.row(now));
        }
        return rows;
    }

    /** One sensor's row, if it is supervised. */
    public synchronized Optional<SensorHealth> health(String sensorId) {
        Watched w = sensors.get(sensorId);
        return w == null ? Optional.empty() : Optional.of(w.row(scheduler.now()));
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (nextCheck != null) {
            nextCheck.cancel();
        }
    }

    private void checkSilence() {
        List<HealthEvent> events = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            Instant now = scheduler.now();
            for (Watched w : sensors.values()) {
                if (w.status == HealthStatus.ONLINE && w.silence(now).compareTo(w.sensor.maxSilence()) > 0) {
                    events.add(w.change(HealthStatus.SUSPECT, w.silenceWords(now), now));
                }
            }
            nextCheck = scheduler.schedule(checkEvery, this::checkSilence);
        }
        events.forEach(this::emit);
    }

    private void emit(HealthEvent event) {
        if (event == null) {
            return;
        }
        if (event.needsAttention()) {
            LOG.warn("Sensor needs attention: {}", event.describe());
        } else {
            LOG.info("Sensor recovered: {}", event.describe());
        }
        try {
            listener.onHealthChange(event);
        } catch (RuntimeException e) {
            LOG.error("Health listener failed on {}", event.describe(), e);
        }
    }

    /** A sensor's supervision state; guarded by the supervisor's lock. */
    private static final class Watched {
        final SupervisedSensor sensor;
        final Instant since;
        Instant lastOk;
        /** When it was last opened again after being OFFLINE; silence is never timed from before. */
        Instant readySince;
        HealthStatus status = HealthStatus.ONLINE;
        /** The cause of the current fault; the sensor's own unless a shared one was reported. */
        String cause;
        String reason;
        /** The standing faults it works through (a low battery, not worn), each on its own. */
        final Map<SensorWarning, String> warnings = new java.util.EnumMap<>(SensorWarning.class);
        int failures;

        Watched(SupervisedSensor sensor, Instant since) {
            this.sensor = sensor;
            this.since = since;
            this.reason = "waiting for the first " + what();
            this.cause = HealthEvent.ownCause(sensor.id());
        }

        /** Its standing warnings, in words, or null when there is none. */
        String warning() {
            return warnings.isEmpty() ? null : String.join("; ", warnings.values());
        }

        String what() {
            return sensor.polled() ? "reading" : "event";
        }

        HealthEvent change(HealthStatus next, String why, Instant at) {
            return change(next, why, at, HealthEvent.ownCause(sensor.id()));
        }

        /**
         * Moves to {@code next}; returns the event if the status changed, else just updates the
         * reason. A recovery names the cause it recovers from, so the fault's alert can close.
         */
        HealthEvent change(HealthStatus next, String why, Instant at, String faultCause) {
            HealthStatus previous = status;
            status = next;
            reason = why;
            if (previous == next) {
                return null;
            }
            String eventCause = next == HealthStatus.ONLINE ? cause : faultCause;
            cause = next == HealthStatus.ONLINE ? HealthEvent.ownCause(sensor.id()) : faultCause;
            return new HealthEvent(sensor.id(), sensor.room(), sensor.kind(), previous, next, why, at, eventCause);
        }

        Duration silence(Instant now) {
            Instant from = lastOk != null ? lastOk : since;
            if (readySince != null && readySince.isAfter(from)) {
                from = readySince;
            }
            return Duration.between(from, now);
        }

        String silenceWords(Instant now) {
            String what = sensor.polled() ? "readings" : "events";
            String span = DurationWords.of(silence(now));
            if (readySince != null && (lastOk == null || readySince.isAfter(lastOk))) {
                return "no " + what + " in the " + span + " since it was opened again";
            }
            return lastOk != null ? "no " + what + " for " + span : "no " + what + " in the " + span + " since start";
        }

        SensorHealth row(Instant now) {
            // A suspect sensor's silence keeps growing; say how long it is now, not when it was noticed.
            String why = status == HealthStatus.SUSPECT && warning() == null ? silenceWords(now) : reason;
            return new SensorHealth(sensor.id(), sensor.room(), sensor.kind(), status, why, Optional.ofNullable(lastOk));
        }
    }
}
