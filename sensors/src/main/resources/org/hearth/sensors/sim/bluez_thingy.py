'''BlueZ stand-in for Hearth's pendant tests: python-dbusmock's bluez5 template, extended with a
Nordic Thingy:52's GATT objects, its battery, and the radio's faults.

Only what Hearth's driver uses is modelled, from BlueZ's D-Bus API documents (org.bluez.Device1,
org.bluez.GattService1, org.bluez.GattCharacteristic1, org.bluez.Battery1) and Nordic's Thingy:52
firmware documentation. Nothing here was checked against a real bluetoothd.
'''

import dbus
from gi.repository import GLib

from dbusmock import mockobject
from dbusmock.templates.bluez5 import *  # noqa: F401,F403 (the template's D-Bus methods are picked from this module)
from dbusmock.templates import bluez5

SERVICE_IFACE = 'org.bluez.GattService1'
CHAR_IFACE = 'org.bluez.GattCharacteristic1'
BATTERY_IFACE = 'org.bluez.Battery1'


def thingy(short_id):
    return 'ef68' + short_id + '-9b35-4933-9b10-52ffa9740042'


# path suffix, UUID, flags, initial value
SERVICES = [
    ('service000a', thingy('0400'), [
        ('char000b', thingy('0401'), ['read', 'write'],
         # pedometer 200 ms, temperature 500 ms, compass 500 ms, motion 10 Hz, wake on motion on
         [0xC8, 0x00, 0xF4, 0x01, 0xF4, 0x01, 0x0A, 0x00, 0x01]),
        ('char000d', thingy('0406'), ['notify'], []),
    ]),
    ('service0014', thingy('0300'), [
        ('char0015', thingy('0302'), ['notify'], []),
    ]),
]


def load(mock, parameters):
    bluez5.load(mock, parameters)


def _bytes(values):
    return dbus.Array([dbus.Byte(b) for b in values], signature='y')


@dbus.service.method(BLUEZ_MOCK_IFACE, in_signature='sss', out_signature='s')
def AddThingy(self, adapter_device_name, device_address, alias):
    '''A paired, disconnected Thingy:52 with its Motion and User interface services and a full battery.'''
    path = _thingy(self, adapter_device_name, device_address, alias)
    mockobject.objects[path].props[DEVICE_IFACE]['Paired'] = dbus.Boolean(True, variant_level=1)
    return path


@dbus.service.method(BLUEZ_MOCK_IFACE, in_signature='sss', out_signature='s')
def AddNearbyThingy(self, adapter_device_name, device_address, alias):
    '''A Thingy:52 a scan has found but nobody has paired: it advertises the Thingy configuration service
    (Nordic's firmware puts that UUID in its advertising packet); Pair bonds it.'''
    path = _thingy(self, adapter_device_name, device_address, alias)
    device = mockobject.objects[path]
    device.props[DEVICE_IFACE]['UUIDs'] = dbus.Array([thingy('0100')], signature='s', variant_level=1)
    device.AddMethods(DEVICE_IFACE, [
        ('Pair', '', '',
         "if self.props['org.bluez.Device1']['Paired']:\n"
         "    raise dbus.exceptions.DBusException('Already Exists', name='org.bluez.Error.AlreadyExists')\n"
         "self.UpdateProperties('org.bluez.Device1', {'Paired': dbus.Boolean(True)})"),
    ])
    return path


