package org.hearth.transport;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.DtlsHealth;
import org.eclipse.californium.scandium.DtlsClusterConnector;
import org.eclipse.californium.scandium.config.DtlsClusterConnectorConfig;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.MultiNodeConnectionIdGenerator;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedPskStore;
import org.hearth.protocol.Protocol;

/**
 * Builds the DTLS endpoints and key stores every Hearth program uses, one way, and tells who a
 * request came from.
 */
public final class DtlsEndpoints {

    private DtlsEndpoints() {
    }

    /** The address a {@code coaps} URI names; CoAPS's port 5684 when it names none. */
    public static InetSocketAddress address(URI peer) {
        return new InetSocketAddress(peer.getHost(), peer.getPort() > 0 ? peer.getPort() : Protocol.COAPS_PORT);
    }

    /** The PSK identity the DTLS handshake proved for {@code request}; empty for plain CoAP. */
    public static Optional<String> pskIdentity(Request request) {
        return request.getSourceContext().getPeerIdentity() instanceof PreSharedKeyIdentity psk
                ? Optional.of(psk.getIdentity()) : Optional.empty();
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
        LinkHealth link = new LinkHealth(tag, java.time.Clock.systemUTC());
        return secure(config, address, keys, tag, sessions, link, link, Optional.empty());
    }

    /**
     * As {@link #secure(Configuration, InetSocketAddress, AdvancedPskStore, String, Sessions)}, as one
     * node of a cluster: Scandium's {@link DtlsClusterConnector}, with the node id in the first byte
     * of every Connection ID this node hands out ({@link MultiNodeConnectionIdGenerator}, of
     * {@code DTLS_CONNECTION_ID_LENGTH} bytes, at least 2), so a record the load balancer or a NAT
     * sends to another node is forwarded to this one. What passes between the nodes is counted in
     * {@code traffic}.
     */
    public static CoapEndpoint clusterNode(Configuration config, InetSocketAddress address, AdvancedPskStore keys,
                                           String tag, Sessions sessions, ClusterTraffic traffic) {
        return secure(config, address, keys, tag, sessions, traffic.link(), traffic, Optional.of(traffic.nodes()));
    }

    private static CoapEndpoint secure(Configuration config, InetSocketAddress address, AdvancedPskStore keys, String tag,
                                       Sessions sessions, LinkHealth link, DtlsHealth health, Optional<ClusterNodes> cluster) {
        link.onFailure(peer -> sessions.handshakeFailed(tag, peer));
        DtlsConnectorConfig.Builder dtls = DtlsConnectorConfig.builder(config)
                .setAddress(address)
                .setAdvancedPskStore(keys)
                .setLoggingTag(tag)
                .setConnectionListener(sessions.listenerFor(tag))
                .setHealthHandler(health)
                .setSessionListener(link);
        DTLSConnector connector;
        if (cluster.isPresent()) {
            Integer cidLength = config.get(DtlsConfig.DTLS_CONNECTION_ID_LENGTH);
            if (cidLength == null || cidLength < 2) {
                throw new IllegalArgumentException("a cluster node needs a Connection ID of at least 2 bytes, was " + cidLength);
            }
            ClusterNodes nodes = cluster.get();
            dtls.setConnectionIdGenerator(new MultiNodeConnectionIdGenerator(nodes.self(), cidLength));
            DtlsClusterConnectorConfig internal = DtlsClusterConnectorConfig.builder()
                    .setAddress(nodes.internal())
                    .build();
            connector = new DtlsClusterConnector(dtls.build(), internal, nodes.provider());
        } else {
            connector = new DTLSConnector(dtls.build());
        }
        CoapEndpoint endpoint = new CoapEndpoint.Builder()
                .setConfiguration(config)
                .setConnector(connector)
                .setOptionRegistry(Sessions.OPTIONS)
                .setLoggingTag(tag)
                .build();
        endpoint.addInterceptor(sessions.interceptor());
        sessions.name(endpoint, tag);
        return endpoint;
    }
}
