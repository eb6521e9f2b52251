package org.hearth.gateway.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HexFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secrets file as {@code hearth pair} writes it: mode 0600, other carers kept, names of any shape. */
@Tag("medium")
class SecretsFileTest {

    private static final byte[] K1 = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
    private static final byte[] K2 = HexFormat.of().parseHex("ffeeddccbbaa99887766554433221100");

    @TempDir
    Path dir;

    @Test
    void pairing_creates_the_file_private_and_keeps_the_other_carers() throws Exception {
        Path file = dir.resolve("etc/secrets.yaml");
        SecretsFile.put(file, "Priya", new Secrets.CarerKey("priya-1", K1));
        SecretsFile.put(file, "Tom \"the\" Carer: 2", new Secrets.CarerKey("tom-2", K2));

        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        Secrets read = ConfigLoader.loadSecrets(file);
        assertThat(read.forCarer("Priya")).contains(new Secrets.CarerKey("priya-1", K1));
        assertThat(read.forCarer("Tom \"the\" Carer: 2")).contains(new Secrets.CarerKey("tom-2", K2));

        SecretsFile.put(file, "Priya", new Secrets.CarerKey("priya-3", K2));
        assertThat(ConfigLoader.loadSecrets(file).forCarer("Priya")).contains(new Secrets.CarerKey("priya-3", K2));
        assertThat(ConfigLoader.loadSecrets(file).carers()).hasSize(2);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void revoking_removes_one_carer_and_says_when_there_was_none() throws Exception {
        Path file = dir.resolve("secrets.yaml");
        SecretsFile.put(file, "Priya", new Secrets.CarerKey("priya-1", K1));
        SecretsFile.put(file, "Tom", new Secrets.CarerKey("tom-2", K2));

        assertThat(SecretsFile.remove(file, "Priya")).isTrue();
        assertThat(SecretsFile.remove(file, "Priya")).isFalse();
        assertThat(ConfigLoader.loadSecrets(file).carers()).containsOnlyKeys("Tom");
        assertThat(Files.readString(file)).doesNotContain("00112233");
        assertThat(SecretsFile.remove(file, "Tom")).isTrue();
        assertThat(ConfigLoader.loadSecrets(file).carers()).isEmpty();
    }

    @Test
    void a_broken_secrets_file_is_left_alone_and_reported_without_its_keys() throws Exception {
        Path file = dir.resolve("secrets.yaml");
        String broken = "carers:\n  Priya: {identity: p, key: 00112233445566778899aabbccddee}\n";
        Files.writeString(file, broken);
        assertThatThrownBy(() -> SecretsFile.put(file, "Tom", new Secrets.CarerKey("tom-2", K2)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .containsExactly("secrets.carers.Priya.key: must be 16 bytes (32 hex digits), was 15 bytes"));
        assertThat(Files.readString(file)).isEqualTo(broken);
    }

    /**
     * {@code sudo hearth pair} once left the file root's, which the daemon (user hearth) could not
     * read. Whoever runs it, every write keeps the file's owner and group; this test runs as root,
     * as CI does, and gives the file to nobody:nogroup (65534), as an installed one is hearth's.
     */
    @Test
    void every_write_keeps_the_owner_and_group_of_the_file_and_mode_0600() throws Exception {
        Path file = dir.resolve("secrets.yaml");
        SecretsFile.put(file, "Priya", new Secrets.CarerKey("priya-1", K1));
        Files.setAttribute(file, "unix:uid", 65534);
        Files.setAttribute(file, "unix:gid", 65534);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        SecretsFile.put(file, "Tom", new Secrets.CarerKey("tom-2", K2));
        assertOwnedByNobodyAndPrivate(file);
        assertThat(SecretsFile.remove(file, "Priya")).isTrue();
        assertOwnedByNobodyAndPrivate(file);
        assertThat(ConfigLoader.loadSecrets(file).carers()).containsOnlyKeys("Tom");
        try (var left = Files.list(dir)) {
            assertThat(left).as("no temporary file is left behind").containsExactly(file);
        }
    }

    private static void assertOwnedByNobodyAndPrivate(Path file) throws Exception {
        assertThat(Files.getAttribute(file, "unix:uid")).as("owner").isEqualTo(65534);
        assertThat(Files.getAttribute(file, "unix:gid")).as("group").isEqualTo(65534);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
}
