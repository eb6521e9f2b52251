package org.hearth.gateway.app.daemon;

import java.util.Optional;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.SensorListener;
import org.hearth.sensors.ble.EmulatedPendant;
import org.hearth.sensors.ble.PendantSet;
import org.hearth.sensors.gpio.DigitalSensors;
import org.hearth.sensors.gpio.GpioBackend;
import org.hearth.sensors.gpio.GpioException;
import org.hearth.sensors.gpio.SimulatedHome;
import org.hearth.sensors.health.HealthEvent;
import org.hearth.sensors.health.HealthSupervisor;
import org.hearth.sensors.health.SupervisedSensor;
import org.hearth.sensors.i2c.I2cSensors;
import org.hearth.sensors.platform.SensorPlatform;
import org.hearth.sensors.serial.Mr24hpc1Emulator;
import org.hearth.sensors.serial.Radars;
import org.hearth.time.RealTimeScheduler;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's sensor drivers on every bus: GPIO (or the simulated home), I2C, the presence radars
 * and the BLE pendants. GPIO drivers run on the event loop; the others read on a thread of their
 * own, and everything they report is posted to the loop ({@link SensorListener#postingTo}), so the
 * {@link SensorRouting} always runs there. GPIO and the pendants' buttons pass through the
 * supervisor, which times their silence. With the mock GPIO backend the I2C chips, the radars and
 * the pendants are emulated too ({@link SensorPlatform} chooses). Closing stops every driver and its thread.
 */
final class SensorDrivers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SensorDrivers.class);

    private final HearthConfig config;
    private final Scheduler loop;
    private final HealthSupervisor supervisor;
    private final SensorPlatform platform;
    private AutoCloseable gpio;
    private SimulatedHome simulated;
    private RealTimeScheduler i2cLoop;
    private I2cSensors i2c;
    private RealTimeScheduler serialLoop;
    private Radars radars;
    private RealTimeScheduler bleLoop;
    private PendantSet pendants;

    private SensorDrivers(HearthConfig config, Scheduler loop, HealthSupervisor supervisor) {
        this.config = config;
        this.loop = loop;
        this.supervisor = supervisor;
        this.platform = SensorPlatform.forGpio(config.gpio());
    }

    /**
     * Opens every configured sensor. A sensor that cannot be opened is OFFLINE (and retried every
     * minute); nothing here stops the daemon.
     */
    static SensorDrivers open(HearthConfig config, Scheduler loop, HealthSupervisor supervisor, SensorRouting routing) {
        SensorDrivers drivers = new SensorDrivers(config, loop, supervisor);
        SensorListener supervised = supervisor.observing(routing);
        drivers.openGpio(supervised);
        drivers.openI2c(routing);
        drivers.openRadars(SensorListener.postingTo(loop::execute, routing));
        drivers.openPendants(SensorListener.postingTo(loop::execute, supervised));
        return drivers;
    }

    /** GPIO that will not open (no chip, a pin claimed elsewhere) is OFFLINE and retried every minute. */
    private void openGpio(SensorListener onLoop) {
        config.sensors().forEach(s -> supervisor.watch(SupervisedSensor.digital(s)));
        try {
            if (config.gpio() == GpioBackend.MOCK) {
                simulated = SimulatedHome.open(config.sensors(), loop, onLoop, supervisor);
                gpio = simulated;
            } else {
                gpio = DigitalSensors.open(config.gpio(), config.sensors(), loop, onLoop, supervisor);
            }
        } catch (GpioException e) {
            LOG.error("Sensors could not be opened: {}", e.getMessage());
            config.sensors().forEach(s -> supervisor.reportOffline(s.id(), HealthEvent.GPIO, e.getMessage()));
        }
    }

    /** On a thread of their own, so bus transfers never hold up the event loop. */
    private void openI2c(SensorRouting routing) {
        HearthConfig.I2c wanted = config.i2c();
        if (wanted.isEmpty()) {
            return;
        }
        i2cLoop = RealTimeScheduler.create("hearth-i2c", config.home().zone());
        i2c = I2cSensors.open(platform.i2c(wanted.accelerometers(), wanted.climate(), i2cLoop.clock()), i2cLoop, supervisor);
        SensorListener toLoop = SensorListener.postingTo(loop::execute, routing);
        for (AccelerometerSpec a : wanted.accelerometers()) {
            i2c.addAccelerometer(a, toLoop);
        }
        for (ClimateSensorSpec c : wanted.climate()) {
            i2c.addClimate(c, r -> loop.execute(() -> routing.onClimate(r)));
        }
    }

    /**
     * On a thread of their own, which polls their serial ports. With the mock backend each radar
     * is a frame emulator read on the event loop itself: reading an emulator never blocks, and the
     * demo speeds the loop up, so the driver's heartbeats must keep the loop's time or
     * supervision, timed on the loop, would find the module silent.
     */
    private void openRadars(SensorListener toLoop) {
        if (config.radars().isEmpty()) {
            return;
        }
        Scheduler reader = loop;
        if (!platform.isEmulated()) {
            serialLoop = RealTimeScheduler.create("hearth-serial", config.home().zone());
            reader = serialLoop;
        }
        radars = Radars.open(platform.serial(config.radars()), reader, supervisor);
        config.radars().forEach(r -> radars.add(r, toLoop));
    }

    /**
     * On a thread of their own (D-Bus calls to BlueZ block); their samples go to the fall detector
     * and their button is a help button. Emulated pendants run on the event loop, as emulated radars
     * do: emulating never blocks, and their samples must keep the (demo's accelerated) loop's time.
     */
    private void openPendants(SensorListener toLoop) {
        if (config.pendants().isEmpty()) {
            return;
        }
        Scheduler reader = loop;
        if (!platform.isEmulated()) {
            bleLoop = RealTimeScheduler.create("hearth-ble", config.home().zone());
            reader = bleLoop;
        }
        pendants = platform.pendants(reader, supervisor);
        config.pendants().forEach(p -> pendants.add(p, toLoop));
    }

    /** The simulated home, or null when GPIO is real. */
    SimulatedHome simulated() {
        return simulated;
    }

    /** A radar of the simulated home; empty unless the GPIO backend is mock. */
    Optional<Mr24hpc1Emulator> simulatedRadar(String id) {
        return platform.simulatedRadar(id);
    }

    /** A pendant of the simulated home; empty unless the GPIO backend is mock. */
    Optional<EmulatedPendant> simulatedPendant(String id) {
        return platform.simulatedPendant(id);
    }

    @Override
    public void close() {
        closeQuietly(gpio, "sensors");
        closeQuietly(i2c, "I2C sensors");
        closeQuietly(i2cLoop, "I2C thread");
        closeQuietly(radars, "radars");
        closeQuietly(serialLoop, "serial thread");
        closeQuietly(pendants, "pendants");
        closeQuietly(bleLoop, "BLE thread");
    }

    static void closeQuietly(AutoCloseable c, String what) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception e) {
            LOG.warn("{} did not close cleanly: {}", what, e.getMessage());
        }
    }
}
