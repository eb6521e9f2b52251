package org.hearth.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class SystemdNotifierTest {

    private static final long PID = 4242;

    @Test
    void outside_systemd_every_call_does_nothing() {
        SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("WATCHDOG_USEC", "30000000"), PID);

        assertThat(notifier.enabled()).isFalse();
        assertThat(notifier.watchdogInterval()).isEmpty();
        notifier.ready();
        notifier.watchdog();
        notifier.status("up");
        notifier.stopping();
    }

    @Test
    void a_malformed_notify_socket_is_ignored_rather_than_fatal() {
        SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "run/notify"), PID);

        assertThat(notifier.enabled()).isFalse();
        notifier.ready();
    }

    @Test
    void the_watchdog_is_pinged_at_half_its_timeout() {
        var env = Map.of("NOTIFY_SOCKET", "/run/systemd/notify", "WATCHDOG_USEC", "30000000");

        assertThat(SystemdNotifier.fromEnvironment(env, PID).watchdogInterval()).contains(Duration.ofSeconds(15));
    }

    @Test
    void the_watchdog_belongs_to_the_process_systemd_named() {
        var ours = Map.of("NOTIFY_SOCKET", "/n", "WATCHDOG_USEC", "1000000", "WATCHDOG_PID", Long.toString(PID));
        var parents = Map.of("NOTIFY_SOCKET", "/n", "WATCHDOG_USEC", "1000000", "WATCHDOG_PID", "1");

        assertThat(SystemdNotifier.fromEnvironment(ours, PID).watchdogInterval()).contains(Duration.ofMillis(500));
        assertThat(SystemdNotifier.fromEnvironment(parents, PID).watchdogInterval()).isEmpty();
    }

    @Test
    void a_garbled_watchdog_timeout_means_no_watchdog() {
        assertThat(SystemdNotifier.watchdogInterval(Map.of("WATCHDOG_USEC", "thirty"), PID)).isNull();
        assertThat(SystemdNotifier.watchdogInterval(Map.of("WATCHDOG_USEC", "0"), PID)).isNull();
        assertThat(SystemdNotifier.watchdogInterval(Map.of("WATCHDOG_USEC", "5", "WATCHDOG_PID", "x"), PID)).isNull();
    }

    @Test
    void messages_are_the_sd_notify_assignments_and_a_status_stays_on_one_line() {
        List<String> sent = new ArrayList<>();
        SystemdNotifier notifier = new SystemdNotifier(NotifySocketAddress.parse("/n"), null, (address, m) -> sent.add(m));

        notifier.ready();
        notifier.status("Hearth is ready:\n3 sensors\r\n2 carers");
        notifier.watchdog();
        notifier.stopping();

        assertThat(sent).containsExactly("READY=1", "STATUS=Hearth is ready: 3 sensors 2 carers", "WATCHDOG=1", "STOPPING=1");
    }

    @Test
    void a_failing_send_is_logged_not_thrown() {
        List<String> tried = new ArrayList<>();
        SystemdNotifier notifier = new SystemdNotifier(NotifySocketAddress.parse("/n"), null, (address, m) -> {
            tried.add(m);
            throw new IOException("connection refused");
        });

        notifier.ready();
        notifier.watchdog();

        assertThat(tried).containsExactly("READY=1", "WATCHDOG=1");
    }

    @Test
    void a_socket_file_address_is_nul_terminated() {
        byte[] addr = NotifySocketAddress.parse("/run/systemd/notify").sockaddr();

        assertThat(ByteBuffer.wrap(addr).order(ByteOrder.nativeOrder()).getShort()).isEqualTo((short) 1);
        assertThat(new String(addr, 2, addr.length - 3, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("/run/systemd/notify");
        assertThat(addr).hasSize(2 + "/run/systemd/notify".length() + 1);
        assertThat(addr[addr.length - 1]).isZero();
    }

    @Test
    void an_abstract_address_starts_with_a_zero_byte_and_has_no_terminator() {
        NotifySocketAddress address = NotifySocketAddress.parse("@hearth/notify");
        byte[] addr = address.sockaddr();

        assertThat(address.isAbstract()).isTrue();
        assertThat(addr).hasSize(2 + 1 + "hearth/notify".length());
        assertThat(addr[2]).isZero();
        assertThat(new String(addr, 3, addr.length - 3, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("hearth/notify");
    }

    @Test
    void addresses_a_socket_cannot_have_are_refused_with_the_reason() {
        assertThatThrownBy(() -> NotifySocketAddress.parse("/" + "x".repeat(107))).hasMessageContaining("longer than");
        assertThatThrownBy(() -> NotifySocketAddress.parse("@")).hasMessageContaining("abstract socket name");
        assertThatThrownBy(() -> NotifySocketAddress.parse("vsock:2:1")).hasMessageContaining("neither");
        assertThat(NotifySocketAddress.parse("/" + "x".repeat(106)).sockaddr()).hasSize(110);
    }
}
