package org.hearth.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.GZIPInputStream;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.sensors.gpio.GpioBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is inside the built amd64 .deb, read with dpkg-deb: files, modes, control fields, config and classpaths.
 * {@link ArchitecturePackagesTest} checks that the arm64 one differs only in its architecture and native libraries.
 */
@Tag("medium")
class DebPackageTest {

    @TempDir
    static Path tmp;
    private static Path root;
    private static List<String> listing;

    @BeforeAll
    static void unpack() throws Exception {
        root = BuiltPackage.extract(tmp.resolve("root"));
        listing = SystemTool.run(List.of("dpkg-deb", "-c", BuiltPackage.deb().toString()), Duration.ofMinutes(1)).lines();
    }

    private static String field(String name) throws Exception {
        var r = SystemTool.run(List.of("dpkg-deb", "-f", BuiltPackage.deb().toString(), name), Duration.ofMinutes(1));
        return r.output().strip();
    }

    @Test
    void the_control_fields_name_the_java_runtime_and_espeak() throws Exception {
        assertThat(BuiltPackage.deb().getFileName().toString()).matches("hearth_[0-9][^_]*_amd64\\.deb");
        assertThat(field("Package")).isEqualTo("hearth");
        assertThat(field("Architecture")).isEqualTo("amd64");
        assertThat(field("Depends")).isEqualTo("openjdk-17-jre-headless | java17-runtime-headless, espeak-ng");
        assertThat(field("Recommends")).isEqualTo("alsa-utils");
        assertThat(field("Suggests")).as("BlueZ, for a BLE pendant").isEqualTo("bluez");
        assertThat(BuiltPackage.deb().getFileName().toString()).isEqualTo("hearth_" + field("Version") + "_amd64.deb");
    }

    @Test
    void launchers_are_executable_and_everything_belongs_to_root() {
        assertThat(listing).anyMatch(l -> l.startsWith("-rwxr-xr-x root/root") && l.endsWith(" ./usr/bin/hearth"));
        assertThat(listing).anyMatch(l -> l.startsWith("-rwxr-xr-x root/root") && l.endsWith(" ./usr/bin/hearth-carer"));
        assertThat(listing).allMatch(l -> l.contains(" root/root "), "owned by root");
        assertThat(listing).filteredOn(l -> l.startsWith("-")).filteredOn(l -> !l.contains("./usr/bin/"))
                .allMatch(l -> l.startsWith("-rw-r--r--"), "data files are 0644");
    }

    @Test
    void it_ships_the_systemd_module_files_unchanged() throws Exception {
        Path units = BuiltPackage.projectRoot().resolve("systemd/src/main/systemd");
        assertThat(root.resolve("lib/systemd/system/hearth.service")).hasSameBinaryContentAs(units.resolve("hearth.service"));
        assertThat(root.resolve("usr/lib/sysusers.d/hearth.conf")).hasSameBinaryContentAs(units.resolve("sysusers.d/hearth.conf"));
        assertThat(root.resolve("usr/lib/tmpfiles.d/hearth.conf")).hasSameBinaryContentAs(units.resolve("tmpfiles.d/hearth.conf"));
    }

    @Test
    void the_config_and_jvm_defaults_are_conffiles() throws Exception {
        assertThat(Files.readAllLines(root.resolve("DEBIAN/conffiles")))
                .containsExactlyInAnyOrder("/etc/hearth/hearth.yaml", "/etc/default/hearth");
    }

    @Test
    void the_installed_config_is_the_documented_example_reading_the_installed_secrets() throws Exception {
        List<String> example = Files.readAllLines(BuiltPackage.projectRoot().resolve("config/hearth.example.yaml"));
        List<String> installed = Files.readAllLines(root.resolve("etc/hearth/hearth.yaml"));

        assertThat(installed).contains("secrets_file: secrets.yaml", "  backend: gpiod");
        assertThat(installed).hasSameSizeAs(example);
        for (int i = 0; i < example.size(); i++) {
            if (!example.get(i).startsWith("secrets_file:")) {
                assertThat(installed.get(i)).as("line %d", i + 1).isEqualTo(example.get(i));
            }
        }
    }

