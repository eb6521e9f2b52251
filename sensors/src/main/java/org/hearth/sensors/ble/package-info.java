/**
 * Worn fall pendants over Bluetooth Low Energy, through BlueZ on D-Bus (dbus-java): one
 * {@link org.hearth.sensors.ble.PendantProfile} per device family (the Nordic Thingy:52 today),
 * and {@link org.hearth.sensors.ble.Pendants}, which connects each pendant, decodes its
 * notifications into samples and button presses, and reports health like every other sensor.
 * In the simulated home {@link org.hearth.sensors.ble.EmulatedPendants} stand in for them, with no
 * D-Bus: each {@link org.hearth.sensors.ble.EmulatedPendant} feeds Thingy:52 values to the same readings.
 * dbus-java types stay inside this package.
 */
package org.hearth.sensors.ble;
