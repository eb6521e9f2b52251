package org.hearth.gateway.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hearth.gateway.domain.EventStore;
import org.hearth.sensors.SensorEvent;
import org.hearth.time.Scheduler;

/**
 * Sensor events in SQLite, committed with synchronous=NORMAL: safe against a process crash, light
 * on the SD card.
 *
 * <p>The daemon's store {@linkplain #batching batches}: events wait in memory for up to a window
 * and are then committed together. Each commit rewrites the last page of the table and of its
 * index into the WAL, about 8 KB however few rows it adds, so one commit a minute instead of one
 * an event cuts the card's writes several times over. What a crash can lose is at most the last
 * window of event history, which only the subject-access export reads: detectors keep their own
 * state in memory, and alerts, audit and outbox rows are never batched (synchronous=FULL, at
 * once). Pending events are written before every durable commit, so an alert is never on disk
 * ahead of the events that led to it, and when the database closes.
 */
public final class SqliteEventStore implements EventStore {

    /** How long an event may wait in memory before it is committed. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);
    /** A burst commits at once when this many events are waiting, so memory stays bounded. */
    static final int MAX_PENDING = 256;

    private final SqliteDatabase db;
    private final Scheduler scheduler;
    private final Duration window;
    private final List<SensorEvent> pending = new ArrayList<>();
    private Scheduler.Cancellable flushTimer;

    private SqliteEventStore(SqliteDatabase db, Scheduler scheduler, Duration window) {
        this.db = db;
        this.scheduler = scheduler;
        this.window = window;
        if (scheduler != null) {
            db.beforeDurableWrites(this::flush);
        }
    }

    /** Commits every event as it is appended: for tools and tests that read the table straight after. */
    public SqliteEventStore(SqliteDatabase db) {
        this(db, null, Duration.ZERO);
    }

    /** Commits events in batches at most {@code window} old, timed on {@code scheduler} (the event loop). */
    public static SqliteEventStore batching(SqliteDatabase db, Scheduler scheduler, Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the batching window must be positive, was " + window);
        }
        return new SqliteEventStore(db, scheduler, window);
    }

    @Override
    public void append(SensorEvent e) {
        if (scheduler == null) {
            db.inTransaction(false, () -> insert(List.of(e)));
            return;
        }
        synchronized (this) {
            pending.add(e);
            if (pending.size() < MAX_PENDING) {
                if (flushTimer == null) {
                    flushTimer = scheduler.schedule(window, this::flush);
                }
                return;
            }
        }
        flush();
    }

    /** Commits what is waiting, in one transaction. */
    public void flush() {
        List<SensorEvent> batch;
        synchronized (this) {
            if (flushTimer != null) {
                flushTimer.cancel();
                flushTimer = null;
            }
            if (pending.isEmpty()) {
                return;
            }
            batch = List.copyOf(pending);
            pending.clear();
        }
        db.inTransaction(false, () -> insert(batch));
    }

    private void insert(List<SensorEvent> batch) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(
                "INSERT INTO events(at, sensor, room, kind, active) VALUES (?, ?, ?, ?, ?)")) {
            for (SensorEvent e : batch) {
                ps.setLong(1, e.at().toEpochMilli());
                ps.setString(2, e.sensorId());
                ps.setString(3, e.room());
                ps.setString(4, e.kind().configName());
                ps.setInt(5, e.active() ? 1 : 0);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
