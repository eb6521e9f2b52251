package org.hearth.transport;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.eclipse.californium.scandium.DtlsHealth;
import org.eclipse.californium.scandium.dtls.DTLSContext;
import org.eclipse.californium.scandium.dtls.Handshaker;
import org.eclipse.californium.scandium.dtls.SessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What goes wrong on a DTLS endpoint, told in a few log lines instead of one per datagram. Records
 * that could not be used (malformed, forged, or for a session this side no longer has) are
 * counted and reported at most once a {@link #PERIOD}; a failed handshake is logged once per peer
 * per period, with the identity it claimed (never a key), and how many more failed since.
 * Scandium's own loggers stay at ERROR (the gateway's {@code app.LogSetup}, the hub's logback.xml), so a flood writes no stack traces.
 */
public final class LinkHealth implements DtlsHealth, SessionListener {

    private static final Logger LOG = LoggerFactory.getLogger(LinkHealth.class);
    /** The shortest time between two reports of the same kind. */
    public static final Duration PERIOD = Duration.ofMinutes(1);
    /** Peers remembered for rate limiting; more distinct peers in a minute are reported together. */
    static final int MAX_PEERS = 256;

    private final String endpoint;
    private final Clock clock;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final Map<InetSocketAddress, Instant> lastLogged = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Instant> eldest) {
            return size() > MAX_PEERS;
        }
    };
    private final Map<InetSocketAddress, Integer> suppressed = new LinkedHashMap<>();
    private volatile Consumer<InetSocketAddress> failures = peer -> { };
    private Instant lastReport;

    public LinkHealth(String endpoint, Clock clock) {
        this.endpoint = endpoint;
        this.clock = clock;
        this.lastReport = clock.instant();
    }

    /** Called by Scandium every health interval; reports the records dropped since the last report. */
    @Override
    public void dump(String tag, int maxConnections, int remainingCapacity, int pendingWithoutVerify) {
        report();
    }

    /** Reports what was dropped, if anything, and if a period has passed since the last report; true when it logged. */
    public synchronized boolean report() {
        Instant now = clock.instant();
        if (Duration.between(lastReport, now).compareTo(PERIOD) < 0) {
            return false;
        }
        long bad = dropped.getAndSet(0);
        long all = received.getAndSet(0);
        long seconds = Duration.between(lastReport, now).toSeconds();
        lastReport = now;
        if (bad > 0) {
            LOG.warn("{}: ignored {} of {} DTLS records received in the last {} s: malformed, forged, or for a"
                    + " session this side no longer holds", endpoint, bad, all, seconds);
        }
        return bad > 0;
    }

    /** Records ignored since the last report. */
    public long droppedSinceReport() {
        return dropped.get();
    }

    @Override
    public boolean isEnabled() {
        return true;
    }

    @Override
    public void startHandshake() {
    }

    @Override
    public void endHandshake(boolean success) {
    }

    @Override
    public void receivingRecord(boolean drop) {
        received.incrementAndGet();
        if (drop) {
            dropped.incrementAndGet();
        }
    }

    @Override
    public void sendingRecord(boolean drop) {
    }

    @Override
    public void handshakeStarted(Handshaker handshaker) {
    }

    @Override
    public void contextEstablished(Handshaker handshaker, DTLSContext context) {
    }

    @Override
    public void handshakeCompleted(Handshaker handshaker) {
    }

    @Override
    public void handshakeFailed(Handshaker handshaker, Throwable error) {
        Principal claimed = handshaker.getSession() == null ? null : handshaker.getSession().getPeerIdentity();
        String identity = claimed instanceof PreSharedKeyIdentity psk ? "identity '" + Printable.of(psk.getIdentity()) + "'"
                : "no identity this side knows";
        handshakeFailed(handshaker.getPeerAddress(), identity, error == null ? "" : error.getMessage());
        failures.accept(handshaker.getPeerAddress());
    }

    /** Also tells {@code listener} the peer of every failed handshake, on the DTLS thread that failed it. */
    void onFailure(Consumer<InetSocketAddress> listener) {
        failures = listener;
    }

    /** Logs a failed handshake, unless this peer's was logged less than a period ago; true when logged. */
    synchronized boolean handshakeFailed(InetSocketAddress peer, String identity, String why) {
        Instant now = clock.instant();
        Instant last = lastLogged.get(peer);
        if (last != null && Duration.between(last, now).compareTo(PERIOD) < 0) {
            suppressed.merge(peer, 1, Integer::sum);
            return false;
        }
        lastLogged.put(peer, now);
        Integer more = suppressed.remove(peer);
        LOG.warn("{}: a DTLS handshake from {} with {} failed: {}{}", endpoint, Printable.of(peer), identity,
                Printable.of(why), more == null ? "" : " (" + more + " more from it in the last minute)");
        return true;
    }

    @Override
    public void handshakeFlightRetransmitted(Handshaker handshaker, int flight) {
    }
}
