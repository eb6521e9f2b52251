package org.hearth.gateway.testkit;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP relay on loopback that drops a share of datagrams in both directions, with seeded
 * randomness so a failing run can be replayed. The client talks to {@link #address()}; the
 * proxy forwards to the server from its own second socket and relays the answers back.
 */
public final class LossyUdpProxy implements AutoCloseable {

    private final DatagramSocket front;
    private final DatagramSocket back;
    private final InetSocketAddress server;
    private final double loss;
    private final Random random;
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile SocketAddress client;
    private volatile boolean running = true;
    private final Thread up;
    private final Thread down;

    public LossyUdpProxy(InetSocketAddress server, double loss, long seed) throws IOException {
        this.server = server;
        this.loss = loss;
        this.random = new Random(seed);
        this.front = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.back = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.up = new Thread(() -> relay(front, true), "lossy-proxy-up");
        this.down = new Thread(() -> relay(back, false), "lossy-proxy-down");
        up.setDaemon(true);
        down.setDaemon(true);
        up.start();
        down.start();
    }

    /** Where the client sends, in place of the server. */
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), front.getLocalPort());
    }

    public long forwarded() {
        return forwarded.get();
    }

    public long dropped() {
        return dropped.get();
    }

    private void relay(DatagramSocket from, boolean towardsServer) {
        byte[] buffer = new byte[2048];
        while (running) {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                from.receive(p);
                if (towardsServer) {
                    client = p.getSocketAddress();
                }
                if (drop()) {
                    dropped.incrementAndGet();
                    continue;
                }
                SocketAddress to = towardsServer ? server : client;
                if (to == null) {
                    continue;
                }
                (towardsServer ? back : front).send(new DatagramPacket(p.getData(), p.getOffset(), p.getLength(), to));
                forwarded.incrementAndGet();
            } catch (IOException e) {
                if (running) {
                    throw new IllegalStateException("lossy proxy failed", e);
                }
            }
        }
    }

    private synchronized boolean drop() {
        return random.nextDouble() < loss;
    }

    @Override
    public void close() {
        running = false;
        front.close();
        back.close();
    }
}
