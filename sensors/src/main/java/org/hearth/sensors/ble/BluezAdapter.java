package org.hearth.sensors.ble;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.interfaces.DBusInterface;

/** BlueZ's {@code org.bluez.Adapter1}: the methods the wizard calls to scan (BlueZ's doc/org.bluez.Adapter.rst). */
@DBusInterfaceName("org.bluez.Adapter1")
public interface BluezAdapter extends DBusInterface {

    /** {@code {Transport: "le"}}: only Low Energy devices, as {@code bluetoothctl scan le}. */
    void SetDiscoveryFilter(java.util.Map<String, org.freedesktop.dbus.types.Variant<?>> filter);

    void StartDiscovery();

    void StopDiscovery();
}
