package org.hearth.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package installs with apt into a fresh minimal Debian bookworm root (debootstrap into a
 * folder; nothing of this machine changes), and the service's own command starts there: as the
 * hearth user, with the service's cache directory, it reaches READY=1 on a real notify socket,
 * pings the watchdog, sends a TEST alert over DTLS to {@code hearth-carer} running in the same
 * root, which acknowledges it, and stops in order on SIGTERM. Then remove keeps the data and purge
 * erases it.
 *
 * <p>In the same root (its Java runtime already installed, so this adds seconds, not minutes), the
 * care hub's package: {@code hearth-hub run} started by root through the launcher runs as the
 * hearth-hub user, listens on UDP and HTTPS, serves the web app, adds a home, enrols a carer's
 * device with a real invite, stops on SIGTERM, and remove and purge behave as the gateway's do.
 *
 * <p>The same again in an arm64 root with the arm64 package, every program run by qemu-user-static:
 * the architecture of a Raspberry Pi, proving that the package's Java, sqlite-jdbc's and Scandium's
 * code, the aarch64 natives left in its jars, and the launcher's JVM flags work on an arm64 JVM.
 * Emulation proves correctness, not speed.
 *
 * <p>The first run on a machine debootstraps and downloads from the Debian mirror (about 7
 * minutes natively); later runs reuse the cache in ~/.cache/hearth-debootstrap.
 */
@Tag("large")
class CleanDebianRootTest {

    @TempDir
    Path work;

    @Test
    void apt_installs_the_packages_and_the_service_commands_start_and_stop_cleanly() throws Exception {
        List<String> lines = installAndRun(SystemTool.run(List.of("dpkg", "--print-architecture"), Duration.ofMinutes(1)).output().strip(),
                true);
        assertHub(lines);
    }

    @Test
    void on_an_arm64_root_under_emulation_the_same_holds() throws Exception {
        SystemTool.require("qemu-aarch64-static");
        List<String> lines = installAndRun("arm64", false);
        assertThat(lines).as("the root really is arm64").contains("machine: aarch64");
    }

