package org.hearth.gateway.app.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.gateway.app.Hearth;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.app.config.HearthConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hearth pair --carer … --endpoint …} pairs the first carer of a home whose ladder is still empty. */
@Tag("medium")
class PairFirstCarerTest {

    @TempDir
    Path dir;

    @Test
    void the_first_carer_is_paired_and_the_home_then_loads_with_their_key() throws Exception {
        Path example = Path.of(System.getProperty("hearth.project.root"), "config", "hearth.example.yaml");
        Path config = dir.resolve("hearth.yaml");
        Files.writeString(config, Files.readString(example).replace("secrets_file: secrets.example.yaml", "secrets_file: secrets.yaml")
                .replaceFirst("(?m)^carers:\\n(  .*\\n)+", "carers: []\n"));

        int exit = Hearth.commandLine().execute("pair", "--carer", "Priya", "--endpoint", "coaps://192.0.2.10:5684",
                "--gateway", "coaps://192.0.2.1:5684", "--config", config.toString());

        assertThat(exit).isZero();
        HearthConfig loaded = ConfigLoader.load(config).config();
        assertThat(loaded.carers()).extracting(HearthConfig.CarerEntry::name).containsExactly("Priya");
        assertThat(ConfigLoader.loadSecrets(loaded.secretsFile()).forCarer("Priya")).isPresent();
    }
}
