package org.hearth.hub.testkit;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A UDP relay between one client and a server, standing for the home's router: it forwards both
 * ways, records what the client sent (to replay it later), and can {@link #rebind()} its outward
 * port mid-session as a NAT does.
 */
public final class UdpRelay implements AutoCloseable {

    private final DatagramSocket inward;
    private volatile InetSocketAddress server;
    private volatile DatagramSocket outward;
    private volatile InetSocketAddress client;
    private final List<byte[]> recorded = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    public UdpRelay(InetSocketAddress server) throws SocketException {
        this.server = server;
        this.inward = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        this.outward = newOutward();
        Thread in = new Thread(this::fromClient, "relay-in");
        in.setDaemon(true);
        in.start();
    }

    /** Where the client should send. */
    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", inward.getLocalPort());
    }

    /** Every datagram the client sent, in order. */
    public List<byte[]> recorded() {
        return List.copyOf(recorded);
    }

    /** From now on the server sees the client at a new port, as after a NAT rebinding. */
    public void rebind() throws SocketException {
        DatagramSocket old = outward;
        outward = newOutward();
        old.close();
    }

    /**
     * From now on the client's datagrams go to {@code other}, as when a load balancer picks another
     * node for the client's new port; answers from either are relayed back.
     */
    public void retarget(InetSocketAddress other) {
        server = other;
    }

    /** Sends a datagram to the server from the relay's current outward port, as if the client sent it. */
    public void sendAsClient(byte[] datagram) throws IOException {
        outward.send(new DatagramPacket(datagram, datagram.length, server));
    }

    private DatagramSocket newOutward() throws SocketException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        Thread back = new Thread(() -> fromServer(s), "relay-back");
        back.setDaemon(true);
        back.start();
        return s;
    }

    private void fromClient() {
        byte[] buffer = new byte[65_535];
        while (running) {
            try {
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                inward.receive(p);
                client = (InetSocketAddress) p.getSocketAddress();
                byte[] data = java.util.Arrays.copyOf(p.getData(), p.getLength());
                recorded.add(data);
                sendAsClient(data);
            } catch (IOException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    private void fromServer(DatagramSocket s) {
        byte[] buffer = new byte[65_535];
        while (running && !s.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                s.receive(p);
                if (client != null) {
                    inward.send(new DatagramPacket(p.getData(), p.getLength(), client));
                }
            } catch (IOException e) {
                if (s.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        inward.close();
        outward.close();
    }
}
