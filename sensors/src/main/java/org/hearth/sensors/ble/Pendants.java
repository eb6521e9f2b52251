package org.hearth.sensors.ble;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.hearth.sensors.BusContext;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.health.HealthEvent;
import org.hearth.sensors.health.HealthReporter;
import org.hearth.sensors.health.SupervisedSensor;
import org.hearth.time.Scheduler;

/**
 * The home's BLE pendants: one D-Bus connection to BlueZ, one driver per pendant, all on one
 * scheduler. Give it its own {@code RealTimeScheduler} thread on the Pi (D-Bus calls block);
 * listeners are called on that thread and should post to the event loop. No D-Bus, no BlueZ, or
 * a pendant that is away is an OFFLINE status, never an exception.
 */
public final class Pendants implements AutoCloseable {

    private final Scheduler scheduler;
    private final HealthReporter health;
    private final BusContext<DBusConnection> dbus;
    private final Map<String, String> addressOwners = new LinkedHashMap<>();
    private final List<PendantDriver> drivers = new ArrayList<>();
    private boolean closed;

    private Pendants(String address, Scheduler scheduler, HealthReporter health) {
        this.scheduler = scheduler;
        this.health = health;
        this.dbus = BusContext.open("Bluetooth (D-Bus)", address == null ? "the system bus" : address,
                () -> connect(address), DBusConnection::disconnect);
    }

    /** BlueZ on the machine's system bus, where bluetoothd is. */
    public static Pendants onSystemBus(Scheduler scheduler, HealthReporter health) {
        return new Pendants(null, scheduler, health);
    }

    /** BlueZ (or a stand-in) on the bus at {@code address}, {@code unix:path=...}. */
    public static Pendants onBus(String address, Scheduler scheduler, HealthReporter health) {
        return new Pendants(address, scheduler, health);
    }

    /** Starts reading a pendant; its samples go to {@code listener.onAccel}, its button to {@code onEvent}. */
    public synchronized void add(PendantSpec spec, SensorListener listener) {
        if (addressOwners.containsValue(spec.id())) {
            throw new IllegalArgumentException("two pendants are named " + spec.id());
        }
        String owner = addressOwners.putIfAbsent(spec.address(), spec.id());
        if (owner != null) {
            throw new IllegalArgumentException(owner + " and " + spec.id() + " are both " + spec.address());
        }
        health.watch(SupervisedSensor.pendant(spec));
        DBusConnection bus = dbus.context().orElse(null);
        if (bus == null) {
            health.reportOffline(spec.id(), HealthEvent.BLUETOOTH, dbus.problem() + "; is bluetoothd running?");
            return;
        }
        PendantDriver driver = new PendantDriver(spec, PendantProfile.named(spec.profile()), bus, scheduler, health, listener);
        drivers.add(driver);
        driver.start();
    }

    /** Where each pendant's link stands, by id; a pendant whose bus could not open is {@link PendantLink#NO_BLUEZ}. */
    public synchronized Map<String, PendantLink> links() {
        Map<String, PendantLink> links = new LinkedHashMap<>();
        addressOwners.values().forEach(id -> links.put(id, PendantLink.NO_BLUEZ));
        drivers.forEach(d -> links.put(d.id(), d.link()));
        return links;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        drivers.forEach(PendantDriver::close);
        dbus.shutdown();
    }

    private static DBusConnection connect(String address) {
        try {
            DBusConnectionBuilder builder = address == null ? DBusConnectionBuilder.forSystemBus()
                    : DBusConnectionBuilder.forAddress(address);
            // One signal thread keeps notifications in the order BlueZ sent them.
            return builder.withShared(false).receivingThreadConfig().withSignalThreadCount(1).connectionConfig().build();
        } catch (DBusException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
