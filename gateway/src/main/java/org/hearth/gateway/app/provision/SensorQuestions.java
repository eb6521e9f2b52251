package org.hearth.gateway.app.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.app.config.Settings;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.SensorKind;
import org.hearth.sensors.SensorSpec;

/**
 * Section 4 of the wizard: the list of sensors, which the installer adds to and removes from. A
 * sensor on a GPIO pin is asked for here; the others (I2C, radar, pendant) are handed to {@link
 * DeviceQuestions}, which checks that they answer.
 */
final class SensorQuestions {

    private static final List<SensorKind> USUAL_ORDER = List.of(SensorKind.PULL_CORD, SensorKind.PIR, SensorKind.CONTACT,
            SensorKind.HELP_BUTTON, SensorKind.CANCEL_BUTTON, SensorKind.PRESSURE_MAT, SensorKind.TALK_BUTTON,
            SensorKind.FALL_OUTPUT);

    private final Asking asking;
    private final HomePlan plan;
    private final DeviceQuestions devices;

    SensorQuestions(Asking asking, HomePlan plan, DeviceQuestions devices) {
        this.asking = asking;
        this.plan = plan;
        this.devices = devices;
    }

    String summary() {
        return "Sensors: " + (plan.sensorCount() == 0 ? "none" : String.join("; ", listed()));
    }

    void ask() {
        asking.say("4. Sensors");
        while (true) {
            List<String> listed = listed();
            if (listed.isEmpty()) {
                asking.say("  No sensors yet.");
            }
            for (int i = 0; i < listed.size(); i++) {
                asking.say("    " + (i + 1) + " " + listed.get(i));
            }
            String a = asking.ask("Type 'add' to add a sensor, a number to remove that sensor, or 'done'.",
                    listed.isEmpty() ? "add" : "done", t -> Asking.listCommand(t, listed.size()));
            if (a.equals("done")) {
                return;
            }
            if (a.equals("add")) {
                add();
            } else {
                asking.say("  Removed the " + remove(Integer.parseInt(a) - 1) + ".");
            }
        }
    }

    /** Every sensor in words, in the order section 4 numbers them: on pins, on I2C, radars, pendants. */
    private List<String> listed() {
        List<String> out = new ArrayList<>();
        plan.sensors.forEach(s -> out.add(plain(s)));
        plan.i2c.accelerometers().forEach(a -> out.add(Fitting.Device.ACCELEROMETER.plain() + " in the " + a.room() + ", address "
                + Checks.hex(a.address()) + " (" + a.id() + ")"));
        plan.i2c.climate().forEach(c -> out.add(Fitting.Device.of(c.chip()).plain()
                + " in the " + c.room() + ", address " + Checks.hex(c.address()) + " (" + c.id() + ")"));
        plan.radars.forEach(r -> out.add(Fitting.Device.RADAR.plain() + " in the " + r.room() + ", on " + r.device() + " (" + r.id() + ")"));
        plan.pendants.forEach(d -> out.add(Fitting.Device.PENDANT.plain() + " " + d.address() + " (" + d.id() + ")"));
        return out;
    }

    /** Removes the sensor numbered {@code i} (from 0) in {@link #listed()}; returns its words. */
    private String remove(int i) {
        String words = listed().get(i);
        if (i < plan.sensors.size()) {
            plan.sensors.remove(i);
            return words;
        }
        i -= plan.sensors.size();
        List<AccelerometerSpec> accels = new ArrayList<>(plan.i2c.accelerometers());
        List<ClimateSensorSpec> climate = new ArrayList<>(plan.i2c.climate());
        if (i < accels.size()) {
            accels.remove(i);
        } else if (i - accels.size() < climate.size()) {
            climate.remove(i - accels.size());
        } else if (i - accels.size() - climate.size() < plan.radars.size()) {
            plan.radars.remove(i - accels.size() - climate.size());
        } else {
            plan.pendants.remove(i - accels.size() - climate.size() - plan.radars.size());
        }
        plan.i2c = new HearthConfig.I2c(accels, climate);
        return words;
    }

    private void add() {
        List<Fitting> menu = Fitting.menu();
        for (int i = 0; i < menu.size(); i++) {
            asking.say("    " + (i + 1) + " " + Fitting.plain(menu.get(i)));
        }
        SensorKind usual = USUAL_ORDER.stream().filter(k -> plan.sensors.stream().noneMatch(s -> s.kind() == k)).findFirst()
                .orElse(SensorKind.PIR);
        Fitting choice = asking.ask("What kind of sensor is it? Type its number.", Integer.toString(usual.ordinal() + 1),
                Checks::fitting);
        if (choice instanceof Fitting.Pin p) {
            addOnPin(p.kind());
        } else {
            devices.add((Fitting.Device) choice);
        }
    }

    private void addOnPin(SensorKind kind) {
        List<Integer> free = Checks.freePins(plan, null);
        if (free.isEmpty()) {
            asking.say("  Every pin is in use; remove a sensor first.");
            return;
        }
        String name = SensorKinds.plain(kind);
        String room = asking.ask("Which room is the " + name + " in?", SensorKinds.usualRoom(kind), Checks::room);
        int suggested = free.contains(SensorKinds.suggestedPin(kind)) ? SensorKinds.suggestedPin(kind) : free.get(0);
        asking.say("  Free pins (BCM numbers): " + free.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (plan.usesI2c() ? " (2 and 3 are the I2C bus)" : "")
                + (plan.usesHeaderUart() ? " (14 and 15 are the radar's serial port)" : "") + ".");
        int pin = asking.ask("Which pin is the " + name + " wired to?", Integer.toString(suggested), t -> Checks.pin(t, plan, null));
        SensorSpec s = new SensorSpec(plan.uniqueId(SensorKinds.id(kind, room)), room, kind, pin, SensorKinds.pull(kind),
                SensorKinds.activeLow(kind), Settings.SENSOR_DEBOUNCE.defaultValue(), SensorKinds.maxSilence(kind));
        plan.sensors.add(s);
        asking.say("  Added the " + plain(s) + ".");
    }

    static String plain(SensorSpec s) {
        return SensorKinds.plain(s.kind()) + " in the " + s.room() + ", pin " + s.pin() + " (" + s.id() + ")";
    }
}
