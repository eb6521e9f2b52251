package org.hearth.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unit, sysusers.d and tmpfiles.d files, checked by systemd's own tools (offline: nothing is installed). */
@Tag("medium")
class UnitFilesTest {

    static final Path UNITS = Path.of("src/main/systemd");
    private static final Path UNIT = UNITS.resolve("hearth.service");
    private static final Path HUB_UNIT = UNITS.resolve("hearth-hub.service");

    @TempDir
    Path root;

    @Test
    void the_unit_scores_an_exposure_of_two_or_less() throws Exception {
        String output = securityReport(UNIT);

        assertThat(output).as("devices the unit grants").containsPattern("DeviceAllow=.*char-alsa:rw.*char-i2c:rw char-gpiochip:rw")
                .contains("char-ttyAMA:rw").contains("char-ttyS:rw").contains("char-ttyUSB:rw");
    }

    @Test
    void the_hub_unit_scores_an_exposure_of_two_or_less_and_holds_no_capability() throws Exception {
        String output = securityReport(HUB_UNIT);

        assertThat(output).as("no device but the pseudo ones").containsPattern("✓ PrivateDevices=");
        assertThat(output).as("its ports (5684, 8443) need no CAP_NET_BIND_SERVICE").containsPattern("✓ CapabilityBoundingSet=~CAP_NET_");
    }

    /** {@code systemd-analyze security}'s report on {@code unit}, checked to score 2.0 or less. */
    private static String securityReport(Path unit) throws Exception {
        var result = SystemTool.run(List.of("systemd-analyze", "security", "--offline=true", "--no-pager",
                unit.toAbsolutePath().toString()));

        Matcher m = Pattern.compile("Overall exposure level for " + Pattern.quote(unit.getFileName().toString()) + ": (\\d+\\.\\d+)")
                .matcher(result.output());
        assertThat(m.find()).as("an exposure line in:%n%s", result.output()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).as(result.output()).isLessThanOrEqualTo(2.0);
        return result.output();
    }

    @Test
    void the_hub_unit_restarts_on_failure_but_not_on_a_bad_config_and_logs_to_the_journal() throws Exception {
        List<String> lines = Files.readAllLines(HUB_UNIT).stream().map(String::strip)
                .filter(l -> !l.startsWith("#") && !l.isEmpty()).toList();

        assertThat(lines).noneMatch(l -> l.startsWith("MemoryDenyWriteExecute") || l.startsWith("StandardOutput")
                || l.startsWith("StandardError"));
        assertThat(lines).contains("Restart=on-failure", "RestartPreventExitStatus=2", "SuccessExitStatus=143", "User=hearth-hub",
                "StateDirectory=hearth-hub", "StateDirectoryMode=0700", "ConfigurationDirectory=hearth-hub",
                "AmbientCapabilities=", "ExecStart=/usr/bin/hearth-hub run --config /etc/hearth-hub/hub.yaml");
    }

    @Test
    void the_unit_keeps_the_jit_working_and_speaks_sd_notify_with_a_watchdog() throws Exception {
        List<String> lines = Files.readAllLines(UNIT).stream().map(String::strip)
                .filter(l -> !l.startsWith("#") && !l.isEmpty()).toList();

        assertThat(lines).noneMatch(l -> l.startsWith("MemoryDenyWriteExecute"));
        assertThat(lines).contains("Type=notify", "WatchdogSec=30", "Restart=on-failure", "SuccessExitStatus=143",
                "User=hearth", "StateDirectory=hearth", "ConfigurationDirectory=hearth", "DevicePolicy=closed",
                "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6", "ExecStart=/usr/bin/hearth run --config /etc/hearth/hearth.yaml");
    }

    /**
     * A BLE pendant is BlueZ's, reached over the system D-Bus socket: the sandbox must keep AF_UNIX
     * and leave /run/dbus visible, and must not require the bluetooth group, which exists only once
     * bluez is installed (a unit naming a missing group does not start).
     */
    @Test
    void the_unit_lets_the_daemon_reach_bluez_on_the_system_bus() throws Exception {
        List<String> lines = Files.readAllLines(UNIT).stream().map(String::strip)
                .filter(l -> !l.startsWith("#") && !l.isEmpty()).toList();

        assertThat(lines).filteredOn(l -> l.startsWith("RestrictAddressFamilies=")).singleElement().asString()
                .contains("AF_UNIX").doesNotStartWith("RestrictAddressFamilies=~");
        assertThat(lines).noneMatch(l -> (l.startsWith("InaccessiblePaths=") || l.startsWith("TemporaryFileSystem="))
                && (l.contains("/run") || l.contains("/var/run")));
        assertThat(lines).noneMatch(l -> l.startsWith("SupplementaryGroups=") || l.startsWith("PrivateUsers=")
                || l.startsWith("PrivateDevices=yes"));
    }

