package org.hearth.gateway.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hearth pair --endpoint} adds a carer to hearth.yaml as one line, or leaves the file alone. */
@Tag("medium")
class LadderFileTest {

    @TempDir
    Path dir;

    @Test
    void a_carer_joins_the_shipped_example_with_every_comment_kept() throws Exception {
        Path example = Path.of(System.getProperty("hearth.project.root"), "config", "hearth.example.yaml");
        Path file = dir.resolve("hearth.yaml");
        Files.writeString(file, Files.readString(example).replace("secrets_file: secrets.example.yaml", "secrets_file: s.yaml"));
        String before = Files.readString(file);

        assertThat(LadderFile.append(file, "  - {name: \"Tom\", level: 1, endpoint: \"coaps://192.0.2.20:5684\"}")).isTrue();

        HearthConfig config = ConfigLoader.loadWithoutSecrets(file);
        assertThat(config.carers()).extracting(HearthConfig.CarerEntry::name).containsExactly("Priya", "Helpline", "Tom");
        String after = Files.readString(file);
        assertThat(after.lines().filter(l -> l.strip().startsWith("#")).toList())
                .containsExactlyElementsOf(before.lines().filter(l -> l.strip().startsWith("#")).toList());
    }

    @Test
    void the_first_carer_joins_an_empty_ladder() throws Exception {
        Path example = Path.of(System.getProperty("hearth.project.root"), "config", "hearth.example.yaml");
        Path file = dir.resolve("hearth.yaml");
        String text = Files.readString(example).replace("secrets_file: secrets.example.yaml", "secrets_file: s.yaml");
        Files.writeString(file, text.replaceFirst("(?m)^carers:\\n(  .*\\n)+", "carers: []\n"));
        assertThatThrownBy(() -> ConfigLoader.loadWithoutSecrets(file)).as("the daemon still refuses an empty ladder")
                .isInstanceOf(ConfigException.class);
        assertThat(ConfigLoader.loadForPairing(file).carers()).as("but pairing may start from one").isEmpty();

        assertThat(LadderFile.append(file, "  - {name: \"Priya\", level: 1, endpoint: \"coaps://192.0.2.20:5684\"}")).isTrue();

        assertThat(ConfigLoader.loadWithoutSecrets(file).carers()).extracting(HearthConfig.CarerEntry::name).containsExactly("Priya");
    }

    @Test
    void a_list_it_cannot_edit_safely_is_left_as_it_was() throws Exception {
        Path file = dir.resolve("hearth.yaml");
        String flow = """
                home: {label: Flat 12}
                carers: [{name: Priya, level: 1, endpoint: "coaps://192.0.2.1:5684"}]
                """;
        Files.writeString(file, flow);
        assertThat(LadderFile.append(file, "  - {name: Tom, level: 1, endpoint: \"coaps://192.0.2.2:5684\"}")).isFalse();
        assertThat(Files.readString(file)).isEqualTo(flow);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
