package org.hearth.hub.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.security.SecureRandom;
import javax.net.SocketFactory;
import org.bouncycastle.tls.BasicTlsPSKIdentity;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.PSKTlsClient;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * TLS 1.2 with a pre-shared key for Eclipse Paho, which has no PSK of its own and takes any
 * {@link SocketFactory}: the JDK's TLS has no PSK cipher suites, so the handshake and records are
 * Bouncy Castle's TLS API ({@code bctls}) over a plain socket. The suite is
 * {@code TLS_PSK_WITH_AES_128_GCM_SHA256} (OpenSSL's {@code PSK-AES128-GCM-SHA256}).
 */
final class PskSockets extends SocketFactory {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String identity;
    private final byte[] key;

    PskSockets(String identity, byte[] key) {
        this.identity = identity;
        this.key = key.clone();
    }

    @Override
    public Socket createSocket() {
        return new PskSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new java.net.InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new java.net.InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return createSocket(address, port);
    }

    /** A TCP socket that completes a TLS-PSK handshake as it connects; its streams carry the TLS records' content. */
    private final class PskSocket extends Socket {

        private TlsClientProtocol tls;

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            super.connect(endpoint, timeout);
            setTcpNoDelay(true);
            tls = new TlsClientProtocol(super.getInputStream(), super.getOutputStream());
            tls.connect(new PSKTlsClient(new BcTlsCrypto(RANDOM), new BasicTlsPSKIdentity(identity, key)) {
                @Override
                protected int[] getSupportedCipherSuites() {
                    return new int[] {CipherSuite.TLS_PSK_WITH_AES_128_GCM_SHA256};
                }
            });
        }

        /**
         * Paho sets a 1 s read timeout to wake its reader; a timeout in the middle of a TLS record
         * would break the record layer, so reads block until data or close.
         */
        @Override
        public void setSoTimeout(int timeout) {
        }

        @Override
        public InputStream getInputStream() {
            return tls.getInputStream();
        }

        @Override
        public OutputStream getOutputStream() {
            return tls.getOutputStream();
        }

        @Override
        public synchronized void close() throws IOException {
            try {
                if (tls != null) {
                    tls.close();
                }
            } finally {
                super.close();
            }
        }
    }
}
