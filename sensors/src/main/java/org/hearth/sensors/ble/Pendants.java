package org.hearth.sensors.ble;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.hearth.sensors.Failures;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.health.DurationWords;
import org.hearth.sensors.health.HealthEvent;
import org.hearth.sensors.health.HealthReporter;
import org.hearth.sensors.health.SupervisedSensor;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The home's BLE pendants: one D-Bus connection to BlueZ, one driver per pendant, all on one
 * scheduler. Give it its own {@code RealTimeScheduler} thread on the Pi (D-Bus calls block);
 * listeners are called on that thread and should post to the event loop. No D-Bus, no BlueZ, or
 * a pendant that is away is an OFFLINE status, never an exception.
 *
 * <p>A bus that cannot be reached at start (dbus-daemon not yet up, its socket missing) is tried
 * again on the scheduler after the same {@link Backoff} as a lost pendant (1 s, doubling up to the
 * pendants' {@code reconnect_every}); meanwhile every pendant is OFFLINE as {@link PendantLink#NO_BLUEZ},
 * cause {@link HealthEvent#BLUETOOTH} (one alert for all), and its driver starts once the bus answers.
 */
public final class Pendants implements PendantSet {

    private static final Logger LOG = LoggerFactory.getLogger(Pendants.class);
    /** dbus-java tries to reach the socket timeout / 500 ms times; 500 is once. */
    private static final int ONE_ATTEMPT_MS = 500;

    private final String address;
    private final Scheduler scheduler;
    private final HealthReporter health;
    private final PendantIds ids = new PendantIds();
    private final List<PendantDriver> drivers = new ArrayList<>();
    /** Pendants added while the bus could not be reached, with their listeners: started once it can. */
    private final Map<PendantSpec, SensorListener> waiting = new LinkedHashMap<>();
    private DBusConnection bus;
    /** Why the bus cannot be reached, in words; null once connected. */
    private String problem;
    private Backoff backoff;
    private Scheduler.Cancellable retry;
    /** What the pendants say while they wait for the bus: the problem and when it is tried again. */
    private String waitingWords;
    private boolean closed;

    private Pendants(String address, Scheduler scheduler, HealthReporter health) {
        this.address = address;
        this.scheduler = scheduler;
        this.health = health;
        connect();
    }

    /** BlueZ on the machine's system bus, where bluetoothd is. */
    public static Pendants onSystemBus(Scheduler scheduler, HealthReporter health) {
        return new Pendants(null, scheduler, health);
    }

    /** BlueZ (or a stand-in) on the bus at {@code address}, {@code unix:path=...}. */
    public static Pendants onBus(String address, Scheduler scheduler, HealthReporter health) {
        return new Pendants(address, scheduler, health);
    }

    @Override
    public synchronized void add(PendantSpec spec, SensorListener listener) {
        ids.claim(spec);
        health.watch(SupervisedSensor.pendant(spec));
        if (bus != null) {
            start(spec, listener, false);
            return;
        }
        waiting.put(spec, listener);
        if (backoff == null || spec.reconnectEvery().compareTo(backoff.ceiling()) < 0) {
            backoff = new Backoff(spec.reconnectEvery());
        }
        if (retry == null) {
            busDown();
        } else {
            health.reportOffline(spec.id(), HealthEvent.BLUETOOTH, waitingWords);
        }
    }

    /** Where each pendant's link stands, by id; a pendant waiting for the bus is {@link PendantLink#NO_BLUEZ}. */
    public synchronized Map<String, PendantLink> links() {
        Map<String, PendantLink> links = new LinkedHashMap<>();
        ids.ids().forEach(id -> links.put(id, PendantLink.NO_BLUEZ));
        drivers.forEach(d -> links.put(d.id(), d.link()));
        return links;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (retry != null) {
            retry.cancel();
        }
        drivers.forEach(PendantDriver::close);
        if (bus != null) {
            try {
                bus.disconnect();
            } catch (RuntimeException e) {
                LOG.warn("Bluetooth (D-Bus) did not shut down cleanly: {}", e.getMessage());
            }
        }
    }

    private void start(PendantSpec spec, SensorListener listener, boolean afterOutage) {
        PendantDriver driver = new PendantDriver(spec, PendantProfile.named(spec.profile()), bus, scheduler, health, listener);
        drivers.add(driver);
        driver.start(afterOutage);
    }

    /** Every waiting pendant is OFFLINE for the bus, and the bus is tried again after the next wait. */
    private void busDown() {
        Duration wait = backoff.next();
        waitingWords = problem + "; calling it again in " + DurationWords.of(wait)
                + (wait.equals(backoff.ceiling()) ? "" : " (then at most every " + DurationWords.of(backoff.ceiling()) + ")");
        waiting.keySet().forEach(spec -> health.reportOffline(spec.id(), HealthEvent.BLUETOOTH, waitingWords));
        retry = scheduler.schedule(wait, this::retry);
    }

    private synchronized void retry() {
        retry = null;
        if (closed) {
            return;
        }
        if (connect()) {
            waiting.forEach((spec, listener) -> start(spec, listener, true));
            waiting.clear();
        } else {
            busDown();
        }
    }

    /** Opens the connection; false, with {@link #problem} saying why, when the bus cannot be reached. */
    private boolean connect() {
        String where = address == null ? "the system bus" : address;
        try {
            DBusConnectionBuilder builder = address == null ? DBusConnectionBuilder.forSystemBus()
                    : DBusConnectionBuilder.forAddress(address);
            // One signal thread keeps notifications in the order BlueZ sent them. One attempt to reach
            // the socket (dbus-java's own is 20, 500 ms apart, asleep): the backoff here tries again.
            bus = builder.withShared(false).transportConfig().withTimeout(ONE_ATTEMPT_MS).back()
                    .receivingThreadConfig().withSignalThreadCount(1).connectionConfig().build();
            problem = null;
            LOG.info("Bluetooth (D-Bus) through {}", where);
            return true;
        } catch (DBusException | RuntimeException | LinkageError e) {
            String first = problem;
            problem = "the D-Bus system bus cannot be reached (" + Failures.innermostMessage(e) + ")";
            if (first == null) {
                LOG.error("Bluetooth (D-Bus): {} at {}; trying again", problem, where, e);
            }
            return false;
        }
    }
}
