package org.hearth.sensors.ble;

import java.time.Instant;
import java.util.List;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.SensorEvent;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.health.HealthReporter;
import org.hearth.sensors.health.SensorWarning;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one streaming pendant's notification values and battery levels into samples, button
 * presses and health reports; it knows nothing of D-Bus or of the link, which {@link PendantDriver}
 * keeps. A value that does not read is a failed read (three in a row: OFFLINE until the next good
 * one); the stream goes on. Called on the pendant's scheduler only, so its state is the scheduler's.
 */
final class PendantReadings {

    private static final Logger LOG = LoggerFactory.getLogger(PendantReadings.class);
    /** Notifications a second late are a gap (lost in the air): the next sample is timed from its arrival. */
    static final long GAP_MICROS = 1_000_000;
    /** The battery must climb this far above the threshold before "battery low" clears, so it does not flap. */
    static final int BATTERY_HYSTERESIS = 5;

    private final PendantSpec spec;
    private final PendantProfile profile;
    private final Scheduler scheduler;
    private final HealthReporter health;
    private final SensorListener listener;
    private final long periodMicros;
    private long nextMicros;
    private boolean batteryLow;

    PendantReadings(PendantSpec spec, PendantProfile profile, Scheduler scheduler, HealthReporter health,
                    SensorListener listener) {
        this.spec = spec;
        this.profile = profile;
        this.scheduler = scheduler;
        this.health = health;
        this.listener = listener;
        this.periodMicros = 1_000_000L / profile.sampleRateHz();
    }

    /** The pendant streams again (again or for the first time): its next sample is timed from its arrival. */
    void streamStarts() {
        nextMicros = 0;
    }

    /** One accelerometer notification: a batch of samples. */
    void accel(byte[] value) {
        long arrival = micros(scheduler.now());
        // Timed at the device's rate from the first sample, so radio jitter does not bend the trace;
        // after a gap (notifications lost in the air) the next sample is timed from its arrival.
        if (nextMicros == 0 || arrival - nextMicros > GAP_MICROS) {
            nextMicros = arrival;
        }
        try {
            List<AccelSample> samples = profile.samples(value, nextMicros, periodMicros);
            nextMicros += samples.size() * periodMicros;
            health.reportOk(spec.id());
            listener.onAccel(spec.id(), samples);
        } catch (MalformedValueException e) {
            malformed(e);
        }
    }

    /** One button notification: pressed or released. */
    void button(byte[] value) {
        try {
            boolean pressed = profile.pressed(value);
            health.reportOk(spec.id());
            listener.onEvent(new SensorEvent(spec.id(), spec.room(), SensorKind.HELP_BUTTON, pressed, scheduler.now()));
        } catch (MalformedValueException e) {
            malformed(e);
        }
    }

    /** The battery's level: a standing warning below the pendant's threshold, cleared with some hysteresis. */
    void battery(int percent) {
        if (percent <= spec.batteryLowPercent() && !batteryLow) {
            batteryLow = true;
            LOG.warn("Pendant {}: battery low ({} %)", spec.id(), percent);
        } else if (percent >= spec.batteryLowPercent() + BATTERY_HYSTERESIS && batteryLow) {
            batteryLow = false;
            LOG.info("Pendant {}: battery charged ({} %)", spec.id(), percent);
        }
        health.reportWarning(spec.id(), SensorWarning.BATTERY_LOW, batteryLow ? "battery low (" + percent + " %); charge the pendant" : null);
    }

    private void malformed(MalformedValueException e) {
        LOG.warn("Pendant {}: a notification was dropped: {}", spec.id(), e.getMessage());
        health.reportFailure(spec.id(), "BLE notification", e.getMessage());
    }

    private static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }
}
