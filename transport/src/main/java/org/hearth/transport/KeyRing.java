package org.hearth.transport;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One program's pre-shared keys for several DTLS endpoints (a gateway serves on one and sends to
 * carers from another): each endpoint gets a key store of its own, filled from the same keys, and
 * a key revoked here stops working on every endpoint at once.
 */
public final class KeyRing {

    private static final Logger LOG = LoggerFactory.getLogger(KeyRing.class);
    /** How long a revocation waits for each endpoint to drop the identity's sessions. */
    private static final long DROP_WAIT_SECONDS = 5;

    private record Secured(AdvancedMultiPskStore keys, CoapEndpoint endpoint) {
    }

    private final Map<InetSocketAddress, PskKey> peers;
    private final List<Secured> endpoints = new CopyOnWriteArrayList<>();

    private KeyRing(Map<InetSocketAddress, PskKey> peers) {
        this.peers = Map.copyOf(peers);
    }

    /** Each peer's key, offered first to the address the peer listens on. */
    public static KeyRing of(Map<InetSocketAddress, PskKey> peers) {
        return new KeyRing(peers);
    }

    /**
     * A DTLS endpoint ({@link DtlsEndpoints#secure}) with a key store of its own holding every key
     * of this ring; {@link #revoke} reaches it too.
     */
    public CoapEndpoint secure(Configuration config, InetSocketAddress address, String tag, Sessions sessions) {
        AdvancedMultiPskStore keys = DtlsEndpoints.keyStore(peers);
        CoapEndpoint endpoint = DtlsEndpoints.secure(config, address, keys, tag, sessions);
        endpoints.add(new Secured(keys, endpoint));
        return endpoint;
    }

    /**
     * Removes a key from every endpoint: new handshakes with it fail at once, and that identity's
     * live DTLS sessions are dropped. Other identities' sessions stay: dropping them too would
     * leave their peers holding sessions this side forgot, as a restart does.
     */
    public void revoke(String identity) {
        endpoints.forEach(secured -> secured.keys().removeKey(identity));
        PreSharedKeyIdentity principal = new PreSharedKeyIdentity(identity);
        for (Secured secured : endpoints) {
            DTLSConnector connector = (DTLSConnector) secured.endpoint().getConnector();
            try {
                connector.startDropConnectionsForPrincipal(principal).get(DROP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("Could not drop every session of identity {}; clearing all sessions instead", identity);
                connector.clearConnectionState();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                connector.clearConnectionState();
            }
        }
        LOG.info("Revoked the key of identity {}", identity);
    }
}
