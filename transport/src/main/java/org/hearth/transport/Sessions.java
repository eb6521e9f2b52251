package org.hearth.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.eclipse.californium.core.coap.Option;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.option.MapBasedOptionRegistry;
import org.eclipse.californium.core.coap.option.OpaqueOptionDefinition;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.coap.option.StandardOptionRegistry;
import org.eclipse.californium.core.network.Endpoint;
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
 * restarted (or is heard for the first time). The option also carries how long the peer has been
 * running, so this side knows which of its sessions with the peer are stale: those made before the
 * peer started, which the peer forgot. {@link Sender}s listen, and send again at once what was in
 * flight to it, with a fresh handshake only where the session they would use is stale.
 *
 * <p>Without the peer's start, every session had to be taken for stale, and the restarted side,
 * hearing the other for the first time, forced fresh handshakes over the sessions it had just made
 * itself. Under load those collided with the other side's, and handshakes were left unanswered at
 * their last flight.
 *
 * <p>A new DTLS session alone is not a restart: a live peer makes one whenever it doubts its old
 * one. Taking each new session for a restart made both sides answer each other's fresh handshakes
 * with fresh handshakes of their own, and a carer's acknowledgement was lost between them.
 *
 * <p>It also tells who has just completed a handshake, on which endpoint ({@link #onEstablished}).
 */
public final class Sessions {

    /**
     * The CoAP option carrying a program's incarnation (8 bytes) and how long it has been running,
     * in milliseconds (8 bytes), in the experimental range (RFC 7252 §12.2), elective, so any other
     * CoAP peer ignores it. A value of 8 bytes (the incarnation alone) is read as well: then every
     * session with the peer counts as stale.
     */
    public static final OpaqueOptionDefinition INCARNATION = new OpaqueOptionDefinition(65000, "Hearth-Incarnation", true, 8, 16);
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

    /**
     * A peer heard with a new incarnation.
     *
     * @param identity the PSK identity its request proved
     * @param since    when it started, on this program's {@code nanoTime} scale; {@link Long#MIN_VALUE}
     *                 when it did not say
     */
    record Restart(String identity, long since) {
    }

    /** Where a session was made: the tag of this side's endpoint and the peer's address. */
    private record Place(String endpoint, InetSocketAddress peer) {
    }

    private final List<Consumer<Established>> listeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<String, InetSocketAddress>> failures = new CopyOnWriteArrayList<>();
    private final List<Consumer<Restart>> restarts = new CopyOnWriteArrayList<>();
    private final Map<String, Long> heard = new ConcurrentHashMap<>();
    private final Map<Place, Long> made = new ConcurrentHashMap<>();
    private final Map<Endpoint, String> tags = new ConcurrentHashMap<>();
    private final long self;
    private final LongSupplier nanos;
    private final long started;

    /** A new incarnation of this program. */
    public Sessions() {
        this(new SecureRandom().nextLong(), System::nanoTime);
    }

    Sessions(long self, LongSupplier nanos) {
        this.self = self;
        this.nanos = nanos;
        this.started = nanos.getAsLong();
    }

    /**
     * Called with a peer's PSK identity when a request shows it restarted, or is heard for the
     * first time, on the thread that received it; keep it short and never block.
     */
    public void onRestarted(Consumer<String> listener) {
        restarts.add(restart -> listener.accept(restart.identity()));
    }

    void onRestart(Consumer<Restart> listener) {
        restarts.add(listener);
    }

    /** This program's incarnation and how long it has been running, as the option a request carries. */
    Option incarnation() {
        long uptime = TimeUnit.NANOSECONDS.toMillis(nanos.getAsLong() - started);
        return new Option(INCARNATION, ByteBuffer.allocate(2 * Long.BYTES).putLong(self).putLong(uptime).array());
    }

    /** Records the incarnation a request from {@code identity} carried. */
    void heard(String identity, long incarnation, long since) {
        Long before = heard.put(identity, incarnation);
        if (before == null || before != incarnation) {
            Restart restart = new Restart(identity, since);
            for (Consumer<Restart> l : restarts) {
                l.accept(restart);
            }
        }
    }

    /** Names {@code endpoint} by the tag its DTLS connector reports sessions under. */
    void name(Endpoint endpoint, String tag) {
        tags.put(endpoint, tag);
    }

    /**
     * True when {@code endpoint}'s session with {@code peer} was made after the peer restarted,
     * so the peer knows it too; false when it is older, missing, or cannot be told.
     */
    boolean madeSince(Endpoint endpoint, InetSocketAddress peer, Restart restart) {
        String tag = tags.get(endpoint);
        Long when = tag == null ? null : made.get(new Place(tag, peer));
        return when != null && restart.since() != Long.MIN_VALUE && when - restart.since() >= 0;
    }

    /**
     * False when {@code handshakeEndpoint}, the tag of the endpoint a handshake was made on, names
     * another of this program's endpoints than {@code endpoint}; true when it names {@code endpoint},
     * or when {@code endpoint} has no tag to tell by.
     */
    boolean mayBeOn(Endpoint endpoint, String handshakeEndpoint) {
        String tag = tags.get(endpoint);
        return tag == null || tag.equals(handshakeEndpoint);
    }

    /** Reads the incarnation of each request an endpoint receives. */
    MessageInterceptor interceptor() {
        return new MessageInterceptorAdapter() {
            @Override
            public void receiveRequest(Request request) {
                Option option = request.getOptions().getOtherOption(INCARNATION);
                if (option != null && request.getSourceContext().getPeerIdentity() instanceof PreSharedKeyIdentity psk) {
                    ByteBuffer value = ByteBuffer.wrap(option.getValue());
                    long incarnation = value.getLong();
                    long since = value.remaining() == Long.BYTES
                            ? nanos.getAsLong() - TimeUnit.MILLISECONDS.toNanos(value.getLong()) : Long.MIN_VALUE;
                    heard(psk.getIdentity(), incarnation, since);
                }
            }
        };
    }

    /** Called on a DTLS thread for every handshake completed; keep it short and never block. */
    public void onEstablished(Consumer<Established> listener) {
        listeners.add(listener);
    }

    /**
     * Called on a DTLS thread for every handshake that failed, with the endpoint's tag and the peer;
     * keep it short and never block.
     */
    public void onHandshakeFailed(BiConsumer<String, InetSocketAddress> listener) {
        failures.add(listener);
    }

    void handshakeFailed(String endpoint, InetSocketAddress peer) {
        for (BiConsumer<String, InetSocketAddress> l : failures) {
            l.accept(endpoint, peer);
        }
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
                    made.put(new Place(endpoint, connection.getPeerAddress()), nanos.getAsLong());
                    established(new Established(endpoint, connection.getPeerAddress(), psk.getIdentity()));
                }
            }

            @Override
            public void onConnectionRemoved(Connection connection) {
                if (connection.getPeerAddress() != null) {
                    made.remove(new Place(endpoint, connection.getPeerAddress()));
                }
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
