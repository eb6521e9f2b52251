package org.hearth.gateway.app.provision;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.ble.PairingException;
import org.hearth.sensors.ble.PendantPairing;
import org.hearth.sensors.ble.PendantProfile;
import org.hearth.sensors.health.HealthReporter;
import org.hearth.sensors.health.SupervisedSensor;
import org.hearth.sensors.i2c.I2cBackend;
import org.hearth.sensors.i2c.I2cSensors;
import org.hearth.sensors.serial.Radars;
import org.hearth.sensors.serial.SerialBackend;
import org.hearth.time.RealTimeScheduler;
import org.hearth.time.Scheduler;

/**
 * Asks a sensor the installer just described whether it is there, before the wizard adds it. It
 * starts the daemon's own drivers ({@link I2cSensors}, {@link Radars}) on the same Pi4J provider
 * the daemon will use, for one device, and waits for the first good reading or frame (the answer)
 * or the reason the driver gives for being offline (a missing port, nothing at that address, the
 * wrong chip). So the wizard's verdict is the daemon's, and tests run it against the emulators.
 */
public final class HardwareCheck {

    /** How long a device has to answer: the drivers' first read is at once, and a radar answers in milliseconds. */
    static final Duration WAIT = Duration.ofSeconds(3);

    /** How long the wizard listens for pendants: a Thingy:52 advertises every few hundred milliseconds. */
    static final Duration SCAN = Duration.ofSeconds(10);

    /** BlueZ: the system bus, or a stand-in's; opened for each scan or pairing. */
    interface Bluetooth {
        PendantPairing open() throws PairingException;
    }

    private final Supplier<I2cBackend> i2c;
    private final Supplier<SerialBackend> serial;
    private final Bluetooth bluetooth;
    private final Duration scan;

    private HardwareCheck(Supplier<I2cBackend> i2c, Supplier<SerialBackend> serial, Bluetooth bluetooth, Duration scan) {
        this.i2c = i2c;
        this.serial = serial;
        this.bluetooth = bluetooth;
        this.scan = scan;
    }

    /** The Pi's own buses: /dev/i2c-N through Pi4J's linuxfs provider, serial ports through Hearth's tty provider, BlueZ on the system bus. */
    public static HardwareCheck onThisMachine() {
        return new HardwareCheck(I2cBackend::linuxFs, SerialBackend::tty, PendantPairing::onSystemBus, SCAN);
    }

    /** Other providers: emulated chips and radar modules in tests (BlueZ on the system bus). */
    public static HardwareCheck using(I2cBackend i2c, SerialBackend serial) {
        return new HardwareCheck(() -> i2c, () -> serial, PendantPairing::onSystemBus, SCAN);
    }

    /** The same buses, with BlueZ on the bus at {@code dbusAddress} (a stand-in), scanning for {@code scan}. */
    public HardwareCheck withBluetooth(String dbusAddress, Duration scan) {
        return new HardwareCheck(i2c, serial, () -> PendantPairing.onBus(dbusAddress), scan);
    }

    /** How long a scan for pendants lasts, in words: "10 s" ("300 ms" in tests). */
    String scanWords() {
        return scan.toMillis() < 1000 ? scan.toMillis() + " ms" : scan.toSeconds() + " s";
    }

    /** The pendants of {@code profile} nearby, strongest signal first; a problem in words when Bluetooth cannot scan. */
    Checked<List<PendantPairing.Found>> pendantsNearby(String adapter, String profile) {
        try (PendantPairing pairing = bluetooth.open()) {
            return Checked.ok(pairing.discover(adapter, PendantProfile.named(profile), scan));
        } catch (PairingException e) {
            return Checked.no(e.getMessage());
        }
    }

    /** Empty when the pendant at {@code address} is paired and trusted; otherwise why not. */
    Optional<String> pair(String adapter, String address) {
        try (PendantPairing pairing = bluetooth.open()) {
            pairing.pair(adapter, address);
            return Optional.empty();
        } catch (PairingException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Empty when the ADXL345 answered; otherwise why not, in the driver's words. */
    Optional<String> accelerometer(AccelerometerSpec spec) {
        return probe((scheduler, health) -> {
            I2cSensors bus = I2cSensors.open(i2c.get(), scheduler, health);
            bus.addAccelerometer(spec, event -> { });
            return bus;
        }, "the ADXL345 did not answer within " + WAIT.toSeconds() + " s");
    }

    /** Empty when the BME280 or SHT31 gave a reading; otherwise why not. */
    Optional<String> climate(ClimateSensorSpec spec) {
        return probe((scheduler, health) -> {
            I2cSensors bus = I2cSensors.open(i2c.get(), scheduler, health);
            bus.addClimate(spec, reading -> { });
            return bus;
        }, "the " + spec.chip() + " gave no reading within " + WAIT.toSeconds() + " s");
    }

    /** Empty when a radar module answered on the port; otherwise why not. */
    Optional<String> radar(RadarSpec spec) {
        return probe((scheduler, health) -> {
            Radars radars = Radars.open(serial.get(), scheduler, health);
            radars.add(spec, (SensorListener) event -> { });
            return radars;
        }, spec.device() + " opens, but no radar answered within " + WAIT.toSeconds() + " s: check that the module's TX goes"
                + " to the Pi's RX and its RX to TX, that it has 5 V, and that the serial console is off");
    }

    private static Optional<String> probe(BiFunction<Scheduler, HealthReporter, AutoCloseable> start, String silence) {
        Verdict verdict = new Verdict();
        try (RealTimeScheduler scheduler = RealTimeScheduler.create("hearth-check", ZoneId.systemDefault());
             AutoCloseable device = start.apply(scheduler, verdict)) {
            return verdict.answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Optional.of(verdict.lastFailure != null ? verdict.lastFailure : silence);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("the check was interrupted");
        } catch (ExecutionException e) {
            return Optional.of(e.getCause().getMessage());
        } catch (Exception e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The first thing the driver says about its one device. */
    private static final class Verdict implements HealthReporter {
        final CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        volatile String lastFailure;

        @Override
        public void watch(SupervisedSensor sensor) {
        }

        @Override
        public void reportOk(String sensorId) {
            answer.complete(Optional.empty());
        }

        @Override
        public void reportFailure(String sensorId, String action, String cause) {
            lastFailure = action + " failed: " + cause;
        }

        @Override
        public void reportOffline(String sensorId, String cause, String reason) {
            answer.complete(Optional.of(reason));
        }

        @Override
        public void reportReady(String sensorId) {
        }

        @Override
        public void reportWarning(String sensorId, String warning) {
            // a device that warns (a low battery) still answers: its first report decides
        }
    }
}
