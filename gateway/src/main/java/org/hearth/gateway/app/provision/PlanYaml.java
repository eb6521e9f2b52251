package org.hearth.gateway.app.provision;

import static org.hearth.gateway.app.config.SecretsFile.quoted;
import static org.hearth.gateway.app.config.Settings.*;

import java.time.DayOfWeek;
import java.util.Locale;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.app.config.LadderFile;
import org.hearth.gateway.app.config.Setting;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.PendantSpec;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.SensorSpec;
import org.hearth.time.Durations;

/**
 * A plan as {@code hearth.yaml}, in the layout of hearth.example.yaml, with the key names of {@link org.hearth.gateway.app.config.Settings}.
 * Every text value is double-quoted, so a label or room with a colon or a quote stays one value.
 */
final class PlanYaml {

    private PlanYaml() {
    }

    static String render(HomePlan p) {
        StringBuilder y = new StringBuilder();
        y.append("""
                # Hearth configuration, written by `hearth provision`. To change it, run `sudo hearth provision`
                # again: it starts from these values. config/hearth.example.yaml explains every setting.

                """);
        y.append("home:\n");
        y.append(key(HOME_LABEL)).append(quoted(p.label)).append('\n');
        if (p.secondLanguage == null) {
            y.append(key(HOME_LANGUAGE)).append(p.language).append('\n');
        } else {
            y.append(key(HOME_LANGUAGES)).append(p.languages()).append('\n');
        }
        y.append(key(HOME_TIMEZONE)).append(quoted(p.zone.getId())).append('\n');
        if (p.household.residents() > 1 || !p.household.names().isEmpty()) {
            y.append(key(HOME_RESIDENTS)).append(p.household.residents()).append('\n');
        }
        if (!p.household.names().isEmpty()) {
            y.append(key(HOME_RESIDENT_NAMES)).append(quoted(String.join(", ", p.household.names()))).append('\n');
        }
        y.append(key(HOME_COUNCIL)).append(quoted(p.council)).append('\n');
        if (p.binDay != null) {
            y.append(key(HOME_BIN_DAY)).append(day(p.binDay)).append('\n');
            y.append(key(HOME_BIN_ROUND)).append(quoted(p.binRound)).append('\n');
        }
        if (p.library != null) {
            y.append(key(HOME_LIBRARY)).append(quoted(p.library)).append('\n');
        }
        y.append(key(HOME_QUIET_HOURS)).append(quoted(p.quietFrom + "-" + p.quietTo)).append("\n\n");

        y.append("storage:\n");
        y.append(key(STORAGE_DATA_DIR)).append(quoted(p.dataDir)).append('\n');
        y.append(key(STORAGE_EVENTS_RETENTION_DAYS)).append(p.eventsRetentionDays).append("\n\n");

        y.append("gpio:\n  backend: ").append(p.gpioBackend).append("\n\n");

        y.append("# Pins use BCM numbering.\n");
        y.append(p.sensors.isEmpty() ? "sensors: []\n" : "sensors:\n");
        for (SensorSpec s : p.sensors) {
            y.append("  - {id: ").append(quoted(s.id())).append(", room: ").append(quoted(s.room()))
                    .append(", kind: ").append(s.kind().configName()).append(", pin: ").append(s.pin())
                    // quoted: YAML 1.1 reads a bare off as false
                    .append(", pull: ").append(quoted(s.pull().name().toLowerCase(Locale.ROOT)))
                    .append(", active_low: ").append(s.activeLow())
                    .append(", debounce: ").append(Durations.format(s.debounce()))
                    .append(", max_silence: ").append(Durations.format(s.maxSilence())).append("}\n");
        }
        y.append('\n');

        if (!p.i2c.isEmpty()) {
            y.append("i2c:\n  bus: ").append(p.i2cBus).append('\n');
            y.append(p.i2c.accelerometers().isEmpty() ? "  accelerometers: []\n" : "  accelerometers:\n");
            for (AccelerometerSpec a : p.i2c.accelerometers()) {
                y.append("    - {id: ").append(quoted(a.id())).append(", room: ").append(quoted(a.room()))
                        .append(", address: ").append(Checks.hex(a.address())).append(", rate_hz: ").append(a.rateHz())
                        .append(wearer(p, a.id(), ACCEL_RESIDENT)).append("}\n");
            }
            y.append(p.i2c.climate().isEmpty() ? "  climate: []\n" : "  climate:\n");
            for (ClimateSensorSpec c : p.i2c.climate()) {
                y.append("    - {id: ").append(quoted(c.id())).append(", room: ").append(quoted(c.room()))
                        .append(", chip: ").append(c.chip().configName()).append(", address: ").append(Checks.hex(c.address())).append("}\n");
            }
            y.append('\n');
        }

        if (!p.radars.isEmpty()) {
            y.append("# Presence radars (Seeed MR24HPC1) on serial ports; see docs/sensors.md.\n");
            y.append("radars:\n");
            for (RadarSpec r : p.radars) {
                y.append("  - {id: ").append(quoted(r.id())).append(", room: ").append(quoted(r.room()))
                        .append(", device: ").append(quoted(r.device())).append(", baud: ").append(r.baud())
                        .append(", max_silence: ").append(Durations.format(r.maxSilence())).append("}\n");
            }
            y.append('\n');
        }
        if (!p.pendants.isEmpty()) {
            y.append("# Worn fall pendants over Bluetooth Low Energy, paired with BlueZ; see docs/sensors.md.\n");
            y.append(PENDANTS.name()).append(":\n");
            for (PendantSpec d : p.pendants) {
                y.append("  - {").append(PENDANT_ID.name()).append(": ").append(quoted(d.id()))
                        .append(", ").append(PENDANT_ROOM.name()).append(": ").append(quoted(d.room()))
                        .append(", ").append(PENDANT_ADDRESS.name()).append(": ").append(quoted(d.address()))
                        .append(", ").append(PENDANT_PROFILE.name()).append(": ").append(d.profile())
                        .append(", ").append(PENDANT_ADAPTER.name()).append(": ").append(d.adapter())
                        .append(", ").append(PENDANT_MAX_SILENCE.name()).append(": ").append(Durations.format(d.maxSilence()))
                        .append(", ").append(PENDANT_RECONNECT_EVERY.name()).append(": ").append(Durations.format(d.reconnectEvery()))
                        .append(", ").append(PENDANT_BATTERY_LOW.name()).append(": ").append(d.batteryLowPercent())
                        .append(", ").append(PENDANT_NOT_WORN_AFTER.name()).append(": ").append(Durations.format(d.notWornAfter()))
                        .append(wearer(p, d.id(), PENDANT_RESIDENT))
                        .append("}\n");
            }
            y.append('\n');
        }

        HearthConfig.Voice v = p.voice;
        y.append("voice:\n");
        y.append(key(VOICE_ENABLED)).append(v.enabled()).append('\n');
        y.append(key(VOICE_MODELS_DIR)).append(quoted(v.modelsDir().toString())).append('\n');
        y.append(key(VOICE_LIB_DIR)).append(quoted(v.libDir().toString())).append('\n');
        y.append(key(VOICE_HANDS_FREE)).append(v.handsFree()).append('\n');
        y.append(key(VOICE_SPEECH_RATE)).append(v.speechRate()).append('\n');
        y.append(key(VOICE_END_OF_SPEECH)).append(Durations.format(v.endOfSpeech())).append("\n\n");

        y.append("detection:\n");
        y.append(key(DETECTION_KITCHEN_MOTION_BY)).append(quoted(p.kitchenMotionBy.toString())).append('\n');
        y.append(key(DETECTION_BATHROOM_MAX)).append(Durations.format(p.bathroomMax)).append('\n');
        y.append(key(DETECTION_TEMPERATURE_LOW)).append(Checks.plain(p.temperatureLowC)).append('\n');
        y.append(key(DETECTION_TEMPERATURE_HIGH)).append(Checks.plain(p.temperatureHighC)).append("\n\n");

        y.append("alerts:\n");
        y.append(key(ALERTS_PRE_ALARM)).append(Durations.format(p.preAlarm)).append('\n');
        y.append(key(ALERTS_ESCALATION_TIMEOUT)).append(Durations.format(p.escalationTimeout)).append("\n\n");

        y.append("# The escalation ladder: level 1 is told first. Keys are in the secrets file.\n");
        y.append(p.hasCarers() ? "carers:\n" : "carers: []\n");
        for (HomePlan.Carer c : p.carers) {
            y.append("  - {name: ").append(quoted(c.name())).append(", level: ").append(c.level())
                    .append(", endpoint: ").append(quoted(c.endpoint().toString())).append("}\n");
        }
        for (HearthConfig.CarerEntry c : p.hubCarers) {
            y.append("  - {name: ").append(quoted(c.name())).append(", level: ").append(c.level()).append(", via: hub}\n");
        }
        y.append('\n');

        y.append("coap:\n");
        y.append(key(COAP_BIND)).append(quoted(p.coap.bind())).append('\n');
        y.append(key(COAP_PORT)).append(p.coap.port()).append('\n');
        y.append(key(COAP_LOOPBACK_PORT)).append(p.coap.loopbackPort()).append("\n\n");

        y.append("heartbeat:\n  interval: ").append(Durations.format(p.heartbeat)).append("\n\n");

        if (p.hub != null) {
            y.append("# The care hub this home reports to; its key is in the secrets file.\n");
            LadderFile.hubSection(p.hub.uri(), p.hub.identity()).forEach(line -> y.append(line).append('\n'));
            y.append(key(HUB_HEARTBEAT)).append(Durations.format(p.hub.heartbeat())).append("\n\n");
        }

        y.append(SECRETS_FILE.name()).append(": ").append(quoted(p.secretsFile)).append('\n');
        return y.toString();
    }

    /** "  pre_alarm: ": a setting's line in its section, under the table's name. */
    private static String key(Setting<?> s) {
        return "  " + s.name() + ": ";
    }

    private static String day(DayOfWeek d) {
        return d.name().toLowerCase(Locale.ROOT);
    }

    /** {@code , resident: "Dad"} for a wearable assigned to a resident, else nothing. */
    private static String wearer(HomePlan p, String sensorId, Setting<String> key) {
        String name = p.household.wearers().get(sensorId);
        return name == null ? "" : ", " + key.name() + ": " + quoted(name);
    }
}
