package org.hearth.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The /usr/bin launchers, run for real with a stand-in {@code java} that prints the arguments it
 * was given, one per line, and its PID.
 */
@Tag("medium")
class LauncherTest {

    private static final Path BIN = BuiltPackage.projectRoot().resolve("packaging/src/deb/bin");

    @TempDir
    Path dir;
    private Path cache;
    private Path defaults;

    @BeforeEach
    void fakeJava() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"pid=$$\"\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        cache = Files.createDirectories(dir.resolve("cache"));
        defaults = dir.resolve("default-hearth");
    }

    private List<String> launch(String launcher, Map<String, String> extraEnv, String... args) throws Exception {
        return launch(BIN.resolve(launcher), extraEnv, args);
    }

    private List<String> launch(Path script, Map<String, String> extraEnv, String... args) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", dir.resolve("bin") + ":/usr/bin:/bin");
        env.put("HEARTH_DEFAULTS_FILE", defaults.toString());
        env.put("CACHE_DIRECTORY", cache.toString());
        env.put("HEARTH_JAVA_OPTS", "");
        env.put("HEARTH_CARER_JAVA_OPTS", "");
        env.putAll(extraEnv);
        List<String> command = new java.util.ArrayList<>(List.of("sh", script.toString()));
        command.addAll(List.of(args));
        var result = SystemTool.run(command, env, Duration.ofSeconds(30));
        assertThat(result.exit()).as(result.output()).isZero();
        return result.lines();
    }

    @Test
    void hearth_runs_a_small_jvm_with_native_libraries_in_the_service_cache() throws Exception {
        List<String> args = launch("hearth", Map.of(), "run", "--config", "/etc/hearth/hearth.yaml");

        int main = args.indexOf("org.hearth.gateway.app.Hearth");
        assertThat(main).as(args.toString()).isPositive();
        assertThat(args.subList(1, main)).contains("-Xmx96m", "-Xss512k", "-XX:+UseSerialGC",
                "-Dorg.sqlite.tmpdir=" + cache, "-Djna.tmpdir=" + cache, "-Dhearth.carer.command=/usr/bin/hearth-carer",
                "@/usr/share/hearth/hearth.classpath");
        assertThat(args.subList(main + 1, args.size())).containsExactly("run", "--config", "/etc/hearth/hearth.yaml");
    }

    @Test
    void the_defaults_file_overrides_the_built_in_options_and_the_environment_overrides_both() throws Exception {
        Files.writeString(defaults, "HEARTH_JAVA_OPTS=\"-Xmx200m -XX:+UseSerialGC\"\n");

        assertThat(launch("hearth", Map.of(), "--version")).contains("-Xmx200m").doesNotContain("-Xmx96m");
        assertThat(launch("hearth", Map.of("HEARTH_JAVA_OPTS", "-Xmx150m"), "--version"))
                .contains("-Xmx150m").doesNotContain("-Xmx200m", "-Xmx96m");
    }

    @Test
    void arguments_with_spaces_reach_the_program_intact() throws Exception {
        List<String> args = launch("hearth", Map.of(), "demo", "--label", "Flat 12");

        assertThat(args).endsWith("demo", "--label", "Flat 12");
    }

    @Test
    void without_a_writable_cache_the_jvm_chooses_its_own_temporary_folder() throws Exception {
        List<String> args = launch("hearth", Map.of("CACHE_DIRECTORY", dir.resolve("missing").toString()), "--version");

        assertThat(args).noneMatch(a -> a.startsWith("-Dorg.sqlite.tmpdir") || a.startsWith("-Djna.tmpdir"));
    }

    @Test
    void the_launcher_becomes_the_jvm_so_systemd_sees_one_main_process() throws Exception {
        Path pidFile = dir.resolve("pid");
        Path wrapper = dir.resolve("wrapper.sh");
        // The wrapper records its own PID, then execs the launcher: the stand-in java must report the same PID.
        Files.writeString(wrapper, "echo $$ > " + pidFile + "\nexec sh " + BIN.resolve("hearth") + " --version\n");

        List<String> args = launch(wrapper, Map.of());

        assertThat(args.get(0)).isEqualTo("pid=" + Files.readString(pidFile).strip());
    }

    @Test
    void hearth_carer_runs_its_own_classpath_with_a_smaller_heap() throws Exception {
        List<String> args = launch("hearth-carer", Map.of(), "listen", "--name", "Priya");

        int main = args.indexOf("org.hearth.carer.cli.CarerMain");
        assertThat(args.subList(1, main)).contains("-Xmx64m", "-XX:+UseSerialGC", "@/usr/share/hearth/hearth-carer.classpath");
        assertThat(args.subList(main + 1, args.size())).containsExactly("listen", "--name", "Priya");
    }

    @Test
    void a_start_up_archive_in_the_service_cache_is_used_when_readable() throws Exception {
        assertThat(launch("hearth", Map.of(), "--version")).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));

        Files.writeString(cache.resolve("hearth.jsa"), "archive");
        List<String> args = launch("hearth", Map.of(), "run");
        assertThat(args.subList(1, args.indexOf("org.hearth.gateway.app.Hearth")))
                .contains("-XX:SharedArchiveFile=" + cache.resolve("hearth.jsa"), "-Xmx96m");
    }

    @Test
    void postinst_builds_the_archive_through_the_launcher_with_the_same_options() throws Exception {
        Files.writeString(defaults, "HEARTH_JAVA_OPTS=\"-Xmx80m -XX:+UseSerialGC\"\n");
        List<String> args = launch("hearth", Map.of(), "--build-start-up-archive", "/var/cache/hearth/hearth.jsa.new");

        assertThat(args).contains("-Xmx80m", "-XX:+UseSerialGC", "-Xshare:dump",
                "-XX:SharedClassListFile=/usr/share/hearth/hearth.classlist",
                "-XX:SharedArchiveFile=/var/cache/hearth/hearth.jsa.new", "@/usr/share/hearth/hearth.classpath");
        assertThat(args).as("dumping runs no program").doesNotContain("org.hearth.gateway.app.Hearth");
    }

    /**
     * The hub's launcher run as a user that is neither root nor hearth-hub (nobody, through setpriv; the tests run as
     * root, and as root the launcher would become hearth-hub, which CleanDebianRootTest covers in a real root).
     */
    private SystemTool.Result launchHubAsNobody(String... args) throws Exception {
        for (Path p : List.of(dir, dir.resolve("bin"), cache)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        Path launcher = dir.resolve("hearth-hub");
        Files.copy(BIN.getParent().getParent().resolve("deb-hub/bin/hearth-hub"), launcher, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new java.util.ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "env", "PATH=" + dir.resolve("bin") + ":/usr/bin:/bin", "HEARTH_HUB_DEFAULTS_FILE=" + defaults,
                "CACHE_DIRECTORY=" + cache, "HEARTH_HUB_JAVA_OPTS=", "sh", launcher.toString()));
        command.addAll(List.of(args));
        return SystemTool.run(command, Duration.ofSeconds(30));
    }

    @Test
    void hearth_hub_run_by_another_user_explains_that_it_needs_sudo_and_runs_nothing() throws Exception {
        var result = launchHubAsNobody("homes", "add", "--label", "Flat 12");

        assertThat(result.exit()).as(result.output()).isEqualTo(4);
        assertThat(result.output()).contains("the hub's files belong to the hearth-hub user", "sudo hearth-hub homes")
                .doesNotContain("org.hearth.hub.HubMain");
    }

    @Test
    void hearth_hub_help_version_and_an_own_config_work_for_any_user_with_the_hubs_jvm_options() throws Exception {
        for (List<String> args : List.of(List.of("--version"), List.of("homes", "--help"),
                List.of("status", "--config", "/home/someone/hub.yaml"))) {
            var result = launchHubAsNobody(args.toArray(String[]::new));
            assertThat(result.exit()).as(result.output()).isZero();
            List<String> lines = result.lines();
            int main = lines.indexOf("org.hearth.hub.HubMain");
            assertThat(main).as(result.output()).isPositive();
            assertThat(lines.subList(1, main)).contains("-Xss512k", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                    "-Dorg.sqlite.tmpdir=" + cache, "@/usr/share/hearth-hub/hearth-hub.classpath");
            assertThat(lines.subList(main + 1, lines.size())).isEqualTo(args);
        }
    }

    @Test
    void hearth_hub_takes_its_jvm_options_from_its_own_defaults_file() throws Exception {
        Files.writeString(defaults, "HEARTH_HUB_JAVA_OPTS=\"-Xmx2g -XX:+UseSerialGC\"\n");
        Files.setPosixFilePermissions(defaults, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(launchHubAsNobody("--version").lines()).contains("-Xmx2g").doesNotContain("-Xss512k");
    }
}
