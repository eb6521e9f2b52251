package org.hearth.systemd;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Sends one datagram to a unix socket through libc, via JNA.
 *
 * <p>Why JNA: Java 17 has unix-domain sockets only as streams ({@code SocketChannel} with
 * {@code UnixDomainSocketAddress}); {@code DatagramChannel} gained no AF_UNIX support, and systemd's
 * notify socket is a datagram socket. JNA is already on the gateway's classpath for Vosk and is
 * pinned in the parent pom, so this adds no library; calling libc's {@code socket}/{@code sendto}
 * directly, rather than libsystemd's {@code sd_notify}, keeps the daemon free of a libsystemd
 * dependency and lets tests run on machines without systemd. The notify protocol is one datagram
 * per message and is documented as stable (sd_notify(3)).
 */
final class UnixDatagramSender implements SystemdNotifier.NotifySender {

    // Values for Linux on arm, aarch64 and x86 (the Pis and build machines); MIPS differs and is not a target.
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;

    /** The three libc calls used; declared to throw so JNA reports errno as an exception. */
    interface LibC extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        NativeLong sendto(int fd, byte[] buf, NativeLong len, int flags, byte[] addr, int addrlen) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private static final class Holder {
        // Loaded on first send only, so a process outside systemd never loads native code for this.
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    @Override
    public void send(NotifySocketAddress address, String message) throws IOException {
        byte[] payload = message.getBytes(StandardCharsets.UTF_8);
        byte[] sockaddr = address.sockaddr();
        LibC libc = Holder.LIBC;
        int fd;
        try {
            fd = libc.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new IOException("socket(AF_UNIX, SOCK_DGRAM) failed: errno " + e.getErrorCode(), e);
        }
        try {
            long sent = libc.sendto(fd, payload, new NativeLong(payload.length), 0, sockaddr, sockaddr.length).longValue();
            if (sent != payload.length) {
                throw new IOException("sent " + sent + " of " + payload.length + " bytes");
            }
        } catch (LastErrorException e) {
            throw new IOException("sendto " + address + " failed: errno " + e.getErrorCode(), e);
        } finally {
            try {
                libc.close(fd);
            } catch (LastErrorException e) {
                // Nothing to do: the datagram has gone or failed already, and the descriptor is released either way.
            }
        }
    }
}
