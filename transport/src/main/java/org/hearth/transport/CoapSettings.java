package org.hearth.transport;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.DtlsEndpointContext;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;

/**
 * Californium's settings for a small device: a 1 GB Pi serving one home, or a carer's device
 * talking to a few homes. The defaults are sized for cloud servers (150,000 DTLS connections,
 * threads per core); a home has a handful of carers. Built in code, so no
 * {@code Californium3.properties} is ever written.
 */
public final class CoapSettings {

    /** A home has a few carers and a helpline; leave room for reconnects and the libcoap peer. */
    public static final int MAX_PEERS = 64;
    /**
     * The largest CoAP message sent whole; a longer body goes block-wise (RFC 7959) in blocks of
     * {@link #BLOCK_SIZE}. Debian's libcoap 4.3.1 refuses a DTLS record over its 1152-byte MTU
     * ("pdu too big"), and a record adds up to 29 bytes of DTLS header, nonce and MAC, so a message
     * must stay well under 1152: 1024 leaves room for the CoAP header and options too.
     */
    public static final int MAX_MESSAGE_SIZE = 1024;
    /** Block size for block-wise transfers: with its header, a block fits one record under 1152 bytes. */
    public static final int BLOCK_SIZE = 512;
    /**
     * Messages that may wait for one DTLS handshake to finish. Scandium drops any beyond this
     * without telling the sender (10 by default), so the CoAP request is never sent, never times
     * out, and hangs until {@link Sender#GIVE_UP}. After a peer restarts, everything in flight to
     * it waits for one fresh handshake, together with the re-sends {@link Sender} makes: a carer
     * answering a few dozen alerts at once must fit, twice over.
     */
    public static final int MAX_WAITING_FOR_HANDSHAKE = 128;

    private CoapSettings() {
    }

    /** The settings every Hearth endpoint uses; each call returns a fresh copy. */
    public static Configuration configuration() {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
        org.eclipse.californium.elements.config.SystemConfig.register();
        Configuration c = Configuration.createStandardWithoutFile();
        c.set(CoapConfig.MAX_ACTIVE_PEERS, MAX_PEERS);
        c.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 1);
        c.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, org.hearth.protocol.Protocol.MAX_PAYLOAD_BYTES);
        c.set(CoapConfig.MAX_MESSAGE_SIZE, MAX_MESSAGE_SIZE);
        c.set(CoapConfig.PREFERRED_BLOCK_SIZE, BLOCK_SIZE);
        c.set(CoapConfig.MAX_SERVER_OBSERVES, MAX_PEERS);
        // A request and its response belong together when the same PSK identity sent and answered
        // them, whichever DTLS session carried each. With the default (the same session), a fresh
        // handshake made while a request was being answered (a peer restarting, or Sender renewing
        // a suspect session) dropped the response, and the request timed out after 90 s. Identities
        // are unique per carer and bound to their key, so nothing else can answer in their name.
        c.set(CoapConfig.RESPONSE_MATCHING, CoapConfig.MatcherMode.PRINCIPAL);
        c.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, 1);
        c.set(UdpConfig.UDP_SENDER_THREAD_COUNT, 1);
        c.set(DtlsConfig.DTLS_MAX_CONNECTIONS, MAX_PEERS);
        c.set(DtlsConfig.DTLS_MAX_DEFERRED_OUTBOUND_APPLICATION_MESSAGES, MAX_WAITING_FOR_HANDSHAKE);
        // Only a full store evicts, and only connections idle this long. A gateway sends from a
        // new port after every restart, so a carer's device collects one connection per restart;
        // ten minutes lets those go while a home's live connections (heartbeats every 15 min at
        // most) are refreshed long before.
        c.set(DtlsConfig.DTLS_STALE_CONNECTION_THRESHOLD, 10L, TimeUnit.MINUTES);
        c.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
        c.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
        c.set(DtlsConfig.DTLS_USE_ANTI_REPLAY_FILTER, true);
        c.set(DtlsConfig.DTLS_RECOMMENDED_CIPHER_SUITES_ONLY, true);
        c.set(DtlsConfig.DTLS_CIPHER_SUITES, List.of(CipherSuite.TLS_PSK_WITH_AES_128_CCM_8,
                CipherSuite.TLS_ECDHE_PSK_WITH_AES_128_GCM_SHA256));
        c.set(DtlsConfig.DTLS_USE_SERVER_NAME_INDICATION, false);
        // A handshake starts only for a request that asks for one: Sender's requests, and every
        // request of an endpoint made with initiating(). A response or notification for an address
        // with no session is dropped, and the requester's retransmission fetches it again. The
        // address a request came from may be a NAT mapping or a relay that leads back to the
        // peer's own session with this side, and a handshake sent there replaced that session,
        // failing every request waiting on it: in CI, a gateway answering an acknowledgement that
        // way made a carer's next eleven acknowledgements fail.
        c.set(DtlsConfig.DTLS_DEFAULT_HANDSHAKE_MODE, DtlsEndpointContext.HANDSHAKE_MODE_NONE);
        // How often each DTLS endpoint's LinkHealth may report the records it ignored.
        c.set(org.eclipse.californium.elements.config.SystemConfig.HEALTH_STATUS_INTERVAL, 60L, TimeUnit.SECONDS);
        return c;
    }

    /**
     * The settings of an endpoint that only ever starts sessions and answers nobody (a gateway's
     * uplink to its hub): any request it sends may start a handshake.
     */
    public static Configuration initiating() {
        Configuration c = configuration();
        c.set(DtlsConfig.DTLS_DEFAULT_HANDSHAKE_MODE, DtlsEndpointContext.HANDSHAKE_MODE_AUTO);
        return c;
    }
}