    /** Runs the gateway's package in a fresh root, then, with {@code hub}, the hub's; returns what the script printed. */
    private List<String> installAndRun(String arch, boolean hub) throws Exception {
        SystemTool.require("debootstrap");
        SystemTool.require("socat");
        Path deb = BuiltPackage.deb(arch);
        String version = SystemTool.run(List.of("dpkg-deb", "-f", deb.toString(), "Version"),
                Duration.ofMinutes(1)).output().strip();
        Path script = BuiltPackage.projectRoot().resolve("packaging/src/test/sh/install-in-clean-root.sh");

        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString(), deb.toString(),
                cacheDir().toString(), work.resolve(arch).toString(), Integer.toString(freeUdpPort()), Integer.toString(freeUdpPort()),
                Integer.toString(freeUdpPort()), arch));
        if (hub) {
            command.addAll(List.of(BuiltPackage.hubDeb().toString(), Integer.toString(freeUdpPort()), Integer.toString(freeTcpPort())));
        }
        var result = SystemTool.run(command, Duration.ofMinutes(25));
        String out = result.output();
        List<String> lines = result.lines();
        lines.stream().filter(l -> l.startsWith("ready after ms: ") || l.startsWith("hub ready after ms: ") || l.startsWith("hub section took s: "))
                .forEach(l -> System.out.println(arch + " " + l));

        assertThat(result.exit()).as(out).isZero();
        assertThat(lines).as(out).contains(
                "hearth " + version,
                "dirs: /var/lib/hearth hearth 700 /var/cache/hearth hearth 700 ",
                "enabled: /lib/systemd/system/hearth.service",
                "conffile: 1",
                "archive: hearth 600",
                "archive mapped: yes",
                "verify: ok",
                "main process: java",
                "exit: 143",
                "database: hearth 600");
        assertThat(lines).as(out).anyMatch(l -> l.startsWith("hearth-carer "));
        assertThat(lines).as("the postinst put hearth in the audio group; %s", out)
                .anyMatch(l -> l.startsWith("user: ") && l.contains("(audio)"));
        assertThat(lines).as("SQLite unpacked its library into the service's cache; %s", out)
                .anyMatch(l -> l.startsWith("native: ") && l.contains("libsqlitejdbc.so"));

        assertThat(lines).as("remove keeps the resident's data, keys and config; %s", out).contains(
                "after remove: /etc/hearth/hearth.yaml /etc/hearth/secrets.yaml /var/lib/hearth/hearth.db ");
        assertThat(lines).as("purge erases them; %s", out).anyMatch(l -> l.startsWith("after purge: ")
                && l.contains("'/var/lib/hearth': No such file") && l.contains("'/var/cache/hearth': No such file")
                && l.contains("'/etc/hearth': No such file"));

        List<String> log = section(lines, "== daemon log", "== notify");
        assertThat(log).as(out).anyMatch(l -> l.contains("Hearth is ready")).anyMatch(l -> l.contains("Hearth stopped"));
        assertThat(log).as(out).noneMatch(l -> l.startsWith("ERROR") || l.contains("Exception"));

        List<String> notify = section(lines, "== notify", null).stream().filter(l -> !l.isBlank()).toList();
        assertThat(notify).as(out).first().isEqualTo("READY=1");
        assertThat(notify).as(out).anyMatch(l -> l.startsWith("STATUS=Serving Flat 9"));
        assertThat(notify).as(out).last().isEqualTo("STOPPING=1");
        assertThat(notify.stream().filter("WATCHDOG=1"::equals).count()).as("watchdog pings every second for 3 s; %s", out)
                .isGreaterThanOrEqualTo(2);

        assertThat(section(lines, "== alert", "== remove and purge")).as(out)
                .contains("PASS: every carer received the test alert and acknowledged it.");
        assertThat(section(lines, "== carer log", "== daemon log")).as(out)
                .anyMatch(l -> l.startsWith("TEST ALERT")).anyMatch(l -> l.startsWith("ACKNOWLEDGED"));
        return lines;
    }

    private static void assertHub(List<String> lines) throws Exception {
        String out = String.join("\n", lines);
        String version = SystemTool.run(List.of("dpkg-deb", "-f", BuiltPackage.hubDeb().toString(), "Version"), Duration.ofMinutes(1))
                .output().strip();
        List<String> hub = section(lines, "== hub", "== carer log");
        assertThat(hub).as(out).contains(
                "hearth-hub " + version,
                "hub dirs: /var/lib/hearth-hub hearth-hub 700 /var/cache/hearth-hub hearth-hub 700 ",
                "hub enabled: /lib/systemd/system/hearth-hub.service",
                "hub verify: ok",
                "hub config lines changed: 4",
                "hub process: hearth-hub java",
                "hub udp listener: hearth-hub",
                "hub tcp listener: hearth-hub",
                "hub web app: HTTP/1.1 200 OK",
                "hub api without a device: HTTP/1.1 401 Unauthorized",
                "hub enrol: HTTP/1.1 201 Created",
                "hub files: /var/lib/hearth-hub/hub.db hearth-hub /var/lib/hearth-hub/https.p12 hearth-hub ",
                "hub exit: 143",
                "hub after remove: /etc/hearth-hub/hub.yaml /var/lib/hearth-hub/hub.db ");
        assertThat(hub).as("the self-signed certificate names localhost and 127.0.0.1; %s", out)
                .anyMatch(l -> l.startsWith("hub certificate: ") && l.contains("DNS:localhost") && l.contains("IP Address:127.0.0.1"));
        assertThat(hub).as("the enrolled device sees the home it was invited to; %s", out)
                .anyMatch(l -> l.startsWith("hub enrol answer: ") && l.contains("\"carer\":\"Priya\"") && l.contains("\"label\":\"Flat 12\""));
        assertThat(hub).as(out).anyMatch(l -> l.startsWith("hub: homes=1 silent=0 never_heard=1 "));
        assertThat(hub).as("SQLite unpacked its library into the hub's cache; %s", out)
                .anyMatch(l -> l.startsWith("hub native: ") && l.contains("libsqlitejdbc.so"));
        assertThat(hub).as("purge erases the hub's data, cache and config; %s", out).anyMatch(l -> l.startsWith("hub after purge: ")
                && l.contains("'/var/lib/hearth-hub': No such file") && l.contains("'/var/cache/hearth-hub': No such file")
                && l.contains("'/etc/hearth-hub': No such file"));
        List<String> log = section(lines, "== hub log", "== carer log");
        assertThat(log).as(out).anyMatch(l -> l.contains("Hub started")).anyMatch(l -> l.contains("Hub stopped"));
        assertThat(log).as(out).noneMatch(l -> l.startsWith("ERROR") || l.startsWith("WARN") || l.contains("Exception"));
    }

    private static List<String> section(List<String> lines, String start, String end) {
        int from = lines.indexOf(start);
        int to = end == null ? lines.size() : lines.indexOf(end);
        assertThat(from).as("section " + start + " in the output").isNotNegative();
        assertThat(to).as("section " + end + " in the output").isGreaterThan(from);
        return lines.subList(from + 1, to);
    }

    private static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("hearth-debootstrap");
    }

    private static int freeTcpPort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
