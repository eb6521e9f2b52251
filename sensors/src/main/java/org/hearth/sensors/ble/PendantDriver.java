package org.hearth.sensors.ble;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.ObjectManager;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.health.DurationWords;
import org.hearth.sensors.health.HealthReporter;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pendant's link, on the scheduler: connects through BlueZ, lets its profile set it up, asks for
 * notifications and hands their values to its {@link PendantReadings}. D-Bus signals arrive on
 * dbus-java's thread and are posted to the scheduler, so all state here is the scheduler's.
 *
 * <p>A pendant BlueZ does not know, one that does not answer, or one that disconnects is OFFLINE
 * and called again after a {@link Backoff} (1 s, doubling up to {@link PendantSpec#reconnectEvery()}).
 * So is every pendant while bluetoothd is away (its name has no owner on the bus) or the adapter is
 * gone or off; BlueZ or the adapter coming back is called at once. {@link #link()} says which, for
 * code.
 */
final class PendantDriver {

    private static final Logger LOG = LoggerFactory.getLogger(PendantDriver.class);
    static final String BLUEZ = "org.bluez";
    static final String DEVICE = "org.bluez.Device1";
    static final String CHARACTERISTIC = "org.bluez.GattCharacteristic1";
    static final String BATTERY = "org.bluez.Battery1";
    static final String ADAPTER = "org.bluez.Adapter1";
    /** BlueZ resolves a device's services after connecting; a real pendant takes a second or two. */
    static final Duration SERVICES_WAIT = Duration.ofSeconds(30);
    static final Duration SERVICES_POLL = Duration.ofMillis(250);
    /** How long after an object's removal the rest of a burst of removals has surely arrived. */
    static final Duration REMOVALS_SETTLE = Duration.ofMillis(250);

    private final PendantSpec spec;
    private final PendantProfile profile;
    private final DBusConnection bus;
    private final Scheduler scheduler;
    private final HealthReporter health;
    private final PendantReadings readings;
    private final Backoff backoff;
    private final List<AutoCloseable> signals = new ArrayList<>();
    private volatile PendantLink link = PendantLink.CONNECTING;
    private String accelPath;
    private String buttonPath;
    private boolean connected;
    private boolean wasOffline;
    private Instant servicesDeadline;
    private Scheduler.Cancellable pending;
    private boolean closed;

    PendantDriver(PendantSpec spec, PendantProfile profile, DBusConnection bus, Scheduler scheduler, HealthReporter health,
                  SensorListener listener) {
        this.spec = spec;
        this.profile = profile;
        this.bus = bus;
        this.scheduler = scheduler;
        this.health = health;
        this.readings = new PendantReadings(spec, profile, scheduler, health, listener);
        this.backoff = new Backoff(spec.reconnectEvery());
    }

    String id() {
        return spec.id();
    }

    /** Where its link stands now; read from any thread. */
    PendantLink link() {
        return link;
    }

    /** @param afterOutage it was OFFLINE before this driver began (the bus came late): it says "working again" once it streams */
    synchronized void start(boolean afterOutage) {
        wasOffline = afterOutage;
        String device = spec.devicePath();
        try {
            signals.add(bus.addSigHandler(Properties.PropertiesChanged.class, s -> {
                if (s.getPath().equals(device) || s.getPath().startsWith(device + "/") || s.getPath().equals(adapterPath())) {
                    scheduler.execute(() -> changed(s.getPath(), s.getInterfaceName(), s.getPropertiesChanged()));
                }
            }));
            signals.add(bus.addSigHandler(DBus.NameOwnerChanged.class, s -> {
                if (BLUEZ.equals(s.name)) {
                    scheduler.execute(() -> bluezOwner(!s.newOwner.isEmpty()));
                }
            }));
            signals.add(bus.addSigHandler(ObjectManager.InterfacesAdded.class, s -> {
                String path = s.getSignalSource().getPath();
                if (path.equals(device) || path.equals(adapterPath())) {
                    scheduler.execute(this::reappeared);
                }
            }));
            signals.add(bus.addSigHandler(ObjectManager.InterfacesRemoved.class, s -> {
                String path = s.getSignalSource().getPath();
                if (path.equals(device) || path.equals(adapterPath()) || device.startsWith(path + "/")) {
                    scheduler.execute(this::removed);
                }
            }));
        } catch (DBusException e) {
            offline(PendantLink.NO_BLUEZ, "its notifications could not be subscribed to (" + e.getMessage() + ")");
            return;
        }
        schedule(Duration.ZERO, this::connect);
    }

    synchronized void close() {
        closed = true;
        if (pending != null) {
            pending.cancel();
        }
        for (AutoCloseable handler : signals) {
            try {
                handler.close();
            } catch (Exception e) {
                LOG.debug("Pendant {}: unsubscribing failed: {}", spec.id(), e.toString());
            }
        }
    }

    /** Runs {@code step} after {@code delay}, instead of any step still waiting. */
    private synchronized void schedule(Duration delay, Runnable step) {
        if (pending != null) {
            pending.cancel();
        }
        if (!closed) {
            pending = scheduler.schedule(delay, step);
        }
    }

    private String adapterPath() {
        return "/org/bluez/" + spec.adapter();
    }

    private synchronized void connect() {
        if (closed) {
            return;
        }
        link = PendantLink.CONNECTING;
        try {
            if (!bus.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class).NameHasOwner(BLUEZ)) {
                offline(PendantLink.NO_BLUEZ, "bluetoothd is not running (nothing owns " + BLUEZ + " on the bus)");
                return;
            }
            Map<String, Map<String, Map<String, Variant<?>>>> objects = managedObjects();
            Map<String, Variant<?>> adapter = objects.getOrDefault(adapterPath(), Map.of()).get(ADAPTER);
            if (adapter == null) {
                offline(PendantLink.NO_ADAPTER, "BlueZ has no adapter " + spec.adapter());
                return;
            }
            if (Boolean.FALSE.equals(value(adapter, "Powered"))) {
                offline(PendantLink.NO_ADAPTER, "the adapter " + spec.adapter() + " is powered off");
                return;
            }
            Map<String, Variant<?>> device = objects.getOrDefault(spec.devicePath(), Map.of()).get(DEVICE);
            if (device == null) {
                offline(PendantLink.NOT_PAIRED, "BlueZ does not know " + spec.address() + " on " + spec.adapter()
                        + "; pair it first (docs/sensors.md, \"Pairing\")");
                return;
            }
            if (!Boolean.TRUE.equals(value(device, "Connected"))) {
                bus.getRemoteObject(BLUEZ, spec.devicePath(), BluezDevice.class).Connect();
            }
        } catch (DBusExecutionException | DBusException e) {
            offline(PendantLink.OUT_OF_RANGE, "out of range: it did not answer (" + e.getMessage() + ")");
            return;
        }
        servicesDeadline = scheduler.now().plus(SERVICES_WAIT);
        schedule(Duration.ZERO, this::awaitServices);
    }

    /** bluetoothd stopped (the name lost its owner) or started again (a new owner). */
    private synchronized void bluezOwner(boolean running) {
        if (closed) {
            return;
        }
        if (running) {
            LOG.info("Pendant {}: bluetoothd is back; connecting", spec.id());
            backoff.reset();
            schedule(Duration.ZERO, this::connect);
        } else {
            offline(PendantLink.NO_BLUEZ, "bluetoothd stopped (nothing owns " + BLUEZ + " on the bus)");
        }
    }

    /** The adapter, or the pendant's device object, is back in BlueZ: try at once rather than at the next backoff. */
    private synchronized void reappeared() {
        if (!closed && link != PendantLink.STREAMING) {
            backoff.reset();
            schedule(Duration.ZERO, this::connect);
        }
    }

    /**
     * BlueZ dropped the adapter (unplugged, reset) or the device (unpaired): the link is gone without
     * a "disconnected". Which of them is gone is read once the removals have settled (BlueZ sends an
     * adapter's and its devices' one after another, in no promised order), by calling the pendant again.
     */
    private synchronized void removed() {
        if (!closed && (connected || link == PendantLink.CONNECTING)) {
            connected = false;
            link = PendantLink.CONNECTING;
            schedule(REMOVALS_SETTLE, this::connect);
        }
    }

    private synchronized void awaitServices() {
        if (closed) {
            return;
        }
        try {
            Properties props = bus.getRemoteObject(BLUEZ, spec.devicePath(), Properties.class);
            if (!Boolean.TRUE.equals(props.Get(DEVICE, "Connected"))) {
                offline(PendantLink.OUT_OF_RANGE, "out of range: it disconnected while connecting");
                return;
            }
            if (!Boolean.TRUE.equals(props.Get(DEVICE, "ServicesResolved"))) {
                if (scheduler.now().isAfter(servicesDeadline)) {
                    offline(PendantLink.NOT_SET_UP, "connected, but BlueZ found none of its services within "
                            + SERVICES_WAIT.toSeconds() + " s");
                } else {
                    schedule(SERVICES_POLL, this::awaitServices);
                }
                return;
            }
            subscribe();
        } catch (DBusExecutionException | DBusException e) {
            offline(PendantLink.OUT_OF_RANGE, "out of range: it was lost while connecting (" + e.getMessage() + ")");
        } catch (GattException e) {
            offline(PendantLink.NOT_SET_UP, e.getMessage());
        }
    }

    private void subscribe() throws DBusException, GattException {
        Map<String, String> byUuid = characteristics();
        accelPath = profile.accelerometer().map(byUuid::get).orElse(null);
        buttonPath = profile.button().map(byUuid::get).orElse(null);
        if (profile.accelerometer().isPresent() && accelPath == null) {
            throw new GattException("it offers no characteristic " + profile.accelerometer().get() + " (the accelerometer of a "
                    + profile.model() + "); is it one, running its maker's firmware?");
        }
        profile.setUp(new DeviceGatt(byUuid));
        for (String path : new String[] {accelPath, buttonPath}) {
            if (path != null) {
                characteristic(path).StartNotify();
            }
        }
        connected = true;
        link = PendantLink.STREAMING;
        backoff.reset();
        readings.streamStarts();
        if (wasOffline) {
            wasOffline = false;
            health.reportReady(spec.id());
            LOG.info("Pendant {} ({}) is back", spec.id(), spec.address());
        } else {
            LOG.info("Pendant {} ready: {} {} at {} Hz", spec.id(), profile.model(), spec.address(), profile.sampleRateHz());
        }
        readBattery();
    }

    private void readBattery() {
        try {
            Object percent = bus.getRemoteObject(BLUEZ, spec.devicePath(), Properties.class).Get(BATTERY, "Percentage");
            if (percent instanceof Number n) {
                readings.battery(n.intValue());
            }
        } catch (DBusExecutionException | DBusException e) {
            LOG.info("Pendant {} reports no battery level ({}); it is not watched", spec.id(), e.getMessage());
        }
    }

    private synchronized void changed(String path, String iface, Map<String, Variant<?>> props) {
        if (closed) {
            return;
        }
        if (DEVICE.equals(iface) && path.equals(spec.devicePath()) && Boolean.FALSE.equals(value(props, "Connected"))) {
            if (connected) {
                offline(PendantLink.OUT_OF_RANGE, "out of range: the pendant disconnected");
            }
        } else if (ADAPTER.equals(iface) && path.equals(adapterPath()) && value(props, "Powered") instanceof Boolean on) {
            if (on) {
                reappeared();
            } else if (link != PendantLink.NO_ADAPTER) {
                offline(PendantLink.NO_ADAPTER, "the adapter " + spec.adapter() + " was powered off");
            }
        } else if (BATTERY.equals(iface) && value(props, "Percentage") instanceof Number n) {
            readings.battery(n.intValue());
        } else if (connected && CHARACTERISTIC.equals(iface) && props.containsKey("Value")) {
            byte[] bytes = bytes(props.get("Value").getValue());
            if (path.equals(accelPath)) {
                readings.accel(bytes);
            } else if (path.equals(buttonPath)) {
                readings.button(bytes);
            }
        }
    }

    /** The link is down for {@code why}: OFFLINE, and the pendant is called again after the next backoff. */
    private void offline(PendantLink state, String reason) {
        connected = false;
        link = state;
        Duration wait = backoff.next();
        String why = reason + "; calling it again in " + DurationWords.of(wait)
                + (wait.equals(backoff.ceiling()) ? "" : " (then at most every " + DurationWords.of(backoff.ceiling()) + ")");
        if (!wasOffline) {
            LOG.warn("Pendant {} is offline ({}): {}", spec.id(), state, why);
        }
        wasOffline = true;
        health.reportOffline(spec.id(), state.cause(spec), why);
        schedule(wait, this::connect);
    }

    private Map<String, Map<String, Map<String, Variant<?>>>> managedObjects() throws DBusException {
        Map<DBusPath, Map<String, Map<String, Variant<?>>>> all = bus.getRemoteObject(BLUEZ, "/", ObjectManager.class)
                .GetManagedObjects();
        Map<String, Map<String, Map<String, Variant<?>>>> byPath = new HashMap<>();
        all.forEach((path, ifaces) -> byPath.put(path.getPath(), ifaces));
        return byPath;
    }

    /** The device's characteristics, UUID (lower case) to object path. */
    private Map<String, String> characteristics() throws DBusException {
        Map<String, String> byUuid = new HashMap<>();
        managedObjects().forEach((path, ifaces) -> {
            Map<String, Variant<?>> c = ifaces.get(CHARACTERISTIC);
            if (c != null && path.startsWith(spec.devicePath() + "/") && value(c, "UUID") instanceof String uuid) {
                byUuid.put(uuid.toLowerCase(java.util.Locale.ROOT), path);
            }
        });
        return byUuid;
    }

    private BluezCharacteristic characteristic(String path) throws DBusException {
        return bus.getRemoteObject(BLUEZ, path, BluezCharacteristic.class);
    }

    private static Object value(Map<String, Variant<?>> props, String name) {
        Variant<?> v = props.get(name);
        return v == null ? null : v.getValue();
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof List<?> list) {
            byte[] b = new byte[list.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = ((Number) list.get(i)).byteValue();
            }
            return b;
        }
        return new byte[0];
    }

    /** The connected device's characteristics, for the profile's set-up. */
    private final class DeviceGatt implements PendantProfile.Gatt {
        private final Map<String, String> byUuid;

        DeviceGatt(Map<String, String> byUuid) {
            this.byUuid = byUuid;
        }

        @Override
        public byte[] read(String uuid) throws GattException {
            try {
                return characteristic(path(uuid)).ReadValue(Map.of());
            } catch (DBusExecutionException | DBusException e) {
                throw new GattException("reading " + uuid + " failed (" + e.getMessage() + ")", e);
            }
        }

        @Override
        public void write(String uuid, byte[] value) throws GattException {
            try {
                characteristic(path(uuid)).WriteValue(value, Map.of());
            } catch (DBusExecutionException | DBusException e) {
                throw new GattException("writing " + uuid + " failed (" + e.getMessage() + ")", e);
            }
        }

        private String path(String uuid) throws GattException {
            String path = byUuid.get(uuid);
            if (path == null) {
                throw new GattException("it offers no characteristic " + uuid + " (needed to set up a " + profile.model() + ")");
            }
            return path;
        }
    }
}
