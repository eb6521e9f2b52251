package org.hearth.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.Map;
import org.eclipse.californium.scandium.DtlsClusterConnector;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("small")
class ClusterNodesTest {

    private static final InetSocketAddress ONE = new InetSocketAddress("10.20.0.11", 5784);
    private static final InetSocketAddress TWO = new InetSocketAddress("10.20.0.12", 5784);

    @Test
    void records_are_forwarded_only_to_the_other_listed_nodes() {
        ClusterNodes nodes = new ClusterNodes(1, Map.of(1, ONE, 2, TWO));
        DtlsClusterConnector.ClusterNodesProvider provider = nodes.provider();
        assertThat(nodes.internal()).isEqualTo(ONE);
        assertThat(provider.getClusterNode(2)).isEqualTo(TWO);
        assertThat(provider.getClusterNode(1)).as("never to itself").isNull();
        assertThat(provider.getClusterNode(3)).as("an unknown node: the record is dropped").isNull();
        assertThat(provider.available(TWO)).isTrue();
        assertThat(provider.available(new InetSocketAddress("10.20.0.13", 5784))).as("answers go back only through a node").isFalse();
    }

    @Test
    void a_node_id_must_fit_the_connection_id_s_first_byte_and_be_listed() {
        assertThatThrownBy(() -> new ClusterNodes(256, Map.of(256, ONE))).hasMessage("node id must be from 0 to 255, was 256");
        assertThatThrownBy(() -> new ClusterNodes(3, Map.of(1, ONE, 2, TWO))).hasMessage("the node list must hold this node, 3");
    }
}
