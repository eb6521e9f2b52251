package org.hearth.gateway.coap;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.hearth.transport.KeyRing;
import org.hearth.transport.Sender;
import org.hearth.transport.Sessions;

/**
 * The DTLS endpoint alerts and heartbeats to carers leave from, and its {@link Sender}. It opens
 * on a fresh ephemeral port at every start, not on the server port: to a carer's device a
 * restarted gateway is then a new peer, so nothing it kept about the previous process (a
 * half-done handshake, its duplicate cache) can get in the way.
 */
final class CarerLink implements AutoCloseable {

    static final String TAG = "gateway-out";

    private final CoapEndpoint endpoint;
    private final Sender sender;

    private CarerLink(CoapEndpoint endpoint, Sessions sessions) {
        this.endpoint = endpoint;
        this.sender = new Sender(endpoint, sessions);
    }

    /**
     * Opens the endpoint on {@code bind}, with the carers' keys, sharing {@code sessions} with the
     * server's endpoint, where a restarted device says hello.
     */
    static CarerLink open(Configuration config, InetAddress bind, KeyRing carers, Sessions sessions) {
        CoapEndpoint endpoint = carers.secure(config, new InetSocketAddress(bind, 0), TAG, sessions);
        try {
            endpoint.start();
        } catch (IOException e) {
            endpoint.destroy();
            throw new IllegalStateException("cannot open the DTLS port for sending to carers: " + e.getMessage(), e);
        }
        return new CarerLink(endpoint, sessions);
    }

    /** Sends to carers' devices, re-sending when a device restarts. */
    Sender sender() {
        return sender;
    }

    @Override
    public void close() {
        endpoint.destroy();
    }
}