    @Test
    void the_installed_config_is_valid_once_the_carers_are_paired() throws Exception {
        Path etc = root.resolve("etc/hearth");
        Files.copy(BuiltPackage.projectRoot().resolve("config/secrets.example.yaml"), etc.resolve("secrets.yaml"));
        // 0600, as tmpfiles.d makes it on an installed system: Hearth refuses a secrets file others may read.
        Files.setPosixFilePermissions(etc.resolve("secrets.yaml"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

        var loaded = ConfigLoader.load(etc.resolve("hearth.yaml"));

        assertThat(loaded.config().gpio()).isEqualTo(GpioBackend.GPIOD);
        assertThat(loaded.config().secretsFile()).isEqualTo(etc.resolve("secrets.yaml"));
        assertThat(loaded.config().storage().database().toString()).startsWith("/var/lib/hearth/");
    }

    @Test
    void each_command_has_a_complete_classpath_of_packaged_jars_with_one_version_each() throws Exception {
        List<String> gateway = classpath("hearth.classpath");
        List<String> carer = classpath("hearth-carer.classpath");

        assertThat(gateway).anyMatch(j -> j.startsWith("hearth-gateway-")).anyMatch(j -> j.startsWith("hearth-systemd-"))
                .anyMatch(j -> j.startsWith("jna-")).noneMatch(j -> j.startsWith("hearth-carer-"));
        // hearth-carer is the command line on the carer library: both jars, and no gateway.
        assertThat(carer).anyMatch(j -> j.startsWith("hearth-carer-cli-")).anyMatch(j -> j.matches("hearth-carer-[0-9].*"))
                .noneMatch(j -> j.startsWith("hearth-gateway-"));
        for (List<String> jars : List.of(gateway, carer)) {
            Map<String, String> byArtifact = new HashMap<>();
            for (String jar : jars) {
                assertThat(root.resolve("usr/share/hearth/lib").resolve(jar)).as("packaged jar").isRegularFile();
                String artifact = jar.replaceFirst("-[0-9][^-]*\\.jar$", "");
                assertThat(byArtifact.put(artifact, jar)).as("two versions of " + artifact + " (a stale target/lib? mvn clean)")
                        .isNull();
            }
        }
        try (var files = Files.list(root.resolve("usr/share/hearth/lib"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(j -> !gateway.contains(j) && !carer.contains(j)))
                    .as("jars no command uses").isEmpty();
        }
    }

    @Test
    void no_packaged_jar_holds_the_benchmarks_evaluations_or_test_clips() throws Exception {
        List<String> shipped = new ArrayList<>();
        try (var jars = Files.list(root.resolve("usr/share/hearth/lib"))) {
            for (Path jar : jars.toList()) {
                assertThat(jar.getFileName().toString()).as("the tools module and test-jars are not shipped")
                        .doesNotStartWith("hearth-tools-").doesNotEndWith("-tests.jar");
                try (JarFile file = new JarFile(jar.toFile())) {
                    file.stream().map(JarEntry::getName).filter(n -> n.startsWith("org/hearth/"))
                            .filter(n -> n.matches(".*/(bench|eval|tools|testkit)/.*")).forEach(shipped::add);
                }
            }
        }
        assertThat(shipped).as("hearth bench and hearth eval live in the tools module, not in the package").isEmpty();
    }

    private static List<String> classpath(String argfile) throws IOException {
        String text = Files.readString(root.resolve("usr/share/hearth").resolve(argfile)).strip();
        assertThat(text).startsWith("-cp /usr/share/hearth/lib/");
        return Arrays.stream(text.substring(4).split(":")).map(p -> p.substring("/usr/share/hearth/lib/".length())).toList();
    }

    @Test
    void the_changelog_names_the_packaged_version_and_the_docs_are_there() throws Exception {
        String first;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(root.resolve("usr/share/doc/hearth/changelog.gz")))) {
            first = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        }
        assertThat(first).startsWith("hearth (" + field("Version") + ") ");
        assertThat(root.resolve("usr/share/doc/hearth/copyright")).isRegularFile();
        assertThat(root.resolve("usr/share/man/man1/hearth.1.gz")).isRegularFile();
        assertThat(root.resolve("usr/share/man/man1/hearth-carer.1.gz")).isRegularFile();
    }

    @Test
    void the_maintainer_scripts_are_valid_posix_shell() throws Exception {
        for (String script : List.of("postinst", "prerm", "postrm")) {
            Path file = root.resolve("DEBIAN").resolve(script);
            assertThat(Files.isExecutable(file)).as(script + " is executable").isTrue();
            var check = SystemTool.run(List.of("sh", "-n", file.toString()), Duration.ofSeconds(30));
            assertThat(check.exit()).as(script + ": " + check.output()).isZero();
        }
    }

    @Test
    void it_ships_the_class_list_of_a_real_daemon_run_and_rebuilds_the_archive_when_the_jdk_changes() throws Exception {
        List<String> classes = Files.readAllLines(root.resolve("usr/share/hearth/hearth.classlist"));
        assertThat(classes).as("classes a simulated home's daemon loaded")
                .contains("org/hearth/gateway/app/daemon/Daemon", "org/hearth/gateway/domain/AlertMachine", "org/sqlite/JDBC")
                .hasSizeGreaterThan(2000);
        assertThat(Files.readAllLines(root.resolve("DEBIAN/triggers"))).containsExactly("interest-noawait /usr/lib/jvm");
        assertThat(Files.readString(root.resolve("DEBIAN/postinst"))).contains("triggered)");
    }
}
