package org.hearth.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Where a coaps URI points, and who a request came from. */
@Tag("small")
class DtlsEndpointsTest {

    @Test
    void a_coaps_uri_without_a_port_means_5684() {
        assertThat(DtlsEndpoints.address(URI.create("coaps://127.0.0.1"))).isEqualTo(new InetSocketAddress("127.0.0.1", 5684));
        assertThat(DtlsEndpoints.address(URI.create("coaps://127.0.0.1:6000/alerts")))
                .isEqualTo(new InetSocketAddress("127.0.0.1", 6000));
    }

    @Test
    void only_a_dtls_handshake_with_a_psk_names_who_sent_a_request() {
        InetSocketAddress peer = new InetSocketAddress("127.0.0.1", 6000);
        Request dtls = Request.newPost();
        dtls.setSourceContext(new AddressEndpointContext(peer, new PreSharedKeyIdentity("priya-id")));
        Request plain = Request.newPost();
        plain.setSourceContext(new AddressEndpointContext(peer));

        assertThat(DtlsEndpoints.pskIdentity(dtls)).contains("priya-id");
        assertThat(DtlsEndpoints.pskIdentity(plain)).isEmpty();
    }
}
