package org.hearth.gateway.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** docs/config.md is what {@link Settings} generates: a setting added to the table and not to the docs fails here. */
@Tag("small")
class ConfigDocsTest {

    private static final Path DOCS = Path.of(System.getProperty("hearth.project.root"), "docs", "config.md");

    @Test
    void the_committed_docs_are_what_the_table_generates() throws Exception {
        if (Boolean.getBoolean("hearth.writeDocs")) {
            Files.writeString(DOCS, ConfigDocs.markdown());
        }
        assertThat(DOCS).exists();
        assertThat(Files.readString(DOCS))
                .as("docs/config.md is out of date; regenerate it: ./mvnw -B -ntp -o -pl gateway -am verify"
                        + " -Dtest=ConfigDocsTest -Dsurefire.failIfNoSpecifiedTests=false -Dhearth.writeDocs=true")
                .isEqualTo(ConfigDocs.markdown());
    }

    @Test
    void every_value_setting_has_a_row_with_its_default_and_bounds() {
        String md = ConfigDocs.markdown();
        assertThat(md).contains("| `alerts.pre_alarm` | duration | `30s` | 10s to 5m, clamped | How long the resident has");
        assertThat(md).contains("| `detection.temperature_low_c` | number (°C) | `16` | 5 to 22 |");
        assertThat(md).contains("| `secrets.hub.key` | text | required, secret |");
        for (Setting<?> s : Settings.all()) {
            assertThat(md).contains("`" + s.key() + "`");
        }
    }
}
