package org.hearth.gateway.app.provision;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.ClimateChip;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.ble.PendantPairing;

/**
 * The sensors of section 4 that are not on a pin: an accelerometer or temperature sensor on the
 * I2C bus, a presence radar on a serial port, each asked whether it answers through {@link
 * HardwareCheck} before it is added; and the fall pendant, found by a Bluetooth scan and paired.
 */
final class DeviceQuestions {

    private final Asking asking;
    private final HomePlan plan;
    private final HardwareCheck hardware;

    DeviceQuestions(Asking asking, HomePlan plan, HardwareCheck hardware) {
        this.asking = asking;
        this.plan = plan;
        this.hardware = hardware;
    }

    /**
     * A sensor on the I2C bus or a serial port: its room and address (or port), then a check that
     * it answers, through the daemon's own driver. One that does not answer is added only if the
     * installer says so (it is then OFFLINE until it answers, and retried every minute).
     */
    void add(Fitting.Device device) {
        if (device.onI2c()) {
            Optional<String> taken = Checks.i2cPinsTaken(plan);
            if (taken.isPresent()) {
                asking.say("  Sorry: " + taken.get() + ".");
                return;
            }
        }
        String room = asking.ask("Which room is the " + device.plain() + " in?", device.usualRoom(), Checks::room);
        switch (device) {
            case ACCELEROMETER -> {
                int address = asking.ask("Which address is it at? 0x53 with its SDO pin to GND, 0x1D with SDO to 3.3 V.",
                        freeAddress(AccelerometerSpec.ADDRESSES), t -> Checks.i2cAddress(t, AccelerometerSpec.ADDRESSES, plan));
                AccelerometerSpec spec = plan.accelerometer(plan.uniqueId(SensorKinds.id("accel", room)), room, address);
                if (answers(device, () -> hardware.accelerometer(spec))) {
                    plan.add(spec);
                }
            }
            case BME280, SHT31 -> {
                ClimateChip chip = device.chip();
                int address = asking.ask("Which address is it at? " + Checks.hex(chip.addresses().get(0))
                        + " with its address pin to GND, " + Checks.hex(chip.addresses().get(1)) + " with it to 3.3 V.",
                        freeAddress(chip.addresses()), t -> Checks.i2cAddress(t, chip.addresses(), plan));
                ClimateSensorSpec spec = plan.climate(plan.uniqueId(SensorKinds.id("climate", room)), room, chip, address);
                if (answers(device, () -> hardware.climate(spec))) {
                    plan.add(spec);
                }
            }
            case RADAR -> {
                String port = asking.ask("Which serial port is it on? /dev/serial0 is the Pi's own pins (BCM 14 and 15); "
                        + "a USB adapter is /dev/ttyUSB0.", plan.radars.isEmpty() ? "/dev/serial0" : "/dev/ttyUSB0",
                        t -> Checks.serialDevice(t, plan.radars));
                Optional<String> taken = Checks.uartPinsTaken(plan, port);
                if (taken.isPresent()) {
                    asking.say("  Sorry: " + taken.get() + ", or use a USB adapter (/dev/ttyUSB0).");
                    return;
                }
                RadarSpec spec = RadarSpec.standard(plan.uniqueId(SensorKinds.id("radar", room)), room, port);
                if (answers(device, () -> hardware.radar(spec))) {
                    plan.radars.add(spec);
                }
            }
            case PENDANT -> addPendant(room);
        }
    }

    /**
     * The pendant: a BlueZ scan lists the pendants nearby, the installer picks the resident's (the
     * one held nearest the Pi comes first), and it is paired and trusted before it is added. With
     * no Bluetooth (no bus, no bluetoothd, no adapter), or nothing found, the installer may look again.
     */
    private void addPendant(String room) {
        String adapter = PendantSpec.DEFAULT_ADAPTER;
        String profile = PendantSpec.PROFILES.get(0);
        while (true) {
            asking.say("  Switch the pendant on and hold it near the Pi. Looking for pendants for "
                    + hardware.scanWords() + "...");
            Checked<List<PendantPairing.Found>> nearby = hardware.pendantsNearby(adapter, profile);
            List<PendantPairing.Found> found = !nearby.isOk() ? List.of() : nearby.value().stream()
                    .filter(f -> plan.pendants.stream().noneMatch(p -> p.address().equals(f.address()))).toList();
            if (!found.isEmpty()) {
                for (int i = 0; i < found.size(); i++) {
                    PendantPairing.Found f = found.get(i);
                    asking.say("    " + (i + 1) + " " + f.name() + " " + f.address() + (f.rssi() == null ? "" : ", signal " + f.rssi()
                            + " dBm") + (f.paired() ? ", paired already" : ""));
                }
                String a = asking.ask("Which one is the resident's pendant? Type its number, or 'drop'.", "1",
                        t -> Asking.pick(t, found.size()));
                if (a.equals("drop")) {
                    asking.say("  The " + Fitting.Device.PENDANT.plain() + " was not added.");
                    return;
                }
                String address = found.get(Integer.parseInt(a) - 1).address();
                asking.say("  Pairing with " + address + "...");
                Optional<String> problem = hardware.pair(adapter, address);
                if (problem.isEmpty()) {
                    PendantSpec spec = PendantSpec.thingy52(plan.uniqueId("pendant"), room, address);
                    plan.pendants.add(spec);
                    asking.say("  Paired and trusted. Added the " + Fitting.Device.PENDANT.plain() + " " + address + " (" + spec.id() + ").");
                    return;
                }
                asking.say("  It could not be paired: " + problem.get() + ".");
            } else {
                asking.say(nearby.isOk() ? "  No pendant was found. Is it switched on (its light blinks) and within a few metres?"
                        : "  Bluetooth cannot be used: " + nearby.problem() + ".");
            }
            if (asking.choice("Type 'again' to look again, or 'drop'.", "again", List.of("again", "drop")).equals("drop")) {
                asking.say("  The " + Fitting.Device.PENDANT.plain() + " was not added.");
                return;
            }
        }
    }

    /**
     * Checks that the device answers; true when it should be added: it answered, or the installer
     * chose to keep it anyway.
     */
    private boolean answers(Fitting.Device device, Supplier<Optional<String>> check) {
        while (true) {
            asking.say("  Checking that the " + device.plain() + " answers...");
            Optional<String> problem = check.get();
            if (problem.isEmpty()) {
                asking.say("  It answers. Added the " + device.plain() + ".");
                return true;
            }
            asking.say("  It does not answer: " + problem.get() + ".");
            String a = asking.choice("Type 'again' to check again once it is fixed, 'keep' to add it anyway (it shows as OFFLINE until it"
                    + " answers), or 'drop'.", "again", List.of("again", "keep", "drop"));
            if (!a.equals("again")) {
                asking.say(a.equals("keep") ? "  Added the " + device.plain() + "; it shows as OFFLINE until it answers."
                        : "  The " + device.plain() + " was not added.");
                return a.equals("keep");
            }
        }
    }

    /** The first of a chip's addresses no other I2C sensor uses. */
    private String freeAddress(List<Integer> addresses) {
        return Checks.hex(addresses.stream().filter(a -> Checks.i2cAddress(Checks.hex(a), addresses, plan).isOk()).findFirst()
                .orElse(addresses.get(0)));
    }
}
