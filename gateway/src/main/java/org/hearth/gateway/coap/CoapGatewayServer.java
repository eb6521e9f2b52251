package org.hearth.gateway.coap;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.hearth.gateway.coap.resources.AlertsResource;
import org.hearth.gateway.coap.resources.LocalResources;
import org.hearth.gateway.coap.resources.StatusResource;
import org.hearth.transport.CoapSettings;
import org.hearth.transport.KeyRing;
import org.hearth.transport.PskKey;
import org.hearth.transport.Sessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's CoAP server: DTLS with per-carer pre-shared keys on the configured address, and
 * plain CoAP on loopback only, for local tools. Resources (package {@code resources}):
 * {@code /status} and {@code /alerts} (GET, observable), {@code /alerts/{id}/ack} and
 * {@code /alerts/{id}/resolve} (POST, DTLS only, from a carer on the ladder), and {@code /local}
 * on the loopback endpoint. Alerts and heartbeats to carers leave from {@link CoapAlertChannel}'s
 * own endpoint, which shares the carers' {@link KeyRing} and the {@link Sessions}.
 */
public final class CoapGatewayServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CoapGatewayServer.class);
    private static final String SERVING = "gateway";

    private final CoapServer server;
    private final CoapEndpoint secure;
    private final CoapEndpoint plain;
    private final CoapResource statusResource;
    private final CoapResource alertsResource;

    private CoapGatewayServer(CoapServer server, CoapEndpoint secure, CoapEndpoint plain, CoapResource statusResource,
                              CoapResource alertsResource) {
        this.server = server;
        this.secure = secure;
        this.plain = plain;
        this.statusResource = statusResource;
        this.alertsResource = alertsResource;
    }

    /**
     * Starts serving, with keys and sessions of its own: a server nothing is sent from.
     *
     * @param secureAddress where DTLS listens, for example 0.0.0.0:5684
     * @param plainPort     loopback port for plain CoAP, or -1 for none; 0 picks a free port
     * @param carers        each carer's key by the address their device listens on
     */
    public static CoapGatewayServer start(InetSocketAddress secureAddress, int plainPort, Map<InetSocketAddress, PskKey> carers,
                                          GatewayHandlers handlers) {
        return start(secureAddress, plainPort, KeyRing.of(carers), new Sessions(), handlers, LocalControl.NONE,
                CoapSettings.configuration());
    }

    /**
     * Starts serving, with {@code /local/keys} (and in a simulated home {@code /local/sim/{sensor}})
     * on the plain loopback endpoint only.
     *
     * @param carers   the carers' keys; revoking one there closes this server to it too
     * @param sessions told the incarnation of every request a carer's device sends here, so
     *                 {@link CoapAlertChannel} re-sends at once to a device that restarted
     */
    public static CoapGatewayServer start(InetSocketAddress secureAddress, int plainPort, KeyRing carers, Sessions sessions,
                                          GatewayHandlers handlers, LocalControl local) {
        return start(secureAddress, plainPort, carers, sessions, handlers, local, CoapSettings.configuration());
    }

    /** With a given Californium configuration: tests shorten the retransmission timers. */
    static CoapGatewayServer start(InetSocketAddress secureAddress, int plainPort, KeyRing carers, Sessions sessions,
                                   GatewayHandlers handlers, LocalControl local, Configuration config) {
        CoapEndpoint secure = carers.secure(config, secureAddress, SERVING, sessions);
        CoapServer server = new CoapServer(config);
        server.addEndpoint(secure);
        CoapEndpoint plain = null;
        if (plainPort >= 0) {
            plain = new CoapEndpoint.Builder()
                    .setConfiguration(config)
                    .setInetSocketAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), plainPort))
                    .build();
            server.addEndpoint(plain);
        }
        CoapResource status = new StatusResource(handlers);
        CoapResource alerts = new AlertsResource(handlers);
        server.add(status, alerts);
        if (plain != null) {
            server.add(LocalResources.create(plain, local));
        }
        server.start();
        LOG.info("CoAP listening: coaps on {}{}", secure.getAddress(),
                plain == null ? "" : ", plain coap on " + plain.getAddress() + " (loopback only)");
        return new CoapGatewayServer(server, secure, plain, status, alerts);
    }

    public InetSocketAddress secureAddress() {
        return secure.getAddress();
    }

    public InetSocketAddress plainAddress() {
        if (plain == null) {
            throw new IllegalStateException("plain CoAP is off");
        }
        return plain.getAddress();
    }

    /** Tells observers of {@code /status} and {@code /alerts} that something changed. */
    public void changed() {
        statusResource.changed();
        alertsResource.changed();
    }

    @Override
    public void close() {
        server.stop();
        server.destroy();
    }
}
