package org.hearth.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory outside systemd: made private, as tmpfiles.d makes it, and never loosened. */
@Tag("medium")
class SqliteDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void a_missing_data_directory_is_created_0700() {
        Path data = dir.resolve("var/lib/hearth");
        SqliteDatabase.open(data.resolve("hearth.db")).close();

        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("hearth.db"))).isEqualTo("rw-------");
    }

    @Test
    void an_existing_data_directory_keeps_its_mode() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx--x---"));
        SqliteDatabase.open(data.resolve("hearth.db")).close();

        assertThat(mode(data)).isEqualTo("rwx--x---");
    }

    private static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
