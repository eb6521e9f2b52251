package org.hearth.gateway.app.provision;

import static org.hearth.gateway.app.config.SecretsFile.quoted;

import java.time.DayOfWeek;
import java.util.Locale;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.app.config.LadderFile;
import org.hearth.sensors.AccelerometerSpec;
import org.hearth.sensors.ClimateSensorSpec;
import org.hearth.sensors.RadarSpec;
import org.hearth.sensors.SensorSpec;
import org.hearth.time.Durations;

/**
 * A plan as {@code hearth.yaml}, in the layout and with the key names of hearth.example.yaml.
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
        y.append("  label: ").append(quoted(p.label)).append('\n');
        y.append("  language: ").append(p.language).append('\n');
        y.append("  timezone: ").append(quoted(p.zone.getId())).append('\n');
        y.append("  council: ").append(quoted(p.council)).append('\n');
        if (p.binDay != null) {
            y.append("  bin_day: ").append(day(p.binDay)).append('\n');
            y.append("  bin_round: ").append(quoted(p.binRound)).append('\n');
        }
        if (p.library != null) {
            y.append("  library: ").append(quoted(p.library)).append('\n');
        }
        y.append("  quiet_hours: \"").append(p.quietFrom).append('-').append(p.quietTo).append("\"\n\n");

        y.append("storage:\n");
        y.append("  data_dir: ").append(quoted(p.dataDir)).append('\n');
        y.append("  events_retention_days: ").append(p.eventsRetentionDays).append("\n\n");

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
                        .append(", address: ").append(hex(a.address())).append(", rate_hz: ").append(a.rateHz()).append("}\n");
            }
            y.append(p.i2c.climate().isEmpty() ? "  climate: []\n" : "  climate:\n");
            for (ClimateSensorSpec c : p.i2c.climate()) {
                y.append("    - {id: ").append(quoted(c.id())).append(", room: ").append(quoted(c.room()))
                        .append(", chip: ").append(c.chip().configName()).append(", address: ").append(hex(c.address())).append("}\n");
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
        // The BLE pendants (issue 20, section 1) are written here, as a pendants: section.

        HearthConfig.Voice v = p.voice;
        y.append("voice:\n");
        y.append("  enabled: ").append(v.enabled()).append('\n');
        y.append("  models_dir: ").append(quoted(v.modelsDir().toString())).append('\n');
        y.append("  lib_dir: ").append(quoted(v.libDir().toString())).append('\n');
        y.append("  hands_free: ").append(v.handsFree()).append('\n');
        y.append("  speech_rate: ").append(v.speechRate()).append('\n');
        y.append("  end_of_speech: ").append(Durations.format(v.endOfSpeech())).append("\n\n");

        y.append("detection:\n");
        y.append("  kitchen_motion_by: \"").append(p.kitchenMotionBy).append("\"\n");
        y.append("  bathroom_max: ").append(Durations.format(p.bathroomMax)).append('\n');
        y.append("  temperature_low_c: ").append(Checks.plain(p.temperatureLowC)).append('\n');
        y.append("  temperature_high_c: ").append(Checks.plain(p.temperatureHighC)).append("\n\n");

        y.append("alerts:\n");
        y.append("  pre_alarm: ").append(Durations.format(p.preAlarm)).append('\n');
        y.append("  escalation_timeout: ").append(Durations.format(p.escalationTimeout)).append("\n\n");

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
        y.append("  bind: ").append(quoted(p.coap.bind())).append('\n');
        y.append("  port: ").append(p.coap.port()).append('\n');
        y.append("  loopback_port: ").append(p.coap.loopbackPort()).append("\n\n");

        y.append("heartbeat:\n  interval: ").append(Durations.format(p.heartbeat)).append("\n\n");

        if (p.hub != null) {
            y.append("# The care hub this home reports to; its key is in the secrets file.\n");
            LadderFile.hubSection(p.hub.uri(), p.hub.identity()).forEach(line -> y.append(line).append('\n'));
            y.append("  heartbeat: ").append(Durations.format(p.hub.heartbeat())).append("\n\n");
        }

        y.append("secrets_file: ").append(quoted(p.secretsFile)).append('\n');
        return y.toString();
    }

    private static String day(DayOfWeek d) {
        return d.name().toLowerCase(Locale.ROOT);
    }

    private static String hex(int address) {
        return String.format("0x%02X", address);
    }
}
