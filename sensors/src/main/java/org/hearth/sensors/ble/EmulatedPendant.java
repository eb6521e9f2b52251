package org.hearth.sensors.ble;

import java.time.Duration;
import java.util.List;
import org.hearth.sensors.AccelSample;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.health.HealthReporter;
import org.hearth.sensors.sim.WornTrace;
import org.hearth.time.Scheduler;

/**
 * An emulated Thingy:52 pendant, worn: it sends the raw data notifications Nordic's firmware sends
 * (encoded by {@link Thingy52Profile#rawData}) into the same {@link PendantReadings} and profile
 * decoding as a real pendant, with no D-Bus. Between events it sends one still sample every
 * {@link #STILL_EVERY}, well within the least {@code max_silence} a pendant may have (10 s), so
 * supervision keeps it ONLINE; {@link #fall()} plays a fall at the profile's rate in one burst,
 * which {@link PendantReadings} times at the device's rate from its arrival. Its movement is a
 * {@link WornTrace} seeded by the pendant's id: the same every run. Runs on its scheduler; the
 * handle's methods may be called from any thread.
 */
public final class EmulatedPendant {

    /** How often a pendant at rest sends a sample. */
    static final Duration STILL_EVERY = Duration.ofSeconds(5);
    /** How long a press holds the button down. */
    static final Duration PRESS_HOLD = Duration.ofMillis(500);
    private static final byte[] PRESSED = {1};
    private static final byte[] RELEASED = {0};

    private final PendantReadings readings;
    private final Scheduler scheduler;
    private final WornTrace movement;
    /** One sample's time, in seconds. */
    private final double period;
    private volatile boolean stopped;
    private volatile Scheduler.Cancellable nextStill;

    EmulatedPendant(PendantSpec spec, PendantProfile profile, Scheduler scheduler, HealthReporter health,
                    SensorListener listener) {
        if (!(profile instanceof Thingy52Profile)) {
            throw new IllegalArgumentException("pendant " + spec.id() + ": only a Thingy:52 can be emulated, not "
                    + profile.model());
        }
        this.readings = new PendantReadings(spec, profile, scheduler, health, listener);
        this.scheduler = scheduler;
        this.movement = WornTrace.at(profile.sampleRateHz(), spec.id().hashCode());
        this.period = 1.0 / profile.sampleRateHz();
    }

    /** Its wearer falls: standing still, a near free fall, a 3 g impact, then lying still on their back. */
    public void fall() {
        scheduler.execute(() -> send(movement.fallFromStanding().takeSamples()));
    }

    /** Its wearer presses its button and lets go. */
    public void press() {
        scheduler.execute(() -> {
            if (!stopped) {
                readings.button(PRESSED);
                scheduler.schedule(PRESS_HOLD, () -> readings.button(RELEASED));
            }
        });
    }

    void start() {
        scheduler.execute(() -> {
            readings.streamStarts();
            still();
        });
    }

    void stop() {
        stopped = true;
        Scheduler.Cancellable next = nextStill;
        if (next != null) {
            next.cancel();
        }
    }

    private void still() {
        send(movement.hold(period).takeSamples());
        if (!stopped) {
            nextStill = scheduler.schedule(STILL_EVERY, this::still);
        }
    }

    /** One notification per sample, as the firmware sends them. */
    private void send(List<AccelSample> samples) {
        for (AccelSample s : samples) {
            if (stopped) {
                return;
            }
            readings.accel(Thingy52Profile.rawData(s.x(), s.y(), s.z()));
        }
    }
}
