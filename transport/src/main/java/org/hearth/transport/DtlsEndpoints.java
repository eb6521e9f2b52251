package org.hearth.transport;

import java.net.InetSocketAddress;
import java.util.Map;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedPskStore;

/** Builds the DTLS endpoints and key stores every Hearth program uses, one way. */
public final class DtlsEndpoints {

    private DtlsEndpoints() {
    }

    /**
     * A key store holding each key, and which identity to offer when this side starts the
     * handshake with a given address.
     */
    public static AdvancedMultiPskStore keyStore(Map<InetSocketAddress, PskKey> peers) {
        AdvancedMultiPskStore keys = new AdvancedMultiPskStore();
        peers.forEach((address, key) -> add(keys, address, key));
        return keys;
    }

    /** A key store holding one key, for a side that only answers handshakes. */
    public static AdvancedMultiPskStore keyStore(PskKey key) {
        AdvancedMultiPskStore keys = new AdvancedMultiPskStore();
        keys.setKey(key.identity(), key.secret());
        return keys;
    }

    /** Adds one key, offered first to {@code address}. */
    private static void add(AdvancedMultiPskStore keys, InetSocketAddress address, PskKey key) {
        keys.setKey(key.identity(), key.secret());
        keys.addKnownPeer(address, key.identity(), key.secret());
    }

    /**
     * A DTLS endpoint with pre-shared keys (any Scandium key store: the hub looks keys up in its
     * database). Every session it completes is reported to
     * {@code sessions} under {@code tag}, which names this endpoint in logs as well, and so is the
     * incarnation each request it receives carries; what goes wrong is reported by a
     * {@link LinkHealth}, a few lines a minute at most.
     */
    public static CoapEndpoint secure(Configuration config, InetSocketAddress address, AdvancedPskStore keys,
                                      String tag, Sessions sessions) {
        LinkHealth health = new LinkHealth(tag, java.time.Clock.systemUTC());
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(address)
                .setAdvancedPskStore(keys)
                .setLoggingTag(tag)
                .setConnectionListener(sessions.listenerFor(tag))
                .setHealthHandler(health)
                .setSessionListener(health)
                .build();
        CoapEndpoint endpoint = new CoapEndpoint.Builder()
                .setConfiguration(config)
                .setConnector(new DTLSConnector(dtls))
                .setOptionRegistry(Sessions.OPTIONS)
                .setLoggingTag(tag)
                .build();
        endpoint.addInterceptor(sessions.interceptor());
        sessions.name(endpoint, tag);
        return endpoint;
    }
}
