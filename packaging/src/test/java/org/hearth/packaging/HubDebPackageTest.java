package org.hearth.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipFile;
import org.hearth.hub.config.HubConfig;
import org.hearth.hub.config.HubConfigLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is inside the built hearth-hub .deb, read with dpkg-deb: files, modes, control fields, config and classpath. */
@Tag("medium")
class HubDebPackageTest {

    @TempDir
    static Path tmp;
    private static Path root;
    private static List<String> listing;

    @BeforeAll
    static void unpack() throws Exception {
        root = BuiltPackage.extract(BuiltPackage.hubDeb(), tmp.resolve("root"));
        listing = SystemTool.run(List.of("dpkg-deb", "-c", BuiltPackage.hubDeb().toString()), Duration.ofMinutes(1)).lines();
    }

    private static String field(String name) throws Exception {
        return SystemTool.run(List.of("dpkg-deb", "-f", BuiltPackage.hubDeb().toString(), name), Duration.ofMinutes(1)).output().strip();
    }

    @Test
    void the_control_fields_name_the_java_runtime_and_one_package_serves_every_architecture() throws Exception {
        assertThat(field("Package")).isEqualTo("hearth-hub");
        assertThat(field("Architecture")).isEqualTo("all");
        assertThat(field("Depends")).isEqualTo("openjdk-17-jre-headless | java17-runtime-headless");
        assertThat(BuiltPackage.hubDeb().getFileName().toString()).isEqualTo("hearth-hub_" + field("Version") + "_all.deb");
        assertThat(field("Version")).isEqualTo(SystemTool.run(List.of("dpkg-deb", "-f", BuiltPackage.deb().toString(), "Version"),
                Duration.ofMinutes(1)).output().strip());
    }

    @Test
    void architecture_all_holds_because_the_only_native_code_is_sqlites_library_for_each_architecture() throws Exception {
        try (var jars = Files.list(root.resolve("usr/share/hearth-hub/lib"))) {
            for (Path jar : jars.toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    List<String> natives = zip.stream().map(e -> e.getName())
                            .filter(n -> n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".dylib") || n.endsWith(".jnilib")).toList();
                    if (jar.getFileName().toString().startsWith("sqlite-jdbc-")) {
                        assertThat(natives).contains("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so",
                                "org/sqlite/native/Linux/aarch64/libsqlitejdbc.so", "org/sqlite/native/Linux/armv7/libsqlitejdbc.so");
                    } else {
                        assertThat(natives).as("native code in " + jar.getFileName()).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void the_launcher_is_executable_and_everything_belongs_to_root() {
        assertThat(listing).anyMatch(l -> l.startsWith("-rwxr-xr-x root/root") && l.endsWith(" ./usr/bin/hearth-hub"));
        assertThat(listing).allMatch(l -> l.contains(" root/root "), "owned by root");
        assertThat(listing).filteredOn(l -> l.startsWith("-")).filteredOn(l -> !l.contains("./usr/bin/"))
                .allMatch(l -> l.startsWith("-rw-r--r--"), "data files are 0644");
        assertThat(listing).as("nothing of the gateway's package, so both install side by side")
                .noneMatch(l -> l.matches(".* \\./(etc|usr/share|var/lib|var/cache)/hearth/.*") || l.endsWith("/hearth.service"));
    }

    @Test
    void it_ships_the_systemd_module_files_unchanged() throws Exception {
        Path units = BuiltPackage.projectRoot().resolve("systemd/src/main/systemd");
        assertThat(root.resolve("lib/systemd/system/hearth-hub.service")).hasSameBinaryContentAs(units.resolve("hearth-hub.service"));
        assertThat(root.resolve("usr/lib/sysusers.d/hearth-hub.conf")).hasSameBinaryContentAs(units.resolve("sysusers.d/hearth-hub.conf"));
        assertThat(root.resolve("usr/lib/tmpfiles.d/hearth-hub.conf")).hasSameBinaryContentAs(units.resolve("tmpfiles.d/hearth-hub.conf"));
    }

    @Test
    void the_config_and_jvm_defaults_are_conffiles_and_the_config_is_the_documented_example() throws Exception {
        assertThat(Files.readAllLines(root.resolve("DEBIAN/conffiles")))
                .containsExactlyInAnyOrder("/etc/hearth-hub/hub.yaml", "/etc/default/hearth-hub");
        assertThat(root.resolve("etc/hearth-hub/hub.yaml")).hasSameTextualContentAs(BuiltPackage.projectRoot().resolve("config/hub.example.yaml"));
    }

    @Test
    void the_installed_config_is_a_working_hub_on_sqlite_with_the_documented_ports() throws Exception {
        HubConfig config = HubConfigLoader.load(root.resolve("etc/hearth-hub/hub.yaml"));

        assertThat(config.storage().kind()).isEqualTo(HubConfig.StoreKind.SQLITE);
        assertThat(config.storage().sqliteFile()).isEqualTo(Path.of("/var/lib/hearth-hub/hub.db"));
        assertThat(config.uplink().port()).isEqualTo(5684);
        assertThat(config.http()).hasValueSatisfying(http -> {
            assertThat(http.port()).isEqualTo(8443);
            assertThat(http.tls().isSelfSigned()).isTrue();
        });
    }

    @Test
    void the_classpath_is_complete_with_one_version_of_each_jar() throws Exception {
        String text = Files.readString(root.resolve("usr/share/hearth-hub/hearth-hub.classpath")).strip();
        assertThat(text).startsWith("-cp /usr/share/hearth-hub/lib/");
        List<String> jars = Arrays.stream(text.substring(4).split(":")).map(p -> p.substring("/usr/share/hearth-hub/lib/".length())).toList();

        assertThat(jars).anyMatch(j -> j.startsWith("hearth-hub-")).anyMatch(j -> j.startsWith("sqlite-jdbc-"))
                .anyMatch(j -> j.startsWith("postgresql-")).anyMatch(j -> j.startsWith("logback-classic-"))
                .noneMatch(j -> j.startsWith("hearth-gateway-") || j.startsWith("selenium") || j.startsWith("junit"));
        assertThat(jars.stream().map(j -> j.replaceFirst("-[0-9][^-]*\\.jar$", ""))).as("one version each").doesNotHaveDuplicates();
        try (var files = Files.list(root.resolve("usr/share/hearth-hub/lib"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("every packaged jar is on the classpath")
                    .containsExactlyInAnyOrderElementsOf(jars);
        }
    }

    @Test
    void the_changelog_names_the_packaged_version_and_the_docs_are_there() throws Exception {
        String first;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(root.resolve("usr/share/doc/hearth-hub/changelog.gz")))) {
            first = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        }
        assertThat(first).startsWith("hearth-hub (" + field("Version") + ") ");
        assertThat(root.resolve("usr/share/doc/hearth-hub/copyright")).isRegularFile();
        assertThat(root.resolve("usr/share/doc/hearth-hub/hub-api.md")).isRegularFile();
        assertThat(root.resolve("usr/share/man/man1/hearth-hub.1.gz")).isRegularFile();
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
}
