package org.hearth.gateway.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration the daemon logs at start: every value in effect, and never a key. */
@Tag("small")
class EffectiveConfigTest {

    private static final String CARER_KEY = "5f3a9c0e7b21d4486e0f1a2b3c4d5e6f";
    private static final String HUB_KEY = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

    @TempDir
    Path dir;

    @Test
    void shows_every_value_in_effect_with_the_keys_masked() throws Exception {
        Path examples = Path.of(System.getProperty("hearth.project.root"), "config");
        Path config = dir.resolve("hearth.yaml");
        Files.writeString(config, Files.readString(examples.resolve("hearth.example.yaml"))
                .replace("secrets_file: secrets.example.yaml", "secrets_file: secrets.yaml")
                + "hub: {uri: \"coaps://hub.example.org:5684\", identity: home-h-12}\n");
        PrivateFile.replace(dir.resolve("secrets.yaml"), """
                carers:
                  Priya: {identity: priya-5c1e, key: %s}
                  Helpline: {identity: helpline-77a0, key: %s}
                hub: {key: %s}
                """.formatted(CARER_KEY, CARER_KEY.toUpperCase(Locale.ROOT), HUB_KEY));

        var loaded = ConfigLoader.load(config);
        String shown = loaded.effective().toString();

        for (String key : new String[] {CARER_KEY, HUB_KEY}) {
            assertThat(shown.toLowerCase(Locale.ROOT)).doesNotContain(key).doesNotContain(key.substring(0, 8));
            // nor as the bytes' decimal or Base64 forms a careless toString could print
            byte[] bytes = HexFormat.of().parseHex(key);
            assertThat(shown).doesNotContain(java.util.Arrays.toString(bytes))
                    .doesNotContain(java.util.Base64.getEncoder().encodeToString(bytes));
        }
        assertThat(loaded.effective().lines()).contains(
                "secrets.carers.Priya.key = <masked>",
                "secrets.carers.Helpline.key = <masked>",
                "secrets.hub.key = <masked>",
                "secrets.carers.Priya.identity = priya-5c1e",
                "alerts.pre_alarm = 30s",
                "heartbeat.interval = 1m",
                "detection.temperature_low_c = 16",
                "sensors[0].pin = 17",
                "i2c.climate[0].address = 0x76",
                "hub.heartbeat = 25s",
                "carers[1].endpoint = coaps://192.0.2.99:5684");
        assertThat(shown).startsWith("Configuration in effect:\n  home.label = Flat 12\n");
    }

    @Test
    void a_clamped_duration_shows_the_value_used() throws Exception {
        PrivateFile.replace(dir.resolve("secrets.yaml"), "carers:\n  Priya: {identity: priya-1, key: " + CARER_KEY + "}\n");
        Path config = Files.writeString(dir.resolve("hearth.yaml"), """
                home: {label: Flat 12}
                storage: {data_dir: data}
                gpio: {backend: mock}
                alerts: {pre_alarm: 2s}
                carers:
                  - {name: Priya, level: 1, endpoint: "coaps://192.0.2.1:5684"}
                secrets_file: secrets.yaml
                """);
        assertThat(ConfigLoader.load(config).effective().lines()).contains("alerts.pre_alarm = 10s", "home.language = en",
                "voice.end_of_speech = 700ms");
    }
}