def _thingy(self, adapter_device_name, device_address, alias):
    path = self.AddDevice(adapter_device_name, device_address, alias)
    device = mockobject.objects[path]
    device.away = False
    device.AddMethods(DEVICE_IFACE, [
        ('Connect', '', '',
         "if self.away:\n"
         "    raise dbus.exceptions.DBusException('le-connection-abort-by-local', name='org.bluez.Error.Failed')\n"
         "self.UpdateProperties('org.bluez.Device1', {'Connected': dbus.Boolean(True), "
         "'ServicesResolved': dbus.Boolean(True)})"),
        ('Disconnect', '', '',
         "self.UpdateProperties('org.bluez.Device1', {'Connected': dbus.Boolean(False), "
         "'ServicesResolved': dbus.Boolean(False)})"),
    ])
    device.AddProperties(BATTERY_IFACE, {'Percentage': dbus.Byte(100)})
    for service, service_uuid, characteristics in SERVICES:
        service_path = path + '/' + service
        self.AddObject(service_path, SERVICE_IFACE, {
            'UUID': dbus.String(service_uuid),
            'Device': dbus.ObjectPath(path),
            'Primary': dbus.Boolean(True),
        }, [])
        for char, char_uuid, flags, value in characteristics:
            self.AddObject(service_path + '/' + char, CHAR_IFACE, {
                'UUID': dbus.String(char_uuid),
                'Service': dbus.ObjectPath(service_path),
                'Value': _bytes(value),
                'Notifying': dbus.Boolean(False),
                'Flags': dbus.Array(flags, signature='s'),
            }, [
                ('ReadValue', 'a{sv}', 'ay', "ret = self.props['org.bluez.GattCharacteristic1']['Value']"),
                ('WriteValue', 'aya{sv}', '',
                 "self.props['org.bluez.GattCharacteristic1']['Value'] = dbus.Array(args[0], signature='y')"),
                ('StartNotify', '', '',
                 "self.props['org.bluez.GattCharacteristic1']['Notifying'] = dbus.Boolean(True)"),
                ('StopNotify', '', '',
                 "self.props['org.bluez.GattCharacteristic1']['Notifying'] = dbus.Boolean(False)"),
            ])
    return path


def _notify(char, value):
    '''One notification: as BlueZ does, a PropertiesChanged of Value, sent only while notifying.'''
    if not char.props[CHAR_IFACE]['Notifying']:
        return
    char.props[CHAR_IFACE]['Value'] = _bytes(value)
    char.EmitSignal(dbus.PROPERTIES_IFACE, 'PropertiesChanged', 'sa{sv}as',
                    [CHAR_IFACE, {'Value': dbus.Array(value, signature='y', variant_level=1)}, []])


@dbus.service.method(BLUEZ_MOCK_IFACE, in_signature='oaay', out_signature='')
def Notify(_self, char_path, values):
    '''Sends each value as one notification of the characteristic, at once.'''
    char = mockobject.objects[char_path]
    for value in values:
        _notify(char, value)


@dbus.service.method(BLUEZ_MOCK_IFACE, in_signature='oaayu', out_signature='')
def Stream(_self, char_path, values, interval_ms):
    '''Sends value i as a notification interval_ms * i after the call, from the main loop; returns at once.

    Due times are kept from the start, not from the last send, so the rate holds on average
    however late the loop wakes (a GLib timer re-armed after each send would drift slow).'''
    char = mockobject.objects[char_path]
    queue = list(values)
    start = GLib.get_monotonic_time()
    sent = [0]

    def due():
        elapsed_ms = (GLib.get_monotonic_time() - start) / 1000
        while sent[0] < len(queue) and sent[0] * interval_ms <= elapsed_ms:
            _notify(char, queue[sent[0]])
            sent[0] += 1
        return sent[0] < len(queue)

    GLib.timeout_add(max(1, interval_ms // 4), due)


@dbus.service.method(BLUEZ_MOCK_IFACE, in_signature='oy', out_signature='')
def SetBattery(_self, device_path, percentage):
    mockobject.objects[device_path].UpdateProperties(BATTERY_IFACE, {'Percentage': dbus.Byte(percentage)})


@dbus.service.method(BLUEZ_MOCK_IFACE, in_signature='o', out_signature='')
def GoAway(_self, device_path):
    '''Out of range: the link drops, and calls fail until ComeBack.'''
    device = mockobject.objects[device_path]
    device.away = True
    device.UpdateProperties(DEVICE_IFACE, {'Connected': dbus.Boolean(False), 'ServicesResolved': dbus.Boolean(False)})


@dbus.service.method(BLUEZ_MOCK_IFACE, in_signature='o', out_signature='')
def ComeBack(_self, device_path):
    mockobject.objects[device_path].away = False
