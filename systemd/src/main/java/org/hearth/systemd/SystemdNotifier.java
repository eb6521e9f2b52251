package org.hearth.systemd;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd how the service is doing, as {@code sd_notify(3)} does: {@code READY=1} once the
 * daemon serves, {@code WATCHDOG=1} while its event loop is alive, {@code STOPPING=1} on the way
 * out, and a one-line {@code STATUS=} for {@code systemctl status}.
 *
 * <p>Outside systemd ({@code NOTIFY_SOCKET} unset: a terminal, a test, the demo) every call does
 * nothing, so callers need no "am I under systemd?" branches. A failed send is logged and never
 * thrown: a daemon that guards a person must not stop because its supervisor is unreachable.
 */
public final class SystemdNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(SystemdNotifier.class);

    private final NotifySocketAddress address;
    private final Duration watchdogInterval;
    private final NotifySender sender;
    private volatile boolean failureLogged;

    SystemdNotifier(NotifySocketAddress address, Duration watchdogInterval, NotifySender sender) {
        this.address = address;
        this.watchdogInterval = watchdogInterval;
        this.sender = sender;
    }

    /** Reads {@code NOTIFY_SOCKET}, {@code WATCHDOG_USEC} and {@code WATCHDOG_PID} from this process's environment. */
    public static SystemdNotifier fromEnvironment() {
        return fromEnvironment(System.getenv(), ProcessHandle.current().pid());
    }

    /**
     * Reads the variables systemd sets from {@code env}, for process {@code pid}. The watchdog is
     * ours only when {@code WATCHDOG_PID} is unset or names us: a child that inherited the
     * variables must not ping for its parent.
     */
    public static SystemdNotifier fromEnvironment(Map<String, String> env, long pid) {
        String socket = env.get("NOTIFY_SOCKET");
        if (socket == null || socket.isEmpty()) {
            return new SystemdNotifier(null, null, null);
        }
        NotifySocketAddress address;
        try {
            address = NotifySocketAddress.parse(socket);
        } catch (IllegalArgumentException e) {
            LOG.warn("Not telling systemd anything: NOTIFY_SOCKET {}", e.getMessage());
            return new SystemdNotifier(null, null, null);
        }
        return new SystemdNotifier(address, watchdogInterval(env, pid), new UnixDatagramSender());
    }

    /** Half the watchdog timeout, as sd_watchdog_enabled(3) advises, or empty when systemd set no watchdog for us. */
    static Duration watchdogInterval(Map<String, String> env, long pid) {
        String usec = env.get("WATCHDOG_USEC");
        if (usec == null || usec.isEmpty()) {
            return null;
        }
        String owner = env.get("WATCHDOG_PID");
        try {
            if (owner != null && !owner.isEmpty() && Long.parseLong(owner.strip()) != pid) {
                return null;
            }
            long micros = Long.parseLong(usec.strip());
            if (micros <= 0) {
                LOG.warn("Ignoring WATCHDOG_USEC={}: not a positive number of microseconds", usec);
                return null;
            }
            return Duration.ofNanos(micros * 1000 / 2);
        } catch (NumberFormatException e) {
            LOG.warn("Ignoring the systemd watchdog: WATCHDOG_USEC={} WATCHDOG_PID={} are not numbers", usec, owner);
            return null;
        }
    }

    /** True when systemd is listening: {@code NOTIFY_SOCKET} was set and valid. */
    public boolean enabled() {
        return address != null;
    }

    /**
     * How often to call {@link #watchdog()}: half of the unit's {@code WatchdogSec}. Empty when the
     * unit has no watchdog, or it belongs to another process.
     */
    public Optional<Duration> watchdogInterval() {
        return Optional.ofNullable(watchdogInterval);
    }

    /** The service is up: systemd finishes starting it and starts units ordered after it. */
    public void ready() {
        send("READY=1");
    }

    /** The service is alive. Call it from the loop whose liveness it proves, every {@link #watchdogInterval()}. */
    public void watchdog() {
        send("WATCHDOG=1");
    }

    /** The service has begun an orderly stop. */
    public void stopping() {
        send("STOPPING=1");
    }

    /** A one-line, human-readable state for {@code systemctl status}. Line breaks are folded into spaces. */
    public void status(String text) {
        send("STATUS=" + text.replaceAll("[\\r\\n]+", " "));
    }

    private void send(String message) {
        if (address == null) {
            return;
        }
        try {
            sender.send(address, message);
        } catch (IOException | RuntimeException e) {
            // Log the first failure loudly; after that a watchdog ping every 15 s would flood the journal.
            if (!failureLogged) {
                failureLogged = true;
                LOG.warn("Could not tell systemd \"{}\" at {}: {}", message, address, e.getMessage());
            } else {
                LOG.debug("Could not tell systemd \"{}\": {}", message, e.getMessage());
            }
        }
    }

    /** Sends one datagram; separate so tests can count sends without a socket. */
    interface NotifySender {
        void send(NotifySocketAddress address, String message) throws IOException;
    }
}
