package org.hearth.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sd_notify messages over real unix datagram sockets, as systemd receives them. */
@Tag("medium")
class SystemdNotifierSocketTest {

    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @Test
    void a_socket_file_receives_each_message_as_one_datagram_in_order() throws Exception {
        String path = dir.resolve("notify").toString();
        try (DatagramReceiver systemd = DatagramReceiver.atPath(path)) {
            SystemdNotifier notifier = SystemdNotifier.fromEnvironment(
                    Map.of("NOTIFY_SOCKET", path, "WATCHDOG_USEC", "30000000"), PID);

            notifier.ready();
            notifier.status("Hearth is ready: Flat 12");
            notifier.watchdog();
            notifier.watchdog();
            notifier.stopping();

            assertThat(systemd.receive(5, Duration.ofSeconds(5)))
                    .containsExactly("READY=1", "STATUS=Hearth is ready: Flat 12", "WATCHDOG=1", "WATCHDOG=1", "STOPPING=1");
            assertThat(notifier.watchdogInterval()).contains(Duration.ofSeconds(15));
        }
    }

    @Test
    void an_abstract_socket_receives_the_messages() throws Exception {
        String name = "hearth-test-" + UUID.randomUUID();
        try (DatagramReceiver systemd = DatagramReceiver.abstractName(name)) {
            SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "@" + name), PID);

            notifier.ready();
            notifier.stopping();

            assertThat(systemd.receive(2, Duration.ofSeconds(5))).containsExactly("READY=1", "STOPPING=1");
        }
    }

    @Test
    void socat_an_independent_receiver_gets_the_abstract_socket_message() throws Exception {
        String name = "hearth-socat-" + UUID.randomUUID();
        Path out = dir.resolve("socat.out");
        Process socat;
        try {
            socat = new ProcessBuilder("socat", "-u", "ABSTRACT-RECV:" + name, "STDOUT")
                    .redirectOutput(out.toFile()).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new AssertionError("this test needs socat (install it: scripts/setup test, or apt-get install socat)", e);
        }
        try {
            SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "@" + name), PID);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            // socat binds shortly after it starts; resend until it has heard READY=1.
            while (Files.size(out) == 0 && System.nanoTime() < deadline) {
                notifier.ready();
                Thread.sleep(50);
            }
            assertThat(Files.readString(out, StandardCharsets.UTF_8)).as("socat's output").startsWith("READY=1");
        } finally {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void nobody_listening_is_survived() {
        SystemdNotifier notifier = SystemdNotifier.fromEnvironment(
                Map.of("NOTIFY_SOCKET", dir.resolve("nobody").toString()), PID);

        notifier.ready();
        notifier.watchdog();

        assertThat(notifier.enabled()).isTrue();
    }
}
