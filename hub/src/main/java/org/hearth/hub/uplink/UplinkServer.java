package org.hearth.hub.uplink;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.hearth.hub.liveness.GatewayLiveness;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import org.hearth.transport.ClusterNodes;
import org.hearth.transport.ClusterTraffic;
import org.hearth.transport.CoapSettings;
import org.hearth.transport.DtlsEndpoints;
import org.hearth.transport.Sessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's side of the uplink (docs/hub-api.md §2): CoAP over DTLS 1.2 with Connection ID, PSK
 * keys from the store, the calling home decided by the PSK identity alone.
 */
public final class UplinkServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UplinkServer.class);

    /**
     * The hub's Connection ID length. Six bytes leave room for the node prefix Scandium's cluster
     * support puts in front (docs/hub-api.md §2).
     */
    public static final int CONNECTION_ID_LENGTH = 6;
    /** Gateways one hub serves at once; a small device's 64 ({@link CoapSettings#MAX_PEERS}) is far too few. */
    public static final int MAX_GATEWAYS = 10_000;
    /**
     * Threads answering the gateways' requests. Each request waits for the store (an alert for its
     * commit), so with one thread, as a small device has, every heartbeat and look-up queued
     * behind the commit before it.
     */
    static final int PROTOCOL_THREADS = 4;

    private final CoapServer server;
    private final CoapEndpoint endpoint;
    private final DownResource down;
    private final HubStore store;
    private final Optional<ClusterTraffic> traffic;

    private UplinkServer(CoapServer server, CoapEndpoint endpoint, DownResource down, HubStore store,
                         Optional<ClusterTraffic> traffic) {
        this.traffic = traffic;
        this.server = server;
        this.endpoint = endpoint;
        this.down = down;
        this.store = store;
    }

    /** The Californium settings of the hub's endpoint: {@link CoapSettings}, sized for many gateways, with CID. */
    public static Configuration configuration() {
        Configuration c = CoapSettings.configuration();
        c.set(DtlsConfig.DTLS_CONNECTION_ID_LENGTH, CONNECTION_ID_LENGTH);
        c.set(DtlsConfig.DTLS_MAX_CONNECTIONS, MAX_GATEWAYS);
        c.set(CoapConfig.MAX_ACTIVE_PEERS, MAX_GATEWAYS);
        c.set(CoapConfig.MAX_SERVER_OBSERVES, MAX_GATEWAYS);
        c.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, PROTOCOL_THREADS);
        return c;
    }

    /** Starts serving on {@code address} (port 0: any free port, see {@link #port()}), a hub on its own. */
    public static UplinkServer start(InetSocketAddress address, HubStore store, GatewayLiveness liveness, Clock clock) {
        return start(address, store, liveness, clock, Optional.empty());
    }

    /**
     * Starts serving on {@code address}; with {@code cluster}, as one node of a cluster sharing the
     * store: a gateway's records that reach this node but belong to another node's session are
     * forwarded there (the Connection ID's first byte names the node), and the answers go back out
     * through this node.
     */
    public static UplinkServer start(InetSocketAddress address, HubStore store, GatewayLiveness liveness, Clock clock,
                                     Optional<ClusterNodes> cluster) {
        Configuration config = configuration();
        Optional<ClusterTraffic> traffic = cluster.map(c -> new ClusterTraffic(c, "uplink-node-" + c.self()));
        CoapEndpoint endpoint = traffic.isPresent()
                ? DtlsEndpoints.clusterNode(config, address, new HomeKeys(store), "uplink-node-" + cluster.get().self(),
                        new Sessions(), traffic.get())
                : DtlsEndpoints.secure(config, address, new HomeKeys(store), "uplink", new Sessions());
        CoapServer server = new CoapServer(config);
        server.addEndpoint(endpoint);
        DownResource down = new DownResource(store, clock);
        CoapResource v1 = new CoapResource("v1");
        v1.add(new AlertsResource(store, clock), new SummaryResource(store, clock), new HeartbeatResource(store, liveness), down);
        server.add(v1);
        server.start();
        LOG.info("Uplink serving coaps://{} (DTLS 1.2, PSK, Connection ID {} bytes)", endpoint.getAddress(), CONNECTION_ID_LENGTH);
        cluster.ifPresent(c -> LOG.info("Uplink is node {} of a cluster of {}: records for the other nodes' sessions are forwarded "
                + "from {} to {}", c.self(), c.nodes().size(), c.internal(), c.nodes()));
        return new UplinkServer(server, endpoint, down, store, traffic);
    }

    /** What this node passed to and from the other nodes of its cluster; empty for a hub on its own. */
    public Optional<ClusterTraffic.Counts> clusterTraffic() {
        return traffic.map(ClusterTraffic::counts);
    }

    public int port() {
        return endpoint.getAddress().getPort();
    }

    /**
     * Queues an entry for a home's gateway ({@code body}: the entry's JSON fields beside seq and
     * kind) and notifies its observing gateway. The entry is durable before the notification goes.
     */
    public long tellGateway(Home home, String kind, String body, java.time.Instant now) {
        long seq = store.addDown(home.id(), kind, body, now);
        down.changed(home);
        return seq;
    }

    @Override
    public void close() {
        server.destroy();
    }
}
