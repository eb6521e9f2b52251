package org.hearth.sensors.ble;

import java.util.Map;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.Variant;

/**
 * BlueZ's {@code org.bluez.GattCharacteristic1} (doc/org.bluez.GattCharacteristic.rst). After
 * {@code StartNotify} each notification arrives as a {@code PropertiesChanged} of its {@code Value}.
 */
@DBusInterfaceName("org.bluez.GattCharacteristic1")
public interface BluezCharacteristic extends DBusInterface {

    byte[] ReadValue(Map<String, Variant<?>> options);

    void WriteValue(byte[] value, Map<String, Variant<?>> options);

    void StartNotify();

    void StopNotify();
}
