package org.hearth.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.hearth.hub.store.AccessEntry;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.JdbcHubStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hearth-hub export HOME}: the command, on a real SQLite store, as an administrator runs it. */
@Tag("medium")
class ExportCommandTest {

    @TempDir
    Path dir;

    @Test
    void the_export_goes_to_a_new_private_file_holds_its_own_access_log_line_and_no_key() throws Exception {
        Path config = dir.resolve("hub.yaml");
        Files.writeString(config, "storage:\n  data_dir: " + dir.resolve("data") + "\n");
        Home home;
        byte[] key = "sixteen-bytes-A!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (HubStore store = JdbcHubStore.sqlite(dir.resolve("data/hub.db"))) {
            home = store.addHome("Flat 12", key, Instant.parse("2026-11-28T10:15:30Z"));
            store.logAccess(new AccessEntry(Instant.parse("2026-11-28T10:16:00Z"), "d-1", home.id(), "summary"));
        }
        Path out = dir.resolve("flat12.json");

        assertThat(run("export", home.id(), "--config", config.toString(), "--out", out.toString())).isZero();

        JsonNode doc = new ObjectMapper().readTree(out.toFile());
        assertThat(doc.at("/home/label").asText()).isEqualTo("Flat 12");
        assertThat(doc.path("by").asText()).isEqualTo("hearth-hub export");
        assertThat(doc.path("access_log")).extracting(e -> e.path("what").asText()).containsExactly("summary", "export");
        assertThat(Files.readString(out)).doesNotContain(java.util.HexFormat.of().formatHex(key));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");

        assertThat(run("export", home.id(), "--config", config.toString(), "--out", out.toString())).as("never overwrites").isEqualTo(1);
        Path none = dir.resolve("none.json");
        assertThat(run("export", "nosuchid", "--config", config.toString(), "--out", none.toString())).isEqualTo(1);
        assertThat(none).doesNotExist();
        try (HubStore store = JdbcHubStore.sqlite(dir.resolve("data/hub.db"))) {
            assertThat(store.accessLog(home.id())).extracting(AccessEntry::what).as("a refused export reads nothing")
                    .containsExactly("summary", "export");
        }
    }

    private static int run(String... args) {
        CommandLine cl = HubMain.commandLine();
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }
}