    @Test
    void systemd_analyze_verify_finds_no_problem_in_the_unit() throws Exception {
        verify(UNIT, "hearth");
    }

    @Test
    void systemd_analyze_verify_finds_no_problem_in_the_hub_unit() throws Exception {
        verify(HUB_UNIT, "hearth-hub");
    }

    private void verify(Path unit, String command) throws Exception {
        // verify loads the unit's dependencies and checks ExecStart exists, so give it a root with
        // this machine's stock units and a stand-in /usr/bin/hearth, rather than installing anything.
        Path units = Files.createDirectories(root.resolve("lib/systemd/system"));
        Path stock = Path.of("/lib/systemd/system");
        assertThat(stock).as("systemd's own units (apt-get install systemd)").isDirectory();
        try (Stream<Path> files = Files.list(stock)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".target")).toList()) {
                Files.copy(f, units.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Files.copy(unit, units.resolve(unit.getFileName()));
        Path launcher = Files.createDirectories(root.resolve("usr/bin")).resolve(command);
        Files.writeString(launcher, "#!/bin/sh\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));

        var result = SystemTool.run(List.of("systemd-analyze", "verify", "--man=no", "--root=" + root, unit.getFileName().toString()));

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).as("systemd-analyze verify's complaints").doesNotContain(unit.getFileName().toString());
    }

    @Test
    void sysusers_creates_a_system_user_without_a_login_shell() throws Exception {
        systemUser("hearth");
    }

    @Test
    void sysusers_creates_the_hubs_own_system_user_without_a_login_shell() throws Exception {
        systemUser("hearth-hub");
    }

    /** Creates {@code name} from its sysusers.d file, checks it and returns its uid. */
    private int systemUser(String name) throws Exception {
        Files.createDirectories(root.resolve("etc"));

        var result = SystemTool.run(List.of("systemd-sysusers", "--root=" + root,
                UNITS.resolve("sysusers.d/" + name + ".conf").toAbsolutePath().toString()));

        assertThat(result.exit()).as(result.output()).isZero();
        String user = Files.readAllLines(root.resolve("etc/passwd")).stream().filter(l -> l.startsWith(name + ":"))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " user in " + root.resolve("etc/passwd")));
        String[] fields = user.split(":");
        assertThat(Integer.parseInt(fields[2])).as("a system uid").isBetween(1, 999);
        assertThat(fields[5]).isEqualTo("/var/lib/" + name);
        assertThat(fields[6]).endsWith("nologin");
        return Integer.parseInt(fields[2]);
    }

    @Test
    void tmpfiles_makes_the_hubs_directories_private() throws Exception {
        int uid = systemUser("hearth-hub");

        var result = SystemTool.run(List.of("systemd-tmpfiles", "--root=" + root, "--create",
                UNITS.resolve("tmpfiles.d/hearth-hub.conf").toAbsolutePath().toString()));

        assertThat(result.exit()).as("systemd-tmpfiles (chown needs root, as CI runs): %s", result.output()).isZero();
        for (Path p : List.of(root.resolve("var/lib/hearth-hub"), root.resolve("var/cache/hearth-hub"))) {
            assertThat(Files.getAttribute(p, "unix:uid")).as("owner of " + p).isEqualTo(uid);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString()).isEqualTo("rwx------");
        }
    }

    @Test
    void tmpfiles_makes_private_directories_and_locks_down_the_secrets() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        SystemTool.run(List.of("systemd-sysusers", "--root=" + root,
                UNITS.resolve("sysusers.d/hearth.conf").toAbsolutePath().toString()));
        Path secrets = Files.createDirectories(root.resolve("etc/hearth")).resolve("secrets.yaml");
        Files.writeString(secrets, "carers: {}\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-r--r--"));

        var result = SystemTool.run(List.of("systemd-tmpfiles", "--root=" + root, "--create",
                UNITS.resolve("tmpfiles.d/hearth.conf").toAbsolutePath().toString()));

        assertThat(result.exit()).as("systemd-tmpfiles (chown needs root, as CI runs): %s", result.output()).isZero();
        int uid = Integer.parseInt(Files.readAllLines(root.resolve("etc/passwd")).stream().filter(l -> l.startsWith("hearth:"))
                .findFirst().orElseThrow().split(":")[2]);
        for (Path p : List.of(root.resolve("var/lib/hearth"), root.resolve("var/cache/hearth"), secrets)) {
            assertThat(Files.getAttribute(p, "unix:uid")).as("owner of " + p).isEqualTo(uid);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("var/lib/hearth")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("var/cache/hearth")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
    }
}
