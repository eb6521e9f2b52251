package org.hearth.hub.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.hearth.hub.store.AccessEntry;
import org.hearth.hub.store.Device;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.StreamEvent;
import org.hearth.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /homes/stream} (docs/hub-api.md §3, "Live updates"): Server-Sent Events of the store's
 * stream entries for the homes a device may see. On the scheduler's thread, woken by the store after
 * each commit that appended entries (and every second besides), new entries after the last id seen
 * are read and handed to the streams of their home; every stream
 * writes on its own turn of a shared writer pool, so a client that stops reading holds up nobody else.
 * Several hub nodes on one PostgreSQL store: the store wakes each node's streams when another
 * node stored entries too (LISTEN/NOTIFY), and the poll covers a notification missed.
 */
final class LiveStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveStreams.class);

    /** docs/hub-api.md §4. */
    static final int MAX_PER_DEVICE = 5;
    /** Entries are read when the store says it appended some; this poll is the backstop. */
    static final Duration POLL = Duration.ofSeconds(1);
    /** Below the 30 s idle timeouts common in proxies and mobile NATs. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(25);
    /** A device revoked by {@code hearth-hub revoke} (another process) is noticed this soon. */
    static final Duration REVOCATION_CHECK = Duration.ofSeconds(1);
    static final Duration KEPT = Duration.ofDays(7);
    static final Duration PRUNE_EVERY = Duration.ofHours(1);
    /** The client's reconnection delay, sent as the stream's first field. */
    static final long RETRY_MS = 5_000;
    private static final int BATCH = 200;
    /** Events waiting for a client that does not read; beyond this the stream is closed and the client replays on reconnect. */
    private static final int MAX_PENDING = 10_000;
    private static final int DEVICES_PER_QUERY = 500;

    private final HubStore store;
    private final Scheduler loop;
    private final ExecutorService writers;
    /** Open streams by device id; guarded by {@code this}. */
    private final Map<String, List<EventStream>> byDevice = new HashMap<>();
    /** The next run of each periodic task, by name; guarded by itself. */
    private final Map<String, Scheduler.Cancellable> timers = new HashMap<>();
    private volatile boolean closed;
    private final AtomicBoolean woken = new AtomicBoolean();
    /** Devices whose streams opened since the last revocation check; guarded by {@code this}. */
    private final Set<String> openedSinceCheck = new java.util.HashSet<>();
    /** The store's count of revoked devices at the last check; on the loop's thread only, -1 before the first. */
    private long revokedSeen = -1;
    /** The newest entry handed to the streams; on the loop's thread only. -1 until read from the store. */
    private long cursor = -1;

    LiveStreams(HubStore store, Scheduler loop) {
        this.store = store;
        this.loop = loop;
        AtomicInteger n = new AtomicInteger();
        this.writers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hub-stream-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        store.onAppended(this::wake);
        loop.execute(this::poll);
        loop.execute(this::prune);
        every("poll", POLL, this::poll);
        every("keep-alive", KEEP_ALIVE, this::keepAlive);
        every("revocations", REVOCATION_CHECK, this::closeRevoked);
        every("prune", PRUNE_EVERY, this::prune);
    }

    /** Runs {@code task} on the loop {@code period} after each run ends, until closed. */
    private void every(String name, Duration period, Runnable task) {
        synchronized (timers) {
            if (!closed) {
                timers.put(name, loop.schedule(period, () -> {
                    task.run();
                    every(name, period, task);
                }));
            }
        }
    }

    /** {@code GET /homes/stream}: answers 200 and keeps the exchange, or 429 beyond {@link #MAX_PER_DEVICE}. */
    void open(Call call, Device device) throws IOException {
        Optional<Long> lastEventId = lastEventId(call);
        EventStream stream = new EventStream(device.id(),
                device.homes().stream().map(Device.Grant::homeId).collect(Collectors.toUnmodifiableSet()));
        synchronized (this) {
            List<EventStream> open = byDevice.computeIfAbsent(device.id(), id -> new ArrayList<>());
            if (open.size() >= MAX_PER_DEVICE) {
                throw new ApiException(429, "slow_down", "this device has " + MAX_PER_DEVICE
                        + " live streams open already, the most it may; close one", KEEP_ALIVE.toSeconds());
            }
            open.add(stream);
            openedSinceCheck.add(device.id());
        }
        try {
            for (String home : stream.homes) {
                store.logAccess(new AccessEntry(loop.now(), device.id(), home, lastEventId.map(id -> "stream after " + id).orElse("stream")));
            }
            stream.attach(call.startEventStream());
        } catch (IOException | RuntimeException e) {
            // Before the answer started this is an error answer; after, the stream closes.
            stream.close();
            throw e;
        }
        stream.send("retry: " + RETRY_MS + "\n\n");
        loop.execute(() -> start(stream, lastEventId));
    }

    private static Optional<Long> lastEventId(Call call) {
        Optional<String> header = call.requestHeader("Last-Event-ID").map(String::strip).filter(s -> !s.isEmpty());
        if (header.isEmpty()) {
            return Optional.empty();
        }
        if (!header.get().matches("\\d{1,18}")) {
            throw ApiException.badRequest("Last-Event-ID: must be the id of an event this hub sent");
        }
        return Optional.of(Long.parseLong(header.get()));
    }

    /** Closes every stream of the device at once (it was revoked). */
    void closeDevice(String deviceId) {
        List<EventStream> open;
        synchronized (this) {
            open = byDevice.remove(deviceId);
        }
        if (open != null) {
            LOG.info("Device {}: revoked; its {} live stream(s) closed", deviceId, open.size());
            open.forEach(EventStream::close);
        }
    }

    /**
     * Sends an event to this device's open streams only, with no id: it is not kept, and a client
     * that reconnects is not sent it again. Returns how many streams it went to.
     */
    int tellDevice(String deviceId, String event, String json) {
        List<EventStream> open;
        synchronized (this) {
            open = List.copyOf(byDevice.getOrDefault(deviceId, List.of()));
        }
        open.forEach(s -> s.send("event: " + event + "\ndata: " + json + "\n\n"));
        return open.size();
    }

    /** On the loop: what the client missed (after its {@code Last-Event-ID}, up to the cursor), then live. */
    private void start(EventStream stream, Optional<Long> lastEventId) {
        try {
            if (!ensureCursor()) {
                stream.close();
                return;
            }
            long after = Math.min(lastEventId.orElse(cursor), cursor);
            while (after < cursor) {
                List<StreamEvent> batch = store.streamAfter(after, stream.homes, BATCH);
                for (StreamEvent e : batch) {
                    if (e.id() <= cursor) {
                        rendered(e).ifPresent(stream::send);
                    }
                }
                if (batch.size() < BATCH) {
                    break;
                }
                after = batch.get(batch.size() - 1).id();
            }
            stream.started = true;
        } catch (RuntimeException e) {
            LOG.warn("Could not replay the stream for device {}: {}; it is closed and the client reconnects", stream.deviceId,
                    e.getMessage());
            stream.close();
        }
    }

    private boolean ensureCursor() {
        if (cursor < 0) {
            cursor = store.lastStreamId();
        }
        return cursor >= 0;
    }

    /** From the thread that stored an entry: reads it on the loop soon, once for many entries stored together. */
    private void wake() {
        if (!closed && woken.compareAndSet(false, true)) {
            loop.execute(() -> {
                woken.set(false);
                poll();
            });
        }
    }

    /** On the loop: hands new entries to the streams of their homes, then polls again. */
    private void poll() {
        try {
            if (ensureCursor()) {
                List<StreamEvent> batch;
                do {
                    batch = store.streamAfter(cursor, BATCH);
                    List<EventStream> streams = batch.isEmpty() ? List.of() : all();
                    for (StreamEvent e : batch) {
                        Optional<String> text = rendered(e);
                        for (EventStream s : streams) {
                            if (text.isPresent() && s.started && s.homes.contains(e.homeId())) {
                                s.send(text.get());
                            }
                        }
                        cursor = e.id();
                    }
                } while (batch.size() == BATCH);
            }
        } catch (RuntimeException e) {
            // A store outage: the next poll tries again from the same cursor.
            LOG.debug("The live stream could not read the store: {}", e.getMessage());
        }
    }

    /** The entry's text; an entry that cannot be rendered is a bug, logged and passed over rather than stopping the stream. */
    private static Optional<String> rendered(StreamEvent e) {
        try {
            return Optional.of(StreamEvents.render(e));
        } catch (RuntimeException failure) {
            LOG.error("Live stream entry {} ({}) of home {} cannot be rendered; it is left out", e.id(), e.kind(), e.homeId(), failure);
            return Optional.empty();
        }
    }

    private void keepAlive() {
        all().forEach(s -> s.send(": keep-alive\n\n"));
    }

    /**
     * Closes the streams of revoked devices. Every open device is looked up only when a device was
     * revoked since the last check (a count the store keeps, one cheap query a second); otherwise
     * only the devices whose streams opened since, which may have been revoked just before.
     */
    private void closeRevoked() {
        List<String> devices;
        long revoked;
        try {
            revoked = store.revokedDevices();
        } catch (RuntimeException e) {
            LOG.debug("Could not check for revoked devices: {}", e.getMessage());
            return;
        }
        synchronized (this) {
            devices = new ArrayList<>(revoked == revokedSeen ? openedSinceCheck : byDevice.keySet());
            openedSinceCheck.clear();
        }
        try {
            for (int i = 0; i < devices.size(); i += DEVICES_PER_QUERY) {
                store.revokedAmong(devices.subList(i, Math.min(devices.size(), i + DEVICES_PER_QUERY))).forEach(this::closeDevice);
            }
            revokedSeen = revoked;
        } catch (RuntimeException e) {
            revokedSeen = -1;
            LOG.debug("Could not check for revoked devices: {}", e.getMessage());
        }
    }

    private void prune() {
        try {
            int n = store.pruneStream(loop.now().minus(KEPT));
            if (n > 0) {
                LOG.info("Live stream: {} entries older than {} days pruned", n, KEPT.toDays());
            }
        } catch (RuntimeException e) {
            LOG.debug("Could not prune the live stream: {}", e.getMessage());
        }
    }

    private synchronized List<EventStream> all() {
        return byDevice.values().stream().flatMap(List::stream).toList();
    }

    private synchronized void forget(EventStream stream) {
        List<EventStream> open = byDevice.get(stream.deviceId);
        if (open != null) {
            open.remove(stream);
            if (open.isEmpty()) {
                byDevice.remove(stream.deviceId);
            }
        }
    }

    /** How many streams are open, for the tests and the log. */
    synchronized int openStreams() {
        return byDevice.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public void close() {
        closed = true;
        synchronized (timers) {
            timers.values().forEach(Scheduler.Cancellable::cancel);
            timers.clear();
        }
        List<EventStream> open = all();
        synchronized (this) {
            byDevice.clear();
        }
        open.forEach(EventStream::close);
        writers.shutdown();
    }

    /** One client's open response: text waits in a queue and is written by one writer at a time. */
    private final class EventStream {

        final String deviceId;
        final Set<String> homes;
        /** Set on the loop once the replay is queued; live entries go only to started streams. */
        boolean started;
        private final Queue<byte[]> pending = new ConcurrentLinkedQueue<>();
        private final AtomicInteger size = new AtomicInteger();
        private final AtomicBoolean writing = new AtomicBoolean();
        private volatile boolean closing;
        private volatile HttpExchange exchange;

        EventStream(String deviceId, Set<String> homes) {
            this.deviceId = deviceId;
            this.homes = homes;
        }

        void attach(HttpExchange exchange) {
            this.exchange = exchange;
            if (closing) {
                turn();
            }
        }

        void send(String text) {
            if (closing) {
                return;
            }
            if (size.incrementAndGet() > MAX_PENDING) {
                LOG.info("Device {}: a live stream fell {} events behind; closed, the client replays from its Last-Event-ID",
                        deviceId, MAX_PENDING);
                close();
                return;
            }
            pending.add(text.getBytes(StandardCharsets.UTF_8));
            turn();
        }

        void close() {
            closing = true;
            forget(this);
            turn();
        }

        /** Starts a writer unless one is at work; it writes what waits, or closes. */
        private void turn() {
            if (exchange != null && writing.compareAndSet(false, true)) {
                try {
                    writers.execute(this::write);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    writing.set(false);
                    exchange.close();
                }
            }
        }

        private void write() {
            try {
                if (closing) {
                    pending.clear();
                    exchange.close();
                    return;
                }
                OutputStream out = exchange.getResponseBody();
                byte[] text;
                while ((text = pending.poll()) != null) {
                    size.decrementAndGet();
                    out.write(text);
                }
                out.flush();
            } catch (IOException e) {
                LOG.debug("Device {}: a live stream ended: {}", deviceId, e.getMessage());
                closing = true;
                forget(this);
                exchange.close();
                return;
            } finally {
                writing.set(false);
            }
            if (!pending.isEmpty() || closing) {
                turn();
            }
        }
    }
}
