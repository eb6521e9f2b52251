package org.hearth.transport;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.DtlsEndpointContext;
import org.eclipse.californium.elements.MapBasedEndpointContext;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.dtls.DtlsHandshakeTimeoutException;
import org.hearth.protocol.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Confirmable requests over one DTLS endpoint that survive either side restarting.
 *
 * <p>A peer that restarts forgets its DTLS sessions, but this side keeps its own and would go
 * on sending records the peer can only drop, until the session ages out hours later. Two rules
 * end that:
 * <ul>
 * <li><b>A timeout makes the peer suspect.</b> A request that got no answer at all, after
 *     Californium's retransmissions, marks the peer's address; the next request to it starts with
 *     a fresh full handshake instead of the old session.</li>
 * <li><b>Two unanswered retransmissions make the session doubtful.</b> A peer that never speaks
 *     first (a hub only answers) cannot say it restarted, and waiting for the whole exchange to
 *     time out took 60 to 90 s. After {@link #DOUBT_AFTER} retransmissions of a request (6 to 9 s
 *     with CoAP's defaults) it is sent again with a fresh handshake: at most one such handshake
 *     per peer within {@link #unsentLimit}, so a lossy link does not turn into a handshake storm.</li>
 * <li><b>A new incarnation means the peer restarted.</b> Every request carries its program's
 *     incarnation and uptime ({@link Sessions}); when a request from the peer's identity carries an
 *     incarnation not heard before, the restarted side has spoken first. Every request still in
 *     flight to that identity is sent again at once. Where this side's session with the peer's
 *     address is older than the peer's start, the re-send, or the next request there, starts with a
 *     fresh handshake; a session made since is one the peer knows, and is kept.</li>
 * </ul>
 * A third rule guards against the DTLS layer itself: <b>a request never sent is sent again.</b>
 * Scandium drops a message silently when too many wait for one handshake, and Californium times a
 * request out only once it was sent, so such a request would wait until {@link #GIVE_UP}. One still
 * unsent {@link #AFTER_DROP} after a handshake with its peer ended, completed or failed (those
 * waiting leave at once, or are told), goes again; so does one not sent by the time any handshake
 * would have ended ({@link #unsentLimit}, about 66 s), as a backstop.
 *
 * <p>Either way nothing is lost: a request is re-sent whole, so receivers must be idempotent (alerts
 * carry ids, acknowledgements are idempotent), and the caller is told only of the final outcome.
 */
public final class Sender {

    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);
    /** Longer than Californium's own worst case: a DTLS handshake plus every CoAP retransmission. */
    public static final Duration GIVE_UP = Duration.ofMinutes(3);
    /** Retransmissions of one request without an answer after which its session is doubted. */
    static final int DOUBT_AFTER = 2;


    /**
     * How a request ended.
     *
     * @param response the peer's answer, or empty when none came
     * @param timedOut no answer after every retransmission, or a handshake the peer never answered:
     *                 the peer may have restarted, and the next request to it starts with a fresh
     *                 handshake. False for an answer, and for a refusal such as a handshake that
     *                 failed later (a wrong key), which a re-send would not cure.
     */
    public record Outcome(Optional<Response> response, boolean timedOut) {
        static final Outcome GAVE_UP = new Outcome(Optional.empty(), true);

        /** True when the peer answered with a success code (2.xx). */
        public boolean succeeded() {
            return response.map(Response::isSuccess).orElse(false);
        }
    }

    private final Endpoint endpoint;
    private final Sessions sessions;
    private final Map<InetSocketAddress, String> identities = new ConcurrentHashMap<>();
    private final Set<InetSocketAddress> suspect = ConcurrentHashMap.newKeySet();
    private final Set<Attempt> inFlight = ConcurrentHashMap.newKeySet();
    /** Identities that completed a handshake with this program: their keys are right. */
    private final Set<String> proven = ConcurrentHashMap.newKeySet();
    private final AtomicLong resent = new AtomicLong();
    /** When a fresh handshake was last forced towards each address, by {@code System.nanoTime()}. */
    private final Map<InetSocketAddress, Long> forced = new ConcurrentHashMap<>();
    private final Duration unsentLimit;
    /** Why a request is sent again after {@link #unsentLimit}, for the log. */
    private final String neverSent;

    /**
     * @param endpoint the endpoint requests leave from
     * @param sessions the sessions of every endpoint of this program
     */
    public Sender(Endpoint endpoint, Sessions sessions) {
        this.endpoint = endpoint;
        this.sessions = sessions;
        this.unsentLimit = unsentLimit(endpoint.getConfig());
        this.neverSent = "was never sent after " + unsentLimit.toSeconds() + " s (dropped while waiting for a handshake)";
        sessions.onRestart(this::restarted);
        sessions.onEstablished(session -> {
            proven.add(session.identity());
            handshakeEnded(session.endpoint(), session.peer());
        });
        sessions.onHandshakeFailed(this::handshakeEnded);
    }

    /**
     * How long a request Scandium dropped before it left waits to be sent again ({@link #droppedHere}),
     * and how long one waiting for a handshake may take to leave once the handshake ended (completed or failed).
     */
    static final Duration AFTER_DROP = Duration.ofSeconds(1);

    /** Slack for timer threads running late on a busy machine: a handshake's failure may come this late. */
    private static final long TIMER_SLACK_MS = 2_000;

    /**
     * How long a request may wait for a DTLS handshake: every flight's retransmission timer, with
     * its back-off, one more initial timeout, and {@link #TIMER_SLACK_MS}. By then the handshake has
     * finished (the request was sent) or failed (the request was told); neither means it was
     * dropped. Without the slack, short timers on a loaded machine re-sent a request at the moment
     * its handshake failed, and the re-send, not the failure, decided the outcome.
     */
    static Duration unsentLimit(Configuration config) {
        double first = (config.get(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, TimeUnit.MILLISECONDS)
                + config.get(DtlsConfig.DTLS_ADDITIONAL_ECC_TIMEOUT, TimeUnit.MILLISECONDS))
                * config.get(DtlsConfig.DTLS_RETRANSMISSION_INIT_RANDOM);
        long most = config.get(DtlsConfig.DTLS_MAX_RETRANSMISSION_TIMEOUT, TimeUnit.MILLISECONDS);
        double total = first;
        double timer = first;
        for (int i = 0; i <= config.get(DtlsConfig.DTLS_MAX_RETRANSMISSIONS); i++) {
            total += Math.min(timer, most);
            timer *= config.get(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT_SCALE);
        }
        return Duration.ofMillis((long) total + TIMER_SLACK_MS);
    }

    /**
     * Sends a confirmable request.
     *
     * @param identity the PSK identity the peer's handshake proves (a carer's, for both directions)
     * @return how it ended, after any re-send with a fresh handshake
     */
    public CompletionStage<Outcome> send(Code method, URI target, String identity, byte[] payload,
                                                    int contentFormat) {
        int port = target.getPort() > 0 ? target.getPort()
                : "coaps".equals(target.getScheme()) ? Protocol.COAPS_PORT : Protocol.COAP_PORT;
        InetSocketAddress peer = new InetSocketAddress(target.getHost(), port);
        identities.put(peer, identity);
        Attempt attempt = new Attempt(method, target, peer, identity, payload, contentFormat);
        inFlight.add(attempt);
        attempt.result.whenComplete((answer, error) -> {
            inFlight.remove(attempt);
            attempt.stop();
        });
        attempt.start(suspect.remove(peer));
        return attempt.result.completeOnTimeout(Outcome.GAVE_UP, GIVE_UP.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A handshake ended, completed or failed: what waited for it has left by now, or was dropped
     * (Scandium tells a request of a failed handshake so, but drops some silently). Every request
     * to the peer still unsent {@link #AFTER_DROP} later is sent again; one the failure was told to
     * has its outcome by then and stays as it is. Runs on a DTLS thread, so it only schedules. A
     * handshake on another of this program's endpoints is told apart by its tag; where this
     * endpoint has none, it costs at most a re-check.
     */
    private void handshakeEnded(String handshakeEndpoint, InetSocketAddress peer) {
        if (!sessions.mayBeOn(endpoint, handshakeEndpoint)) {
            return;
        }
        for (Attempt a : inFlight) {
            if (a.peer.equals(peer)) {
                a.afterHandshake();
            }
        }
    }

    /** How many requests were re-sent because their peer had restarted. */
    public long resentAfterRestart() {
        return resent.get();
    }

    private void restarted(Sessions.Restart restart) {
        String identity = restart.identity();
        identities.forEach((address, known) -> {
            if (known.equals(identity) && !sessions.madeSince(endpoint, address, restart)) {
                suspect.add(address);
            }
        });
        for (Attempt a : inFlight) {
            if (a.identity.equals(identity)) {
                boolean fresh = suspect.remove(a.peer);
                LOG.info("{} restarted: sending {} {} again{}", identity, a.method, Printable.of(a.target.getPath()),
                        fresh ? " with a fresh handshake" : "");
                resent.incrementAndGet();
                // One fresh handshake per peer: the first re-send forces it and the others wait for it.
                // Forcing one each made Scandium reset the session while it was sending the messages
                // that had waited for the previous one, and those were lost unsent (a NullPointerException
                // in its DTLSConnector, seen with a 30-message queue).
                a.start(fresh);
            }
        }
    }

    /**
     * True for a handshake the peer never answered: its hello flights (1 and 3, RFC 6347 §4.2.4)
     * ran out of retransmissions. Like a request that timed out, the peer may have restarted or
     * been away; a later flight failing (a wrong key) is a refusal instead.
     */
    static boolean unheard(Throwable error) {
        return error instanceof DtlsHandshakeTimeoutException timeout && timeout.getFlightNumber() <= 3;
    }

    /**
     * True for a send error that a later try may cure: a handshake never answered, or one that
     * timed out later with an identity whose key this program has seen work. Its last flight
     * unanswered looks like a wrong key, but a key that worked is not wrong: the peer was
     * restarting, or its half of the handshake was replaced by a newer one (seen in the restart
     * matrix: every acknowledgement a carer re-sent to a gateway that had just restarted failed so,
     * and was never tried again).
     */
    private boolean curable(Throwable error, String identity) {
        return unheard(error) || error instanceof DtlsHandshakeTimeoutException && proven.contains(identity);
    }

    /**
     * True for a request Scandium dropped before it left: its connection was being removed at
     * that moment (a handshake failing just then; seen as "Outbound message overflow" in a test
     * that re-sent as a handshake failed) or its queue was full. Nothing reached the peer, so it
     * neither answered nor refused; the request is sent again after {@link #AFTER_DROP}.
     */
    static boolean droppedHere(Throwable error) {
        return error instanceof IllegalStateException || error instanceof RejectedExecutionException;
    }

    private final class Attempt {
        final Code method;
        final URI target;
        final InetSocketAddress peer;
        final String identity;
        final byte[] payload;
        final int contentFormat;
        final CompletableFuture<Outcome> result = new CompletableFuture<>();
        /** Written under the lock; volatile for {@link #afterHandshake}, on a DTLS thread that must not wait for it. */
        private volatile Request current;
        private boolean sent;

        Attempt(Code method, URI target, InetSocketAddress peer, String identity, byte[] payload, int contentFormat) {
            this.method = method;
            this.target = target;
            this.peer = peer;
            this.identity = identity;
            this.payload = payload;
            this.contentFormat = contentFormat;
        }

        /** Sends (again), cancelling the request it replaces; {@code fresh} forces a full handshake. */
        synchronized void start(boolean fresh) {
            if (result.isDone()) {
                return;
            }
            Request previous = current;
            if (fresh) {
                forced.put(peer, System.nanoTime());
            }
            Request r = request(fresh);
            current = r;
            sent = false;
            if (previous != null) {
                previous.cancel();
            }
            endpoint.sendRequest(r);
            resendLater(r, unsentLimit, Level.WARN, neverSent);
        }

        /** A handshake with the peer ended: the current request, if it waited for it, has left within {@link #AFTER_DROP}. */
        void afterHandshake() {
            Request r = current;
            if (r != null) {
                resendLater(r, AFTER_DROP, Level.INFO, "was still unsent a second after a handshake with its peer ended"
                        + " (dropped while waiting for it)");
            }
        }

        /**
         * Sends {@code r} again after {@code delay}, unless by then it has left, been replaced, or
         * the attempt has ended: nothing reached the peer, so only a re-send lets its answer decide.
         *
         * @param why what happened to {@code r}, for the log
         */
        private void resendLater(Request r, Duration delay, Level level, String why) {
            CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                synchronized (this) {
                    if (r == current && !sent && !result.isDone()) {
                        LOG.atLevel(level).log("{} {} to {} {}; sending it again", method, Printable.of(target.getPath()),
                                Printable.of(peer), why);
                        start(false);
                    }
                }
            });
        }

        /**
         * {@code r} went unanswered {@link #DOUBT_AFTER} times: send it again with a fresh
         * handshake, unless one was forced towards this peer lately (that one will carry the
         * retransmissions too).
         */
        private synchronized void doubt(Request r) {
            long now = System.nanoTime();
            Long last = forced.get(peer);
            if (r != current || result.isDone() || last != null && now - last < unsentLimit.toNanos()) {
                return;
            }
            LOG.info("{} {} to {}: no answer after {} retransmissions; sending it again with a fresh handshake", method,
                    Printable.of(target.getPath()), Printable.of(peer), DOUBT_AFTER);
            start(true);
        }

        private synchronized void markSent(Request r) {
            if (r == current) {
                sent = true;
            }
        }

        synchronized void stop() {
            if (current != null && current.getResponse() == null && !current.isCanceled()) {
                current.cancel();
            }
        }

        private synchronized boolean isCurrent(Request r) {
            return r == current;
        }

        private Request request(boolean fresh) {
            Request r = new Request(method, Type.CON);
            r.setURI(target);
            if (payload.length > 0) {
                r.setPayload(payload);
                r.getOptions().setContentFormat(contentFormat);
            }
            r.getOptions().addOtherOption(sessions.incarnation());
            // The endpoint's default starts no handshake (CoapSettings): a request asks for one.
            r.setDestinationContext(MapBasedEndpointContext.addEntries(r.getDestinationContext(), fresh
                    ? DtlsEndpointContext.ATTRIBUE_HANDSHAKE_MODE_FORCE_FULL : DtlsEndpointContext.ATTRIBUTE_HANDSHAKE_MODE_AUTO));
            r.addMessageObserver(new MessageObserverAdapter() {
                private int retransmissions;

                @Override
                public void onSent(boolean retransmission) {
                    markSent(r);
                }

                @Override
                public void onRetransmission() {
                    if (++retransmissions == DOUBT_AFTER) {
                        doubt(r);
                    }
                }

                @Override
                public void onResponse(Response response) {
                    if (isCurrent(r)) {
                        result.complete(new Outcome(Optional.of(response), false));
                    }
                }

                @Override
                public void onTimeout() {
                    if (isCurrent(r)) {
                        suspect.add(peer);
                        result.complete(Outcome.GAVE_UP);
                    }
                }

                @Override
                public void onReject() {
                    LOG.info("{} refused {} {} with a reset", Printable.of(peer), method, Printable.of(target.getPath()));
                    unanswered();
                }

                @Override
                public void onSendError(Throwable error) {
                    LOG.info("{} {} to {} could not be sent: {}", method, Printable.of(target.getPath()), Printable.of(peer),
                            Printable.of(String.valueOf(error)));
                    if (droppedHere(error)) {
                        resendLater(r, AFTER_DROP, Level.INFO, "was dropped before it left"); // the peer neither answered nor refused
                        return;
                    }
                    if (curable(error, identity)) {
                        onTimeout();
                    } else {
                        unanswered();
                    }
                }

                @Override
                public void onCancel() {
                    // a re-send replaced it, or the caller gave up: the current request decides
                }

                private void unanswered() {
                    if (isCurrent(r)) {
                        result.complete(new Outcome(Optional.empty(), false));
                    }
                }
            });
            return r;
        }
    }
}
