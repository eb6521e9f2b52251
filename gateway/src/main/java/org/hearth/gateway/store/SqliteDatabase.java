package org.hearth.gateway.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection to {@code hearth.db}. Not thread-safe: the event loop owns it. Other
 * processes (the {@code status} and {@code alerts} commands) open their own read connections,
 * which WAL lets run beside the writer.
 */
public final class SqliteDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);

    /** Each entry moves the schema one version forward; never edit one that has shipped. */
    private static final List<String> MIGRATIONS = List.of(
            """
            CREATE TABLE events (
              seq INTEGER PRIMARY KEY,
              at INTEGER NOT NULL,
              sensor TEXT NOT NULL,
              room TEXT NOT NULL,
              kind TEXT NOT NULL,
              active INTEGER NOT NULL);
            CREATE INDEX events_at ON events(at);
            CREATE TABLE alerts (
              id TEXT PRIMARY KEY,
              kind TEXT NOT NULL,
              severity TEXT NOT NULL,
              room TEXT NOT NULL,
              message TEXT NOT NULL,
              created_at INTEGER NOT NULL,
              state TEXT NOT NULL,
              level INTEGER NOT NULL,
              level_since INTEGER NOT NULL,
              test INTEGER NOT NULL);
            CREATE INDEX alerts_open ON alerts(state) WHERE state <> 'RESOLVED';
            CREATE TABLE audit (
              seq INTEGER PRIMARY KEY,
              alert_id TEXT NOT NULL REFERENCES alerts(id),
              at INTEGER NOT NULL,
              state TEXT NOT NULL,
              detail TEXT NOT NULL);
            CREATE INDEX audit_alert ON audit(alert_id);
            CREATE TABLE outbox (
              seq INTEGER PRIMARY KEY,
              alert_id TEXT NOT NULL REFERENCES alerts(id),
              carer TEXT NOT NULL,
              level INTEGER NOT NULL,
              created INTEGER NOT NULL,
              delivered_at INTEGER);
            CREATE INDEX outbox_pending ON outbox(seq) WHERE delivered_at IS NULL;
            """,
            // v2: the resident's spoken reminders ("remind me to take my tablets at six"). The task is
            // the assistant's own wording of a known task, never a transcript.
            """
            CREATE TABLE reminders (
              id TEXT PRIMARY KEY,
              task TEXT,
              due INTEGER NOT NULL,
              language TEXT NOT NULL);
            """,
            // v3: what the inactivity detector learned, and whether the resident is out, so a restart
            // neither begins the learning period again nor takes an empty home for an occupied one.
            // Samples are minutes as space-separated decimals; one row per room and hour of the week.
            """
            CREATE TABLE routine (
              id INTEGER PRIMARY KEY CHECK (id = 1),
              watched_since INTEGER NOT NULL,
              up_minutes TEXT NOT NULL);
            CREATE TABLE routine_quiet (
              room TEXT NOT NULL,
              hour_of_week INTEGER NOT NULL,
              minutes TEXT NOT NULL,
              PRIMARY KEY (room, hour_of_week));
            CREATE TABLE whereabouts (
              id INTEGER PRIMARY KEY CHECK (id = 1),
              away INTEGER NOT NULL,
              since INTEGER NOT NULL);
            """,
            // v4: audit entries say what happened (AuditEntry.Event) and which carer it concerns, so
            // no code reads the words meant for people. Older entries of the two kinds code once
            // matched on are filled in; the rest stay NOTE, their words intact.
            """
            ALTER TABLE audit ADD COLUMN event TEXT NOT NULL DEFAULT 'NOTE';
            ALTER TABLE audit ADD COLUMN carer TEXT NOT NULL DEFAULT '';
            UPDATE audit SET event = 'DELIVERED', carer = substr(detail, 14) WHERE detail LIKE 'Delivered to %';
            UPDATE audit SET event = 'CANCELLED_BY_RESIDENT' WHERE detail LIKE 'Cancelled by the resident%';
            """,
            // v5: the care hub's uplink. Each audit entry keeps the alert's level when it was written
            // (older entries: null, read as the alert's level now), and hub_events keeps, per alert, how
            // many of its entries the hub has acknowledged, so every event reaches the hub once and in
            // order across restarts.
            """
            ALTER TABLE audit ADD COLUMN level INTEGER;
            CREATE TABLE hub_events (
              alert_id TEXT PRIMARY KEY REFERENCES alerts(id),
              sent INTEGER NOT NULL);
            """,
            // v6: daily reminders ("remind me to take my tablets at nine every day"); due is the next time.
            """
            ALTER TABLE reminders ADD COLUMN daily INTEGER NOT NULL DEFAULT 0;
            """,
            // v7: a carer's resolution keeps its outcome as a value (Down.Outcome's name; older entries:
            // null, their words intact), and each entry the next level of the escalation as it stood
            // after it (when it is due, which level, who), null when none is due, so the hub is told both.
            """
            ALTER TABLE audit ADD COLUMN outcome TEXT;
            ALTER TABLE audit ADD COLUMN next_at INTEGER;
            ALTER TABLE audit ADD COLUMN next_level INTEGER;
            ALTER TABLE audit ADD COLUMN next_to TEXT;
            """);

    private final Connection connection;
    private final Path file;
    /** Batched writes (sensor events) to commit before any durable write and before closing. */
    private final java.util.List<Runnable> pendingWriters = new java.util.concurrent.CopyOnWriteArrayList<>();
    private boolean flushing;

    private SqliteDatabase(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /**
     * Opens (creating if needed, mode 0600) and migrates the database. A missing data directory is
     * created mode 0700, as systemd's tmpfiles.d makes it, also when the daemon runs outside
     * systemd; an existing one is left as it is.
     */
    public static SqliteDatabase open(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=5000");
                // SQLite's default, set on purpose: a checkpoint copies every page changed since the last one into
                // the database file, so checkpointing less often writes the hot tail pages of the events table
                // and its index fewer times. 1000 pages caps the WAL at about 4 MB. See docs/performance.md.
                s.execute("PRAGMA wal_autocheckpoint=1000");
            }
            SqliteDatabase db = new SqliteDatabase(c, file);
            db.migrate();
            return db;
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing database for reading only, for commands that run beside the daemon.
     *
     * @throws StoreException when there is no database yet, or it is from another version of Hearth
     */
    public static SqliteDatabase openReadOnly(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StoreException("there is no Hearth database at " + file + " yet; has the daemon run?", null);
        }
        try {
            var props = new java.util.Properties();
            props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, props);
            SqliteDatabase db = new SqliteDatabase(c, file);
            if (db.schemaVersion() != MIGRATIONS.size()) {
                db.close();
                throw new StoreException("the database at " + file + " is schema version " + db.schemaVersion()
                        + "; this Hearth reads version " + MIGRATIONS.size() + ". Start the daemon once to migrate it.", null);
            }
            return db;
        } catch (SQLException e) {
            throw new StoreException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    Connection connection() {
        return connection;
    }

    public int schemaVersion() {
        try (Statement s = connection.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new StoreException("cannot read the schema version", e);
        }
    }

    private void migrate() throws SQLException {
        int version = schemaVersion();
        if (version > MIGRATIONS.size()) {
            throw new SQLException("the database is schema version " + version + ", newer than this Hearth ("
                    + MIGRATIONS.size() + "); install the newer Hearth again");
        }
        for (int v = version; v < MIGRATIONS.size(); v++) {
            int target = v + 1;
            inTransaction(true, () -> {
                try (Statement s = connection.createStatement()) {
                    for (String sql : MIGRATIONS.get(target - 1).split(";")) {
                        if (!sql.isBlank()) {
                            s.execute(sql);
                        }
                    }
                    s.execute("PRAGMA user_version=" + target);
                }
            });
            LOG.info("Database schema migrated to version {}", target);
        }
    }

    /** A unit of work on the connection. */
    interface Work {
        void run() throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction. With {@code durable}, the commit is
     * {@code synchronous=FULL}: on disk before this returns, even if the power fails next.
     */
    void inTransaction(boolean durable, Work work) {
        if (durable) {
            flushPending();
        }
        try {
            if (durable) {
                execute("PRAGMA synchronous=FULL");
            }
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
                if (durable) {
                    execute("PRAGMA synchronous=NORMAL");
                }
            }
        } catch (SQLException e) {
            throw new StoreException("database write failed: " + e.getMessage(), e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** Runs SQLite's own consistency check; "ok" when the file is sound. */
    public String integrityCheck() {
        try (Statement s = connection.createStatement(); var rs = s.executeQuery("PRAGMA integrity_check")) {
            return rs.getString(1);
        } catch (SQLException e) {
            throw new StoreException("integrity check failed to run", e);
        }
    }

    /** Registers a writer that holds rows back; they are committed before every durable write and at close. */
    void beforeDurableWrites(Runnable flush) {
        pendingWriters.add(flush);
    }

    private void flushPending() {
        if (flushing) {
            return;
        }
        flushing = true;
        try {
            pendingWriters.forEach(Runnable::run);
        } finally {
            flushing = false;
        }
    }

    @Override
    public void close() {
        try {
            flushPending();
        } catch (StoreException e) {
            LOG.warn("Sensor events waiting to be written were lost: {}", e.getMessage());
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Database did not close cleanly: {}", e.getMessage());
        }
    }
}
