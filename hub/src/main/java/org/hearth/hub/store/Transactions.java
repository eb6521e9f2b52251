package org.hearth.hub.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's two connections, each used by one caller at a time: one for every write, one for
 * reads (see {@link Lane}). A connection that breaks (PostgreSQL restarted) is opened again at the
 * next call, so the hub recovers without a restart. After a commit whose work appended to the live
 * stream ({@link #appended}) the stream's listeners are told.
 */
final class Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    /** Opens a connection to the store. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    private final String name;
    private final Opener opener;
    private final Lane writes = new Lane(true);
    private final Lane reads = new Lane(false);
    /** Whether the store failed at its last use, by either lane: an outage is logged once. */
    private volatile boolean failing;
    /** Set by {@link #appended} within the current write; guarded by {@link #writes}. */
    private boolean appended;
    private final List<Runnable> appendListeners = new CopyOnWriteArrayList<>();

    Transactions(String name, Opener opener) {
        this.name = name;
        this.opener = opener;
    }

    /** Runs {@code work} in one transaction on the writing connection, committed before it returns. */
    <T> T write(Sql.Work<T> work) {
        return writes.run(work);
    }

    /** Runs {@code work}, which only reads, in one transaction on the reading connection. */
    <T> T read(Sql.Work<T> work) {
        return reads.run(work);
    }

    /** Called within a write that appended to the live stream: its listeners are told after the commit. */
    void appended() {
        appended = true;
    }

    void onAppended(Runnable listener) {
        appendListeners.add(listener);
    }

    /** Tells every listener that entries were appended (here, or by another node). */
    void tellAppended() {
        for (Runnable listener : appendListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.error("A live stream listener failed; what was stored stays stored", e);
            }
        }
    }

    void close() {
        writes.close();
        reads.close();
    }

    /**
     * One connection and the calls queued for it. Writes go one at a time through one lane, so the
     * live stream's ids follow the commits; reads go through a lane of their own, so no read (the
     * uplink's look-up of the calling home, the live streams' poll) waits behind a commit while it
     * is flushed to disk. SQLite in WAL mode and PostgreSQL both let a reader go on beside a writer.
     */
    private final class Lane {

        private final boolean writing;
        private Connection connection;

        Lane(boolean writing) {
            this.writing = writing;
        }

        synchronized <T> T run(Sql.Work<T> work) {
            try {
                Connection c = connection();
                T result;
                if (writing) {
                    appended = false;
                }
                try {
                    result = work.run(c);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    throw e;
                }
                if (writing && appended) {
                    tellAppended();
                }
                if (failing) {
                    failing = false;
                    LOG.warn("{}: working again", name);
                }
                return result;
            } catch (SQLException e) {
                dropIfBroken();
                if (!failing) {
                    // Once per outage, not once per request: gateways retry, and each retry fails alike.
                    failing = true;
                    LOG.warn("{}: cannot be used: {}; gateways are told to retry until it works again", name, firstLine(e.getMessage()));
                }
                throw new StoreException(name + ": " + e.getMessage(), e);
            }
        }

        /** The writing lane brings the schema up to date whenever it opens its connection. */
        private Connection connection() throws SQLException {
            if (connection == null) {
                Connection c = opener.open();
                try {
                    if (writing) {
                        Migrations.run(c);
                    } else {
                        c.setAutoCommit(false);
                    }
                } catch (SQLException | RuntimeException e) {
                    c.close();
                    throw e;
                }
                connection = c;
            }
            return connection;
        }

        private void dropIfBroken() {
            try {
                if (connection != null && !connection.isValid(2)) {
                    LOG.info("{}: the connection broke; it is opened again at the next use", name);
                    connection.close();
                    connection = null;
                }
            } catch (SQLException e) {
                connection = null;
            }
        }

        synchronized void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.warn("{}: closing: {}", name, e.getMessage());
                }
                connection = null;
            }
        }
    }

    private static String firstLine(String s) {
        return s == null ? "unknown error" : s.lines().findFirst().orElse(s);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("Rollback failed", e);
        }
    }
}
