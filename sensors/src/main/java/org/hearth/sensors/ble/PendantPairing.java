package org.hearth.sensors.ble;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.ObjectManager;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.hearth.sensors.Failures;

/**
 * What {@code hearth provision} does with BlueZ to add a pendant, as {@code bluetoothctl}'s
 * {@code scan le}, {@code pair} and {@code trust} would: scan for devices nearby, keep those that
 * advertise a {@link PendantProfile}'s service, pair with the one the installer picks and trust it
 * (so BlueZ lets it reconnect by itself). Blocking calls, for the wizard's thread; every failure is
 * a {@link PairingException} saying what to do.
 */
public final class PendantPairing implements AutoCloseable {

    /** A device the scan found that looks like a pendant of the profile: its address, its name, its signal (dBm, or null). */
    public record Found(String address, String name, Short rssi, boolean paired) {
    }

    private final DBusConnection bus;

    private PendantPairing(DBusConnection bus) {
        this.bus = bus;
    }

    /** BlueZ on the machine's system bus. */
    public static PendantPairing onSystemBus() throws PairingException {
        return open(null);
    }

    /** BlueZ (or a stand-in) on the bus at {@code address}. */
    public static PendantPairing onBus(String address) throws PairingException {
        return open(address);
    }

    private static PendantPairing open(String address) throws PairingException {
        try {
            DBusConnectionBuilder builder = address == null ? DBusConnectionBuilder.forSystemBus() : DBusConnectionBuilder.forAddress(address);
            return new PendantPairing(builder.withShared(false).transportConfig().withTimeout(500).back().build());
        } catch (DBusException | RuntimeException e) {
            throw new PairingException("the D-Bus system bus cannot be reached (" + Failures.innermostMessage(e)
                    + "), so Bluetooth cannot be used; is this a Raspberry Pi OS or Debian system with dbus running?", e);
        }
    }

    /**
     * Scans on {@code adapter} for {@code scan} and returns the devices advertising {@code profile}'s
     * service, strongest signal first (the pendant held near the Pi comes first).
     */
    public List<Found> discover(String adapter, PendantProfile profile, Duration scan) throws PairingException {
        Properties adapterProps = adapter(adapter);
        try {
            if (!Boolean.TRUE.equals(adapterProps.Get(PendantDriver.ADAPTER, "Powered"))) {
                adapterProps.Set(PendantDriver.ADAPTER, "Powered", Boolean.TRUE);
            }
            BluezAdapter scanner = bus.getRemoteObject(PendantDriver.BLUEZ, path(adapter), BluezAdapter.class);
            scanner.SetDiscoveryFilter(Map.of("Transport", new Variant<>("le")));
            scanner.StartDiscovery();
            try {
                // The wizard waits while the radio listens: nothing else runs on its thread.
                new CompletableFuture<Void>().completeOnTimeout(null, scan.toMillis(), TimeUnit.MILLISECONDS).join();
            } finally {
                scanner.StopDiscovery();
            }
            List<Found> found = new ArrayList<>();
            String prefix = path(adapter) + "/dev_";
            devices().forEach((p, device) -> {
                if (p.startsWith(prefix) && advertises(device, profile.advertisedService())) {
                    found.add(new Found(String.valueOf(value(device, "Address")), String.valueOf(value(device, "Alias")),
                            value(device, "RSSI") instanceof Short rssi ? rssi : null, Boolean.TRUE.equals(value(device, "Paired"))));
                }
            });
            found.sort(Comparator.comparing((Found f) -> f.rssi() == null ? Short.MIN_VALUE : f.rssi()).reversed());
            return found;
        } catch (DBusExecutionException | DBusException e) {
            throw new PairingException("scanning on " + adapter + " failed (" + e.getMessage() + ")", e);
        }
    }

    /** Pairs with the device at {@code address} (unless it is paired already) and trusts it. */
    public void pair(String adapter, String address) throws PairingException {
        adapter(adapter);
        String device = path(adapter) + "/dev_" + address.toUpperCase(Locale.ROOT).replace(':', '_');
        Map<String, Variant<?>> props = devices().get(device);
        if (props == null) {
            throw new PairingException("BlueZ has not seen " + address + " on " + adapter + "; switch the pendant on, hold it"
                    + " near the Pi and look for it again");
        }
        try {
            if (!Boolean.TRUE.equals(value(props, "Paired"))) {
                bus.getRemoteObject(PendantDriver.BLUEZ, device, BluezDevice.class).Pair();
            }
            bus.getRemoteObject(PendantDriver.BLUEZ, device, Properties.class).Set(PendantDriver.DEVICE, "Trusted", Boolean.TRUE);
        } catch (DBusExecutionException | DBusException e) {
            throw new PairingException("pairing with " + address + " failed (" + e.getMessage() + "); is it switched on and"
                    + " near the Pi?", e);
        }
    }

    @Override
    public void close() {
        bus.disconnect();
    }

    /** The adapter's properties; a clear failure when bluetoothd does not run or has no such adapter. */
    private Properties adapter(String adapter) throws PairingException {
        try {
            if (!bus.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class).NameHasOwner(PendantDriver.BLUEZ)) {
                throw new PairingException("bluetoothd is not running (nothing owns " + PendantDriver.BLUEZ + " on the bus);"
                        + " install and start it: sudo apt install bluez && sudo systemctl enable --now bluetooth");
            }
            if (!objects(PendantDriver.ADAPTER).containsKey(path(adapter))) {
                throw new PairingException("this machine has no Bluetooth adapter " + adapter + " (BlueZ lists none by that"
                        + " name); a Pi 3B+, 4 or 5 has one built in: is Bluetooth disabled in config.txt (dtoverlay=disable-bt)?");
            }
            return bus.getRemoteObject(PendantDriver.BLUEZ, path(adapter), Properties.class);
        } catch (DBusExecutionException | DBusException e) {
            throw new PairingException("BlueZ did not answer (" + e.getMessage() + ")", e);
        }
    }

    /** BlueZ's objects that have {@code iface}: object path to that interface's properties. */
    private Map<String, Map<String, Variant<?>>> objects(String iface) throws DBusException {
        Map<String, Map<String, Variant<?>>> out = new java.util.HashMap<>();
        bus.getRemoteObject(PendantDriver.BLUEZ, "/", ObjectManager.class).GetManagedObjects().forEach((p, ifaces) -> {
            if (ifaces.containsKey(iface)) {
                out.put(p.getPath(), ifaces.get(iface));
            }
        });
        return out;
    }

    /** BlueZ's devices, object path to Device1 properties. */
    private Map<String, Map<String, Variant<?>>> devices() throws PairingException {
        try {
            return objects(PendantDriver.DEVICE);
        } catch (DBusExecutionException | DBusException e) {
            throw new PairingException("BlueZ did not list its devices (" + e.getMessage() + ")", e);
        }
    }

    private static boolean advertises(Map<String, Variant<?>> device, String service) {
        return value(device, "UUIDs") instanceof List<?> uuids
                && uuids.stream().anyMatch(u -> service.equalsIgnoreCase(String.valueOf(u)));
    }

    private static String path(String adapter) {
        return "/org/bluez/" + adapter;
    }

    private static Object value(Map<String, Variant<?>> props, String name) {
        Variant<?> v = props.get(name);
        return v == null ? null : v.getValue();
    }
}
