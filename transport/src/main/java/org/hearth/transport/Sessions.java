package org.hearth.transport;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.eclipse.californium.scandium.ConnectionListener;
import org.eclipse.californium.scandium.dtls.Connection;

/**
 * Tells who has just completed a DTLS handshake with this program, on which endpoint. A new
 * session with a peer's identity is how a restart shows: the restarted side speaks first (a
 * gateway's first heartbeat, a carer device's hello), with a fresh handshake. Every other
 * session this side holds with that identity may then be stale, because the peer forgot it.
 * {@link Sender}s listen, and re-send what was in flight over a stale session at once.
 */
public final class Sessions {

    /**
     * A handshake completed.
     *
     * @param endpoint the tag of the endpoint it completed on
     * @param peer     the peer's address
     * @param identity the PSK identity the handshake proved
     */
    public record Established(String endpoint, InetSocketAddress peer, String identity) {
    }

    private final List<Consumer<Established>> listeners = new CopyOnWriteArrayList<>();

    /** Called on a DTLS thread for every handshake completed; keep it short and never block. */
    public void onEstablished(Consumer<Established> listener) {
        listeners.add(listener);
    }

    void established(Established session) {
        for (Consumer<Established> l : listeners) {
            l.accept(session);
        }
    }

    ConnectionListener listenerFor(String endpoint) {
        return new ConnectionListener() {
            @Override
            public void onConnectionEstablished(Connection connection) {
                Principal peer = connection.getEstablishedPeerIdentity();
                if (peer instanceof PreSharedKeyIdentity psk) {
                    established(new Established(endpoint, connection.getPeerAddress(), psk.getIdentity()));
                }
            }

            @Override
            public void onConnectionRemoved(Connection connection) {
            }

            @Override
            public boolean onConnectionUpdatesSequenceNumbers(Connection connection, boolean writeSequenceNumber) {
                return false;
            }

            @Override
            public boolean onConnectionMacError(Connection connection) {
                return false;
            }

            @Override
            public void beforeExecution(Connection connection) {
            }

            @Override
            public void updateExecution(Connection connection) {
            }

            @Override
            public void afterExecution(Connection connection) {
            }
        };
    }
}
