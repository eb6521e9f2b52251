package org.hearth.sensors.platform;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.ClimateChip;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.gpio.GpioBackend;
import org.hearth.sensors.i2c.I2cBackend;
import org.hearth.sensors.serial.Mr24hpc1Emulator;
import org.hearth.sensors.ble.EmulatedPendant;
import org.hearth.sensors.ble.EmulatedPendants;
import org.hearth.sensors.ble.PendantSet;
import org.hearth.sensors.ble.Pendants;
import org.hearth.sensors.health.HealthReporter;
import org.hearth.sensors.serial.SerialBackend;
import org.hearth.sensors.sim.Adxl345Emulator;
import org.hearth.sensors.sim.Bme280Emulator;
import org.hearth.sensors.sim.SerialPeer;
import org.hearth.sensors.sim.Sht31Emulator;
import org.hearth.sensors.sim.SimulatedI2cBus;
import org.hearth.time.Scheduler;

/**
 * Chooses the I2C and serial backends and the BLE pendants for a home's devices: the Pi's own buses
 * and BlueZ, or emulated ones. Emulated, each configured chip is its kind's emulator at its address
 * (on the bus of the first device asked for, as the simulated home has one bus), each radar an
 * emulated MR24HPC1 on its device, which {@link #simulatedRadar} hands out so the demo and tests can
 * move someone past it, and each pendant an {@link EmulatedPendant}, which {@link #simulatedPendant}
 * hands out so they can make its wearer fall.
 */
public final class SensorPlatform {

    /** The Pi's header bus, for an emulated I2C bus with no device on it. */
    private static final int HEADER_BUS = 1;

    private final boolean emulated;
    /** Read from other threads (the demo) while the daemon starts, hence concurrent. */
    private final Map<String, Mr24hpc1Emulator> radars = new ConcurrentHashMap<>();

    private volatile EmulatedPendants pendants;

    private SensorPlatform(boolean emulated) {
        this.emulated = emulated;
    }

    /** The Pi's buses: Pi4J's linuxfs provider for I2C, Hearth's tty provider for the radars. */
    public static SensorPlatform real() {
        return new SensorPlatform(false);
    }

    /** Emulated chips and radars: the simulated home. */
    public static SensorPlatform emulated() {
        return new SensorPlatform(true);
    }

    /** Emulated when GPIO is Pi4J's mock (the simulated home has no Pi under it), real otherwise. */
    public static SensorPlatform forGpio(GpioBackend gpio) {
        return gpio == GpioBackend.MOCK ? emulated() : real();
    }

    public boolean isEmulated() {
        return emulated;
    }

    /**
     * I2C for these devices. Emulated chips keep {@code clock}'s time (an ADXL345's FIFO fills at
     * its data rate), so pass the clock of the scheduler that reads them.
     */
    public I2cBackend i2c(List<AccelerometerSpec> accelerometers, List<ClimateSensorSpec> climate, Clock clock) {
        if (!emulated) {
            return I2cBackend.linuxFs();
        }
        SimulatedI2cBus bus = new SimulatedI2cBus(!accelerometers.isEmpty() ? accelerometers.get(0).bus()
                : !climate.isEmpty() ? climate.get(0).bus() : HEADER_BUS);
        accelerometers.forEach(a -> bus.attach(a.address(), new Adxl345Emulator(clock)));
        climate.forEach(c -> bus.attach(c.address(), c.chip() == ClimateChip.BME280
                ? new Bme280Emulator(clock) : new Sht31Emulator(clock)));
        return I2cBackend.emulated(bus);
    }

    /** Serial for these radars; emulated, each gets a new module, replacing any this platform made before. */
    public SerialBackend serial(List<RadarSpec> wanted) {
        if (!emulated) {
            return SerialBackend.tty();
        }
        Map<String, SerialPeer> devices = new LinkedHashMap<>();
        radars.clear();
        wanted.forEach(r -> {
            Mr24hpc1Emulator module = new Mr24hpc1Emulator();
            radars.put(r.id(), module);
            devices.put(r.device(), module);
        });
        return SerialBackend.emulated(devices);
    }

    /** The emulated module behind radar {@code id}; empty on the Pi's buses or for a radar {@link #serial} was not given. */
    public Optional<Mr24hpc1Emulator> simulatedRadar(String id) {
        return Optional.ofNullable(radars.get(id));
    }

    /**
     * The pendants: BlueZ on the system bus, or emulated ones, which replace any this platform made
     * before. Real, give them a scheduler of their own (D-Bus calls block); emulated, any scheduler.
     */
    public PendantSet pendants(Scheduler scheduler, HealthReporter health) {
        if (!emulated) {
            return Pendants.onSystemBus(scheduler, health);
        }
        pendants = new EmulatedPendants(scheduler, health);
        return pendants;
    }

    /** The emulated pendant {@code id}; empty with BlueZ, or for a pendant not added to {@link #pendants}. */
    public Optional<EmulatedPendant> simulatedPendant(String id) {
        EmulatedPendants emulatedPendants = pendants;
        return emulatedPendants == null ? Optional.empty() : emulatedPendants.pendant(id);
    }
}
