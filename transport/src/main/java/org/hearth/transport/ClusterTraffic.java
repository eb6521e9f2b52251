package org.hearth.transport;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.californium.scandium.DtlsClusterHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cluster node's records between nodes, counted, as Scandium's {@link DtlsClusterHealth}
 * reports them; everything else goes to the endpoint's {@link LinkHealth}. Records that could not
 * be forwarded (the node of their Connection ID is unknown or down) are told once a health
 * interval, in one line.
 */
public final class ClusterTraffic implements DtlsClusterHealth {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterTraffic.class);

    /**
     * @param forwarded       records this node received for another node's session and passed on
     * @param received        records another node passed to this one
     * @param answeredVia     records this node sent back through the node that received the request
     * @param sentForOthers   records other nodes sent back out through this one
     * @param dropped         records that could not be passed on, or whose header was bad
     */
    public record Counts(long forwarded, long received, long answeredVia, long sentForOthers, long dropped) {
    }

    private final ClusterNodes nodes;
    private final LinkHealth link;
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong answeredVia = new AtomicLong();
    private final AtomicLong sentForOthers = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private long droppedReported;

    /** Counts for the node {@code nodes} names, whose endpoint is called {@code tag} in logs. */
    public ClusterTraffic(ClusterNodes nodes, String tag) {
        this.nodes = nodes;
        this.link = new LinkHealth(tag, java.time.Clock.systemUTC());
    }

    /** What goes wrong with gateways' records, as on an endpoint of its own. */
    LinkHealth link() {
        return link;
    }

    public ClusterNodes nodes() {
        return nodes;
    }

    public Counts counts() {
        return new Counts(forwarded.get(), received.get(), answeredVia.get(), sentForOthers.get(), dropped.get());
    }

    @Override
    public void dump(String tag, int maxConnections, int remainingCapacity, int pendingWithoutVerify) {
        link.dump(tag, maxConnections, remainingCapacity, pendingWithoutVerify);
        long now = dropped.get();
        synchronized (this) {
            if (now > droppedReported) {
                LOG.warn("Cluster node {}: {} records could not be passed to or from another node since the last report "
                        + "(is a node down?); so far {}", nodes.self(), now - droppedReported, counts());
                droppedReported = now;
            }
        }
    }

    @Override
    public boolean isEnabled() {
        return link.isEnabled();
    }

    @Override
    public void startHandshake() {
        link.startHandshake();
    }

    @Override
    public void endHandshake(boolean success) {
        link.endHandshake(success);
    }

    @Override
    public void receivingRecord(boolean drop) {
        link.receivingRecord(drop);
    }

    @Override
    public void sendingRecord(boolean drop) {
        link.sendingRecord(drop);
    }

    @Override
    public void forwardMessage() {
        forwarded.incrementAndGet();
    }

    @Override
    public void processForwardedMessage() {
        received.incrementAndGet();
    }

    @Override
    public void backwardMessage() {
        answeredVia.incrementAndGet();
    }

    @Override
    public void sendBackwardedMessage() {
        sentForOthers.incrementAndGet();
    }

    @Override
    public void dropForwardMessage() {
        dropped.incrementAndGet();
    }

    @Override
    public void dropBackwardMessage() {
        dropped.incrementAndGet();
    }

    @Override
    public void badForwardMessage() {
        dropped.incrementAndGet();
    }

    @Override
    public void badBackwardMessage() {
        dropped.incrementAndGet();
    }

    @Override
    public void sendingClusterManagementMessage() {
        // no management messages: the node list is static
    }

    @Override
    public void receivingClusterManagementMessage() {
        // as above
    }
}
