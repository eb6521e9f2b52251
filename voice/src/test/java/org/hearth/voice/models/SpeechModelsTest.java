package org.hearth.voice.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("small")
class SpeechModelsTest {

    @TempDir
    Path dir;

    @Test
    void an_installed_model_wins_over_the_built_one() throws IOException {
        Path installed = model(dir.resolve("models/en"));
        model(dir.resolve("target/model-en"));

        assertThat(new SpeechModels(Optional.of(dir.resolve("target"))).locate(dir.resolve("models"), "en"))
                .isEqualTo(installed);
    }

    @Test
    void with_nothing_installed_a_checkout_uses_the_model_its_build_unpacked() throws IOException {
        Path built = model(dir.resolve("target/model-en"));

        assertThat(new SpeechModels(Optional.of(dir.resolve("target"))).locate(dir.resolve("models"), "en"))
                .isEqualTo(built);
    }

    @Test
    void an_installed_system_looks_only_where_models_are_installed() throws IOException {
        model(dir.resolve("target/model-en"));

        assertThat(new SpeechModels(Optional.empty()).locate(dir.resolve("models"), "en"))
                .isEqualTo(dir.resolve("models/en"));
        assertThat(new SpeechModels(Optional.empty()).jvmFlag()).isEmpty();
    }

    @Test
    void a_built_folder_without_that_language_falls_back_to_the_installed_path() throws IOException {
        model(dir.resolve("target/model-en"));

        assertThat(new SpeechModels(Optional.of(dir.resolve("target"))).locate(dir.resolve("models"), "hi"))
                .isEqualTo(dir.resolve("models/hi"));
    }

    @Test
    void the_missing_message_names_the_command_that_fixes_it() {
        assertThat(SpeechModels.missing(dir.resolve("models/en"), "en"))
                .contains(dir.resolve("models/en").toString())
                .contains("`hearth models install --lang en`");
        assertThat(SpeechModels.missing(dir.resolve("models/hi"), "hi"))
                .contains("`hearth models install --lang hi --from ZIP|URL --sha256 HEX`");
    }

    @Test
    void a_child_process_gets_the_same_built_models() {
        assertThat(new SpeechModels(Optional.of(Path.of("/src/hearth/voice/target"))).jvmFlag())
                .contains("-Dhearth.built.models=/src/hearth/voice/target");
    }

    private static Path model(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("am"));
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("am/final.mdl"), "");
        return dir;
    }
}
