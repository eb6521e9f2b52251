package org.hearth.sensors.ble;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.interfaces.DBusInterface;

/** BlueZ's {@code org.bluez.Device1}: the methods Hearth calls (BlueZ's doc/org.bluez.Device.rst). */
@DBusInterfaceName("org.bluez.Device1")
public interface BluezDevice extends DBusInterface {

    void Connect();

    void Disconnect();

    /** Pairs with the device (bonding); BlueZ answers {@code org.bluez.Error.AlreadyExists} when it is paired. */
    void Pair();
}
