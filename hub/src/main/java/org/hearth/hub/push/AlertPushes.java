package org.hearth.hub.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hearth.hub.store.Device;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.PushSubscription;
import org.hearth.hub.store.StreamEvent;
import org.hearth.protocol.Alert;
import org.hearth.protocol.ProtocolException;
import org.hearth.protocol.Severity;
import org.hearth.protocol.WireCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes each new alert to the devices of the carers it is for: those who may see its home at the
 * alert's ladder level or below. It follows the store's stream (docs/hub-api.md §3, "Live updates")
 * on the push loop, woken after each commit that appended to it, so a push goes only for an alert
 * that is durable, and never on the thread that stored it. The payload is the alert's own words and
 * ids, nothing more (docs/privacy.md).
 */
public final class AlertPushes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertPushes.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The wake-up after a commit is what counts; this poll is the backstop. */
    static final Duration POLL = Duration.ofSeconds(10);
    private static final int BATCH = 200;

    private final HubStore store;
    private final WebPush push;
    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile boolean closed;
    /** The newest stream entry looked at; on the push loop only. -1 until read. */
    private long cursor = -1;

    public AlertPushes(HubStore store, WebPush push) {
        this.store = store;
        this.push = push;
        store.onAppended(this::wake);
        push.loop().execute(this::poll);
        every();
    }

    private void every() {
        push.loop().schedule(POLL, () -> {
            if (!closed) {
                poll();
                every();
            }
        });
    }

    private void wake() {
        if (!closed && woken.compareAndSet(false, true)) {
            push.loop().execute(() -> {
                woken.set(false);
                poll();
            });
        }
    }

    /** On the push loop: every new alert since the cursor. Alerts stored before the hub started are not pushed. */
    private void poll() {
        try {
            if (cursor < 0) {
                cursor = store.lastStreamId();
                return;
            }
            List<StreamEvent> batch;
            do {
                batch = store.streamAfter(cursor, BATCH);
                for (StreamEvent e : batch) {
                    if (e.kind() == StreamEvent.Kind.ALERT) {
                        alert(e);
                    }
                    cursor = e.id();
                }
            } while (batch.size() == BATCH);
        } catch (RuntimeException e) {
            // A store outage: the next wake-up or poll goes on from the same cursor.
            LOG.debug("Pushes could not read the store: {}", e.getMessage());
        }
    }

    private void alert(StreamEvent e) {
        Alert alert;
        try {
            alert = WireCodec.decodeAlert(e.json().getBytes(StandardCharsets.UTF_8));
        } catch (ProtocolException failure) {
            LOG.error("Stream entry {}: a stored alert no longer decodes; not pushed", e.id(), failure);
            return;
        }
        Optional<Home> home = store.home(e.homeId());
        List<PushSubscription> to = store.pushSubscriptions(e.homeId(), alert.level());
        if (home.isEmpty() || to.isEmpty()) {
            return;
        }
        byte[] payload = payload(alert, home.get());
        WebPush.Urgency urgency = alert.severity() == Severity.URGENT ? WebPush.Urgency.HIGH : WebPush.Urgency.NORMAL;
        to.forEach(s -> push.send(s, payload, urgency));
        LOG.info("Home {}: alert {} pushed to {} device(s)", e.homeId(), alert.id(), to.size());
    }

    /**
     * docs/hub-api.md §3, "Web Push": the ids, the home's label, kind, severity, room, time and the
     * alert's words, shortened if the whole would not fit one push message.
     */
    static byte[] payload(Alert alert, Home home) {
        ObjectNode o = JSON.createObjectNode().put("v", 1).put("type", "alert").put("home", home.id()).put("home_label", home.label())
                .put("alert_id", alert.id().toString()).put("kind", alert.kind().name().toLowerCase(Locale.ROOT))
                .put("severity", alert.severity().name().toLowerCase(Locale.ROOT)).put("room", alert.room())
                .put("raised_at", alert.raisedAt().toString()).put("test", alert.test());
        String words = alert.message();
        byte[] bytes;
        while ((bytes = o.put("words", words).toString().getBytes(StandardCharsets.UTF_8)).length > Aes128Gcm.MAX_PLAINTEXT - WebPush.PAD_TO) {
            words = words.substring(0, Math.max(0, words.length() - 100)) + "…";
        }
        return bytes;
    }

    /** A test notification to one device, if it has a subscription; false if it has none. */
    public boolean test(Device device, java.time.Instant at) {
        Optional<PushSubscription> s = store.pushSubscription(device.id());
        s.ifPresent(subscription -> push.send(subscription, testPayload(device, at).getBytes(StandardCharsets.UTF_8), WebPush.Urgency.HIGH));
        return s.isPresent();
    }

    /** What {@link #test} sends, and the live stream's {@code test} event carries too. */
    public static String testPayload(Device device, java.time.Instant at) {
        return JSON.createObjectNode().put("v", 1).put("type", "test").put("device", device.name()).put("at", at.toString()).toString();
    }

    public String publicKey() {
        return push.publicKey();
    }

    @Override
    public void close() {
        closed = true;
    }
}
