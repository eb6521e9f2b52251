package org.hearth.sensors.sim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.UInt32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A BlueZ stand-in on a private D-Bus bus of its own: a {@code dbus-daemon} and python-dbusmock's
 * bluez5 template extended with a Thingy:52 ({@code bluez_thingy.py} beside this class). For
 * tests, the demo and the bench: it needs Debian's {@code dbus-daemon} and {@code python3-dbusmock}.
 * Nothing about it was checked against a real bluetoothd.
 */
public final class BluezStandIn implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BluezStandIn.class);
    /** Debian's interpreter, which python3-dbusmock installs for (a pyenv {@code python3} may lack it). */
    private static final String PYTHON = System.getProperty("hearth.python", "/usr/bin/python3");
    private static final Duration START_WITHIN = Duration.ofSeconds(15);
    public static final String ADAPTER = "hci0";

    private final Path dir;
    private final Process daemon;
    private Process mock;
    private final String address;
    private final DBusConnection control;
    private final Mock bluez;
    /** The Thingies added, which a restarted bluetoothd or a returning adapter knows again (BlueZ keeps pairings on disk). */
    private final List<String> paired = new java.util.ArrayList<>();

    /** The stand-in's own methods: python-dbusmock's bluez5 ones and those of {@code bluez_thingy.py}. */
    @DBusInterfaceName("org.bluez.Mock")
    public interface Mock extends DBusInterface {
        String AddAdapter(String deviceName, String systemName);

        String AddThingy(String adapter, String address, String alias);

        String AddNearbyThingy(String adapter, String address, String alias);

        String AddDevice(String adapter, String address, String alias);

        void RemoveAdapterWithDevices(String deviceName);

        void Notify(DBusPath characteristic, List<byte[]> values);

        void Stream(DBusPath characteristic, List<byte[]> values, UInt32 intervalMs);

        void SetBattery(DBusPath device, byte percentage);

        void GoAway(DBusPath device);

        void ComeBack(DBusPath device);
    }

    private BluezStandIn(Path dir, Process daemon, Process mock, String address, DBusConnection control) {
        this.dir = dir;
        this.daemon = daemon;
        this.mock = mock;
        this.address = address;
        this.control = control;
        try {
            this.bluez = control.getRemoteObject("org.bluez", "/", Mock.class);
        } catch (DBusException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the bus and the stand-in, with one adapter, {@value #ADAPTER}; fails with the reason if either will not start. */
    public static BluezStandIn start() throws IOException {
        return startIn(Files.createTempDirectory("hearth-bluez"));
    }

    /**
     * Starts the bus at {@link #addressIn addressIn(dir)}, so a driver can be pointed at it before
     * it exists (the system bus missing when the daemon starts). {@link #close()} deletes {@code dir}.
     */
    public static BluezStandIn startIn(Path dir) throws IOException {
        Files.createDirectories(dir);
        String address = addressIn(dir);
        Process daemon = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--nopidfile", "--address=" + address)
                .redirectErrorStream(true).redirectOutput(dir.resolve("dbus-daemon.log").toFile()).start();
        Process mock = null;
        try {
            DBusConnection control = awaitBus(address, daemon, dir);
            mock = startMock(address, dir, control);
            BluezStandIn standIn = new BluezStandIn(dir, daemon, mock, address, control);
            standIn.bluez.AddAdapter(ADAPTER, "hearth-test");
            return standIn;
        } catch (IOException | RuntimeException e) {
            if (mock != null) {
                mock.destroy();
            }
            daemon.destroy();
            throw e;
        }
    }

    private static Process startMock(String address, Path dir, DBusConnection control) throws IOException {
        Path template = dir.resolve("bluez_thingy.py");
        try (InputStream in = BluezStandIn.class.getResourceAsStream("bluez_thingy.py")) {
            Files.copy(in, template, StandardCopyOption.REPLACE_EXISTING);
        }
        ProcessBuilder mockBuilder = new ProcessBuilder(PYTHON, "-m", "dbusmock", "--template", template.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("dbusmock.log").toFile()));
        mockBuilder.environment().put("DBUS_SYSTEM_BUS_ADDRESS", address);
        mockBuilder.environment().put("DBUS_SESSION_BUS_ADDRESS", address);
        Process mock = mockBuilder.start();
        try {
            awaitName(control, mock, dir);
        } catch (IOException e) {
            mock.destroy();
            throw e;
        }
        return mock;
    }

    /** bluetoothd stops: its process ends, so {@code org.bluez} leaves the bus with every object, and nothing says "disconnected". */
    public synchronized void stopBluetoothd() {
        stop(mock);
    }

    /** bluetoothd starts again, with the adapter and the Thingies it had paired, all disconnected. */
    public synchronized void startBluetoothd() throws IOException {
        mock = startMock(address, dir, control);
        adapterBack();
    }

    /** The adapter goes away with every device under it (a USB dongle pulled, the controller reset). */
    public void removeAdapter() {
        bluez.RemoveAdapterWithDevices(ADAPTER);
    }

    /** The adapter is back, with the Thingies paired on it. */
    public synchronized void adapterBack() {
        bluez.AddAdapter(ADAPTER, "hearth-test");
        paired.forEach(a -> bluez.AddThingy(ADAPTER, a, "Thingy"));
    }

    /** The address of the bus a stand-in started in {@code dir} listens on. */
    public static String addressIn(Path dir) {
        return "unix:path=" + dir.resolve("bus");
    }

    /** The bus address to give {@code Pendants.onBus}. */
    public String address() {
        return address;
    }

    /** A Thingy:52 switched on near the Pi, advertising, not paired: what the wizard's scan finds. */
    public synchronized Thingy nearbyThingy(String btAddress) {
        paired.add(btAddress);
        return new Thingy(new DBusPath(bluez.AddNearbyThingy(ADAPTER, btAddress, "Thingy")));
    }

    /** Another device nearby that is no pendant (a phone, headphones): it advertises no Thingy service. */
    public void nearbyOther(String btAddress, String name) {
        bluez.AddDevice(ADAPTER, btAddress, name);
    }

    /** Adds a paired Thingy:52 at {@code address}; returns its device object. */
    public synchronized Thingy addThingy(String btAddress) {
        paired.add(btAddress);
        return new Thingy(new DBusPath(bluez.AddThingy(ADAPTER, btAddress, "Thingy")));
    }

    @Override
    public void close() {
        try {
            control.disconnect();
        } catch (RuntimeException e) {
            LOG.debug("Stand-in control connection: {}", e.toString());
        }
        stop(mock);
        stop(daemon);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", dir, e.toString());
        }
    }

    /** One Thingy:52 in the stand-in, as a test drives it. */
    public final class Thingy {
        /** The object paths {@code bluez_thingy.py} gives the raw data and button characteristics. */
        private static final String RAW_DATA = "/service000a/char000d";
        private static final String BUTTON = "/service0014/char0015";
        private final DBusPath device;

        private Thingy(DBusPath device) {
            this.device = device;
        }

        /** Sends each value as one raw data notification, at once (none while the driver has not asked for them). */
        public void notifyRaw(List<byte[]> values) {
            bluez.Notify(new DBusPath(device.getPath() + RAW_DATA), values);
        }

        /** Sends the values as raw data notifications, one every {@code interval}, and returns at once. */
        public void streamRaw(List<byte[]> values, Duration interval) {
            bluez.Stream(new DBusPath(device.getPath() + RAW_DATA), values, new UInt32(interval.toMillis()));
        }

        /** The button pressed and let go, as the Thingy reports it. */
        public void press() {
            notifyButton(new byte[] {1}, new byte[] {0});
        }

        public void notifyButton(byte[]... values) {
            bluez.Notify(new DBusPath(device.getPath() + BUTTON), List.of(values));
        }

        public void battery(int percent) {
            bluez.SetBattery(device, (byte) percent);
        }

        /** Out of range: the link drops and connecting fails until {@link #comeBack()}. */
        public void goAway() {
            bluez.GoAway(device);
        }

        public void comeBack() {
            bluez.ComeBack(device);
        }
    }

    private static DBusConnection awaitBus(String address, Process daemon, Path dir) throws IOException {
        Instant deadline = Instant.now().plus(START_WITHIN);
        while (true) {
            if (!daemon.isAlive()) {
                throw new IOException("dbus-daemon stopped: " + log(dir, "dbus-daemon.log"));
            }
            if (Files.exists(dir.resolve("bus"))) {
                try {
                    return DBusConnectionBuilder.forAddress(address).withShared(false).build();
                } catch (DBusException e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IOException("cannot connect to the stand-in's bus: " + e.getMessage(), e);
                    }
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("dbus-daemon did not start within " + START_WITHIN.toSeconds() + " s");
            }
            pause();
        }
    }

    private static void awaitName(DBusConnection control, Process mock, Path dir) throws IOException {
        Instant deadline = Instant.now().plus(START_WITHIN);
        try {
            DBus bus = control.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            while (!bus.NameHasOwner("org.bluez")) {
                if (!mock.isAlive()) {
                    throw new IOException("python-dbusmock stopped (is python3-dbusmock installed?): " + log(dir, "dbusmock.log"));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("python-dbusmock did not take org.bluez within " + START_WITHIN.toSeconds() + " s: "
                            + log(dir, "dbusmock.log"));
                }
                pause();
            }
        } catch (DBusException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50); // waiting for another process to start; this is a test stand-in, not domain code
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String log(Path dir, String name) {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
