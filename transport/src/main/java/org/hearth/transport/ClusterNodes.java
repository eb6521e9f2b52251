package org.hearth.transport;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import org.eclipse.californium.scandium.DtlsClusterConnector;

/**
 * A static cluster of DTLS nodes behind one UDP load balancer: this node's id and every node's
 * internal address (this one's included). Scandium's {@link DtlsClusterConnector} reads the node
 * id from the first byte of each record's Connection ID and forwards a record meant for another
 * node to that node's internal address; the answer goes back the same way, so it leaves through
 * the node the client's datagrams reach.
 *
 * @param self  this node's id, 0 to 255 (the Connection ID's first byte)
 * @param nodes every node's internal address by id, this node's included; must be on a private
 *              network, since what arrives there is trusted as the client's own record
 */
public record ClusterNodes(int self, Map<Integer, InetSocketAddress> nodes) {

    public static final int MAX_NODE_ID = 255;

    public ClusterNodes {
        nodes = Map.copyOf(nodes);
        if (self < 0 || self > MAX_NODE_ID) {
            throw new IllegalArgumentException("node id must be from 0 to " + MAX_NODE_ID + ", was " + self);
        }
        if (!nodes.containsKey(self)) {
            throw new IllegalArgumentException("the node list must hold this node, " + self);
        }
    }

    /** Where this node receives the records the other nodes forward. */
    public InetSocketAddress internal() {
        return nodes.get(self);
    }

    /** The view of the list Scandium asks while it forwards: it must answer at once. */
    DtlsClusterConnector.ClusterNodesProvider provider() {
        return new DtlsClusterConnector.ClusterNodesProvider() {
            @Override
            public InetSocketAddress getClusterNode(int nodeId) {
                return nodeId == self ? null : nodes.get(nodeId);
            }

            @Override
            public boolean available(InetSocketAddress destinationConnector) {
                return nodes.values().stream().anyMatch(a -> Objects.equals(a, destinationConnector));
            }
        };
    }
}
