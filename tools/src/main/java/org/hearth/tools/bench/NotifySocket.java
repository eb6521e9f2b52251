package org.hearth.tools.bench;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The bench's stand-in for systemd's notify socket: a unix datagram socket on a Linux abstract
 * name, bound through libc with JNA (Java 17 has unix sockets only as streams; the daemon sends
 * with JNA too, see {@code org.hearth.systemd}). The child daemon gets its name in
 * {@code NOTIFY_SOCKET} and sends {@code READY=1} there when it serves, so start-up is timed by
 * the daemon's own signal rather than by parsing its log.
 */
final class NotifySocket implements AutoCloseable {

    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int EAGAIN = 11;

    interface LibC extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        int bind(int fd, byte[] addr, int addrlen) throws LastErrorException;

        NativeLong recv(int fd, byte[] buf, NativeLong len, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private final int fd;
    private final String name;

    private NotifySocket(int fd, String name) {
        this.fd = fd;
        this.name = name;
    }

    /** Binds a fresh abstract name, so nothing is left on disk and two benches never collide. */
    static NotifySocket open() throws IOException {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        String name = "hearth-bench/" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] addr = new byte[3 + n.length]; // sa_family, then a zero byte (abstract), then the name
        addr[ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 0 : 1] = AF_UNIX;
        System.arraycopy(n, 0, addr, 3, n.length);
        LibC libc = Holder.LIBC;
        int fd;
        try {
            fd = libc.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new IOException("cannot open a unix datagram socket: errno " + e.getErrorCode(), e);
        }
        try {
            libc.bind(fd, addr, addr.length);
        } catch (LastErrorException e) {
            libc.close(fd);
            throw new IOException("cannot bind the notify socket @" + name + ": errno " + e.getErrorCode(), e);
        }
        return new NotifySocket(fd, name);
    }

    /** The value for the child's {@code NOTIFY_SOCKET}. */
    String address() {
        return "@" + name;
    }

    /** The next datagram, if one has arrived; never blocks. */
    String poll() {
        byte[] buf = new byte[4096];
        try {
            int n = Holder.LIBC.recv(fd, buf, new NativeLong(buf.length), MSG_DONTWAIT).intValue();
            return new String(buf, 0, n, StandardCharsets.UTF_8);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EAGAIN) {
                return null;
            }
            throw new IllegalStateException("reading the notify socket failed: errno " + e.getErrorCode(), e);
        }
    }

    @Override
    public void close() {
        Holder.LIBC.close(fd);
    }
}
