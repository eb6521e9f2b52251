package org.hearth.systemd;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real unix datagram socket standing in for systemd's notify socket. It builds its own
 * {@code sockaddr_un} the way systemd does (a full zero-padded struct for a file, family + zero
 * byte + name for an abstract name), independently of the code under test.
 */
final class DatagramReceiver implements AutoCloseable {

    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int EAGAIN = 11;

    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int socket(int domain, int type, int protocol) throws LastErrorException;

        int bind(int fd, byte[] addr, int addrlen) throws LastErrorException;

        NativeLong recv(int fd, byte[] buf, NativeLong len, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private final int fd;

    private DatagramReceiver(byte[] sockaddr, int length) {
        fd = LibC.INSTANCE.socket(AF_UNIX, SOCK_DGRAM, 0);
        LibC.INSTANCE.bind(fd, sockaddr, length);
    }

    /** Binds a socket file at {@code path}. */
    static DatagramReceiver atPath(String path) {
        byte[] addr = new byte[110];
        family(addr);
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(p, 0, addr, 2, p.length);
        return new DatagramReceiver(addr, addr.length);
    }

    /** Binds the abstract name {@code name} (no leading {@code @}). */
    static DatagramReceiver abstractName(String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] addr = new byte[3 + n.length];
        family(addr);
        System.arraycopy(n, 0, addr, 3, n.length);
        return new DatagramReceiver(addr, addr.length);
    }

    private static void family(byte[] addr) {
        boolean little = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;
        addr[little ? 0 : 1] = AF_UNIX;
    }

    /** Waits for {@code count} datagrams, each as text, failing with what came if time runs out. */
    List<String> receive(int count, Duration limit) throws InterruptedException {
        List<String> got = new ArrayList<>();
        byte[] buf = new byte[4096];
        long deadline = System.nanoTime() + limit.toNanos();
        while (got.size() < count) {
            try {
                int n = LibC.INSTANCE.recv(fd, buf, new NativeLong(buf.length), MSG_DONTWAIT).intValue();
                got.add(new String(buf, 0, n, StandardCharsets.UTF_8));
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EAGAIN) {
                    throw e;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("received only " + got + " within " + limit);
                }
                Thread.sleep(10);
            }
        }
        return got;
    }

    @Override
    public void close() {
        LibC.INSTANCE.close(fd);
    }
}
