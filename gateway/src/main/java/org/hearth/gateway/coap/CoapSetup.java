package org.hearth.gateway.coap;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;

/**
 * Californium's settings for a 1 GB Pi serving one home. The defaults are sized for cloud
 * servers (150,000 DTLS connections, hundreds of thousands of peers, threads per core); a home
 * has a handful of carers. Built in code, so no {@code Californium3.properties} is ever written.
 */
final class CoapSetup {

    /** A home has a few carers and a helpline; leave room for reconnects and the libcoap peer. */
    static final int MAX_PEERS = 64;

    private CoapSetup() {
    }

    static Configuration configuration() {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
        Configuration c = Configuration.createStandardWithoutFile();
        c.set(CoapConfig.MAX_ACTIVE_PEERS, MAX_PEERS);
        c.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 1);
        c.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, org.hearth.protocol.Protocol.MAX_PAYLOAD_BYTES);
        c.set(CoapConfig.MAX_MESSAGE_SIZE, 1152);
        c.set(CoapConfig.PREFERRED_BLOCK_SIZE, 1024);
        c.set(CoapConfig.MAX_SERVER_OBSERVES, MAX_PEERS);
        c.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, 1);
        c.set(UdpConfig.UDP_SENDER_THREAD_COUNT, 1);
        c.set(DtlsConfig.DTLS_MAX_CONNECTIONS, MAX_PEERS);
        c.set(DtlsConfig.DTLS_STALE_CONNECTION_THRESHOLD, 24L, TimeUnit.HOURS);
        c.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
        c.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
        c.set(DtlsConfig.DTLS_USE_ANTI_REPLAY_FILTER, true);
        c.set(DtlsConfig.DTLS_RECOMMENDED_CIPHER_SUITES_ONLY, true);
        c.set(DtlsConfig.DTLS_CIPHER_SUITES, List.of(CipherSuite.TLS_PSK_WITH_AES_128_CCM_8,
                CipherSuite.TLS_ECDHE_PSK_WITH_AES_128_GCM_SHA256));
        c.set(DtlsConfig.DTLS_USE_SERVER_NAME_INDICATION, false);
        return c;
    }
}
