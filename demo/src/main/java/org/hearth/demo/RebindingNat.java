package org.hearth.demo;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * A home router's NAT in miniature: the gateway sends to {@link #address()}, and the datagrams
 * leave for the server from an outside socket. {@link #rebind()} swaps that socket for a new one
 * on another port mid-session, as a router does when its mapping times out or it restarts: the
 * server then sees the same DTLS session from a new address.
 */
public final class RebindingNat implements AutoCloseable {

    private final DatagramSocket inside;
    private final InetSocketAddress server;
    private volatile DatagramSocket outside;
    private volatile SocketAddress client;
    private volatile boolean running = true;

    public RebindingNat(InetSocketAddress server) throws IOException {
        this.server = server;
        this.inside = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.outside = newOutside();
        Thread up = new Thread(this::upward, "nat-up");
        up.setDaemon(true);
        up.start();
    }

    /** Where the gateway sends, in place of the server. */
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), inside.getLocalPort());
    }

    /** The port the server sees datagrams come from now. */
    public int outsidePort() {
        return outside.getLocalPort();
    }

    /** From now on, datagrams leave from a new port; the old mapping is gone. */
    public synchronized void rebind() throws IOException {
        DatagramSocket old = outside;
        outside = newOutside();
        old.close();
    }

    private DatagramSocket newOutside() throws IOException {
        DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread down = new Thread(() -> downward(s), "nat-down-" + s.getLocalPort());
        down.setDaemon(true);
        down.start();
        return s;
    }

    private void upward() {
        byte[] buffer = new byte[2048];
        while (running) {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                inside.receive(p);
                client = p.getSocketAddress();
                outside.send(new DatagramPacket(p.getData(), p.getOffset(), p.getLength(), server));
            } catch (IOException e) {
                // a send racing a rebind is a datagram lost, as on a real router
            }
        }
    }

    private void downward(DatagramSocket from) {
        byte[] buffer = new byte[2048];
        while (running && !from.isClosed()) {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                from.receive(p);
                if (client != null) {
                    inside.send(new DatagramPacket(p.getData(), p.getOffset(), p.getLength(), client));
                }
            } catch (IOException e) {
                return; // closed by rebind or close
            }
        }
    }

    @Override
    public void close() {
        running = false;
        inside.close();
        outside.close();
    }
}
