package org.hearth.systemd;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Where {@code NOTIFY_SOCKET} points: a socket file ({@code /run/systemd/notify}) or a Linux
 * abstract socket ({@code @name}, which has no file; its address starts with a zero byte).
 * Renders itself as the {@code struct sockaddr_un} that {@code sendto(2)} takes.
 */
final class NotifySocketAddress {

    /** {@code sizeof(sun_path)} on Linux. */
    static final int SUN_PATH_SIZE = 108;
    private static final short AF_UNIX = 1;

    private final String text;
    private final byte[] path;
    private final boolean abstractName;

    private NotifySocketAddress(String text, byte[] path, boolean abstractName) {
        this.text = text;
        this.path = path;
        this.abstractName = abstractName;
    }

    /** Accepts what systemd sets: an absolute path, or {@code @} and an abstract name. */
    static NotifySocketAddress parse(String value) {
        if (value.startsWith("@")) {
            byte[] name = value.substring(1).getBytes(StandardCharsets.UTF_8);
            if (name.length == 0 || 1 + name.length > SUN_PATH_SIZE) {
                throw new IllegalArgumentException("\"" + value + "\" is not an abstract socket name of 1 to "
                        + (SUN_PATH_SIZE - 1) + " bytes");
            }
            byte[] path = new byte[1 + name.length];
            System.arraycopy(name, 0, path, 1, name.length);
            return new NotifySocketAddress(value, path, true);
        }
        if (value.startsWith("/")) {
            byte[] path = value.getBytes(StandardCharsets.UTF_8);
            if (path.length + 1 > SUN_PATH_SIZE) {
                throw new IllegalArgumentException("\"" + value + "\" is longer than a unix socket path may be ("
                        + (SUN_PATH_SIZE - 1) + " bytes)");
            }
            return new NotifySocketAddress(value, path, false);
        }
        throw new IllegalArgumentException("\"" + value + "\" is neither an absolute socket path nor an @abstract name");
    }

    boolean isAbstract() {
        return abstractName;
    }

    /**
     * {@code sa_family} in host byte order, then the path. A file path ends in a zero byte; an
     * abstract name does not, and its length is exactly what the returned array holds, because
     * every byte of an abstract name counts, trailing zeros included.
     */
    byte[] sockaddr() {
        int length = 2 + path.length + (abstractName ? 0 : 1);
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        buffer.putShort(AF_UNIX).put(path);
        return buffer.array();
    }

    @Override
    public String toString() {
        return text;
    }
}
