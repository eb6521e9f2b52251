package org.hearth.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.californium.core.coap.Option;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.option.MapBasedOptionRegistry;
import org.eclipse.californium.core.coap.option.OpaqueOptionDefinition;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.coap.option.StandardOptionRegistry;
import org.eclipse.californium.core.network.interceptors.MessageInterceptor;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.eclipse.californium.scandium.ConnectionListener;
import org.eclipse.californium.scandium.dtls.Connection;

/**
 * Who this program talks to, and when one of them restarted.
 *
 * <p>Every program has an <b>incarnation</b>: a random number drawn at start. Each request a
 * {@link Sender} sends carries it in a CoAP option ({@link #INCARNATION}), and every endpoint
 * built by {@link DtlsEndpoints} reads it from each request it receives, with the PSK identity the
 * request's DTLS session proved. A number not heard before from that identity means the peer
 * restarted (or is heard for the first time): every session this side holds with it may be stale,
 * because the peer forgot it. {@link Sender}s listen, and send again at once, with a fresh
 * handshake, what was in flight to it.
 *
 * <p>A new DTLS session alone is not a restart: a live peer makes one whenever it doubts its old
 * one. Taking each new session for a restart made both sides answer each other's fresh handshakes
 * with fresh handshakes of their own, and a carer's acknowledgement was lost between them.
 *
 * <p>It also tells who has just completed a handshake, on which endpoint ({@link #onEstablished}).
 */
public final class Sessions {

    /**
     * The CoAP option carrying a program's incarnation: 8 bytes, in the experimental range
     * (RFC 7252 §12.2), elective, so any other CoAP peer ignores it.
     */
    public static final OpaqueOptionDefinition INCARNATION = new OpaqueOptionDefinition(65000, "Hearth-Incarnation", true, 8, 8);
    /** The standard options and {@link #INCARNATION}, for the endpoints that read it. */
    static final OptionRegistry OPTIONS = new MapBasedOptionRegistry(StandardOptionRegistry.getDefaultOptionRegistry(), INCARNATION);

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
    private final List<Consumer<String>> restarts = new CopyOnWriteArrayList<>();
    private final Map<String, Long> heard = new ConcurrentHashMap<>();
    private final long self;

    /** A new incarnation of this program. */
    public Sessions() {
        this(new SecureRandom().nextLong());
    }

    Sessions(long self) {
        this.self = self;
    }

    /**
     * Called with a peer's PSK identity when a request shows it restarted, or is heard for the
     * first time, on the thread that received it; keep it short and never block.
     */
    public void onRestarted(Consumer<String> listener) {
        restarts.add(listener);
    }

    /** This program's incarnation, as the option a request carries. */
    Option incarnation() {
        return new Option(INCARNATION, ByteBuffer.allocate(Long.BYTES).putLong(self).array());
    }

    /** Records the incarnation a request from {@code identity} carried. */
    void heard(String identity, long incarnation) {
        Long before = heard.put(identity, incarnation);
        if (before == null || before != incarnation) {
            for (Consumer<String> l : restarts) {
                l.accept(identity);
            }
        }
    }

    /** Reads the incarnation of each request an endpoint receives. */
    MessageInterceptor interceptor() {
        return new MessageInterceptorAdapter() {
            @Override
            public void receiveRequest(Request request) {
                Option option = request.getOptions().getOtherOption(INCARNATION);
                if (option != null && option.getLength() == Long.BYTES
                        && request.getSourceContext().getPeerIdentity() instanceof PreSharedKeyIdentity psk) {
                    heard(psk.getIdentity(), ByteBuffer.wrap(option.getValue()).getLong());
                }
            }
        };
    }

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
