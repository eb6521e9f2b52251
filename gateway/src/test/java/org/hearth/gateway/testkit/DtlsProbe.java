package org.hearth.gateway.testkit;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;

/**
 * One DTLS request with a given PSK, giving up within seconds: a gateway that refuses a key stays
 * silent, and a real carer's device only gives up after Californium's full minute of retries.
 */
public final class DtlsProbe {

    private DtlsProbe() {
    }

    /** GETs {@code uri} with this identity and key; null when the gateway did not answer (refused). */
    public static CoapResponse get(URI uri, String identity, byte[] key) throws Exception {
        return request(uri, identity, key, false);
    }

    /** POSTs an empty body to {@code uri}; null when the gateway did not answer (refused). */
    public static CoapResponse post(URI uri, String identity, byte[] key) throws Exception {
        return request(uri, identity, key, true);
    }

    private static CoapResponse request(URI uri, String identity, byte[] key, boolean post) throws Exception {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
        Configuration c = Configuration.createStandardWithoutFile();
        c.set(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, 300, TimeUnit.MILLISECONDS);
        c.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 2);
        c.set(DtlsConfig.DTLS_CIPHER_SUITES, List.of(CipherSuite.TLS_PSK_WITH_AES_128_CCM_8));
        c.set(CoapConfig.ACK_TIMEOUT, 500, TimeUnit.MILLISECONDS);
        c.set(CoapConfig.MAX_RETRANSMIT, 2);
        AdvancedMultiPskStore keys = new AdvancedMultiPskStore();
        keys.addKnownPeer(new InetSocketAddress(uri.getHost(), uri.getPort()), identity, key);
        DTLSConnector connector = new DTLSConnector(DtlsConnectorConfig.builder(c)
                .setAddress(new InetSocketAddress("127.0.0.1", 0)).setAdvancedPskStore(keys).build());
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(c).setConnector(connector).build();
        CoapClient client = new CoapClient(uri).setEndpoint(endpoint).setTimeout(8000L);
        try {
            return post ? client.post(new byte[0], 0) : client.get();
        } catch (org.eclipse.californium.elements.exception.ConnectorException | java.io.IOException e) {
            return null; // the handshake failed: the gateway did not accept this key
        } finally {
            client.shutdown();
            endpoint.destroy();
        }
    }
}
