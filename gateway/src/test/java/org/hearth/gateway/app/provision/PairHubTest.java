package org.hearth.gateway.app.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.gateway.app.Hearth;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.protocol.HubPairingCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hearth pair --hub CODE} links a home to a care hub with the code {@code hearth-hub homes add} printed. */
@Tag("medium")
class PairHubTest {

    private static final byte[] KEY = new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};

    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void home() throws Exception {
        Path example = Path.of(System.getProperty("hearth.project.root"), "config", "hearth.example.yaml");
        config = dir.resolve("hearth.yaml");
        Files.writeString(config, Files.readString(example).replace("secrets_file: secrets.example.yaml", "secrets_file: secrets.yaml"));
        Files.copy(example.resolveSibling("secrets.example.yaml"), dir.resolve("secrets.yaml"));
    }

    private int pair(String text) {
        return Hearth.commandLine().execute("pair", "--hub", text, "--config", config.toString());
    }

    private static String code(String hub, String identity) {
        return new HubPairingCode(URI.create(hub), "Flat 12", identity, KEY).text();
    }

    @Test
    void the_code_links_the_home_and_it_then_loads_with_the_hub_and_its_key() throws Exception {
        String before = Files.readString(config);

        assertThat(pair(code("coaps://hub.example.org:5684", "home-k3x9q2mf"))).isZero();

        HearthConfig loaded = ConfigLoader.load(config).config();
        assertThat(loaded.hubUplink()).hasValueSatisfying(hub -> {
            assertThat(hub.uri()).isEqualTo(URI.create("coaps://hub.example.org:5684"));
            assertThat(hub.identity()).isEqualTo("home-k3x9q2mf");
        });
        assertThat(ConfigLoader.loadSecrets(loaded.secretsFile()).hubKey()).hasValueSatisfying(k -> assertThat(k.key()).isEqualTo(KEY));
        assertThat(Files.readString(config)).as("every setting and comment kept").startsWith(before);
        assertThat(pair(code("coaps://hub.example.org:5684", "home-k3x9q2mf"))).as("the same code again").isZero();
    }

    @Test
    void a_home_linked_to_another_hub_is_left_as_it_is() throws Exception {
        assertThat(pair(code("coaps://hub.example.org:5684", "home-k3x9q2mf"))).isZero();
        String linked = Files.readString(config);
        String secrets = Files.readString(dir.resolve("secrets.yaml"));

        assertThat(pair(code("coaps://other.example.org:5684", "home-zzzzzzzz"))).isEqualTo(Hearth.EXIT_INVALID);

        assertThat(Files.readString(config)).isEqualTo(linked);
        assertThat(Files.readString(dir.resolve("secrets.yaml"))).isEqualTo(secrets);
    }

    @Test
    void text_that_is_not_a_hub_code_changes_nothing() throws Exception {
        String before = Files.readString(config);

        assertThat(pair("hearth:pair?v=1&gateway=coaps://192.0.2.1:5684")).isEqualTo(Hearth.EXIT_INVALID);
        assertThat(pair("hearth:hub?v=1&hub=coaps://hub.example.org:5684&label=x&identity=home-a&key=00")).isEqualTo(Hearth.EXIT_INVALID);

        assertThat(Files.readString(config)).isEqualTo(before);
    }
}
