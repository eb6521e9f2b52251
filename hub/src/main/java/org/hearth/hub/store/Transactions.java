package org.hearth.hub.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's two connections: one for every write, one for reads (see {@link Lane}). A
 * connection that breaks (PostgreSQL restarted) is opened again at the next call, so the hub
 * recovers without a restart. After a commit whose work appended to the live stream
 * ({@link #appended}) the stream's listeners are told.
 *
 * <p><b>Group commit.</b> Writes that arrive while a commit is being flushed to disk wait for it,
 * then go together: the first of them runs them all in one transaction, each in a savepoint of
 * its own, and commits once, so a burst of alerts costs one flush rather than one each. A write
 * that finds no commit in progress runs at once, alone, as before: nothing waits for company.
 * Every write still returns only after the commit that holds it, so an answer sent after it is a
 * receipt; if that commit fails, every write in it fails (and was not stored), and a write whose
 * own work fails is rolled back to its savepoint without spoiling the others.
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
    /** Writes waiting for the commit in progress to end; guarded by itself. */
    private final ArrayDeque<Pending<?>> waiting = new ArrayDeque<>();
    /** Whether a thread is running writes and committing them; guarded by {@link #waiting}. */
    private boolean committing;

    Transactions(String name, Opener opener) {
        this.name = name;
        this.opener = opener;
    }

    /**
     * Runs {@code work} in a transaction on the writing connection, committed before it returns:
     * alone, or together with the writes that arrived while the commit before was flushed.
     */
    <T> T write(Sql.Work<T> work) {
        Pending<T> mine = new Pending<>(work);
        List<Pending<?>> group;
        boolean interrupted = false;
        synchronized (waiting) {
            waiting.add(mine);
            while (committing && !mine.done) {
                try {
                    waiting.wait();
                } catch (InterruptedException e) {
                    // Queued work may be committed by the next group: wait for its outcome rather than leave it unknown.
                    interrupted = true;
                }
            }
            if (!mine.done) {
                committing = true;
                group = List.copyOf(waiting);
                waiting.clear();
            } else {
                group = List.of();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        boolean appendedInGroup = false;
        if (!group.isEmpty()) {
            try {
                appendedInGroup = writes.run(group);
            } finally {
                // Only an Error leaves one unfinished; its caller must not take a result that never came.
                group.stream().filter(p -> !p.done).forEach(p -> p.fail(new StoreException(name + ": the write did not end")));
                synchronized (waiting) {
                    committing = false;
                    waiting.notifyAll();
                }
            }
        }
        // After the next group may start: a listener that writes must not wait for its own group.
        if (appendedInGroup) {
            tellAppended();
        }
        return mine.outcome();
    }

    /** How many writes wait for the commit in progress to end. */
    int waitingWrites() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    /** Runs {@code work}, which only reads, in one transaction on the reading connection. */
    <T> T read(Sql.Work<T> work) {
        return reads.runAlone(work);
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

    /** One caller's work and, once its transaction ended, its result or failure. */
    private static final class Pending<T> {

        private final Sql.Work<T> work;
        /** Set before {@link #done}; read after it. */
        private T result;
        private RuntimeException failure;
        private volatile boolean done;

        Pending(Sql.Work<T> work) {
            this.work = work;
        }

        void run(Connection c) throws SQLException {
            result = work.run(c);
        }

        void fail(RuntimeException e) {
            failure = e;
            done = true;
        }

        void succeed() {
            if (failure == null) {
                done = true;
            }
        }

        T outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }

    /**
     * One connection and the calls queued for it. Writes go through one lane, a group at a time, so
     * the live stream's ids follow the commits; reads go through a lane of their own, so no read
     * (the uplink's look-up of the calling home, the live streams' poll) waits behind a commit while
     * it is flushed to disk. SQLite in WAL mode and PostgreSQL both let a reader go on beside a writer.
     */
    private final class Lane {

        private final boolean writing;
        private Connection connection;

        Lane(boolean writing) {
            this.writing = writing;
        }

        /**
         * Runs the group's work in one transaction; each ends failed or done, with the commit.
         * Returns whether a write committed appended to the live stream.
         */
        synchronized boolean run(List<Pending<?>> group) {
            if (writing) {
                appended = false;
            }
            try {
                runAlone(c -> {
                    if (group.size() == 1) {
                        group.get(0).run(c);
                    } else {
                        runEachInSavepoint(c, group);
                    }
                    return null;
                });
                group.forEach(Pending::succeed);
                return writing && appended;
            } catch (RuntimeException e) {
                group.stream().filter(p -> !p.done).forEach(p -> p.fail(e));
                return false;
            }
        }

        /**
         * Runs one caller's work alone in a transaction and returns its result, or throws: a
         * {@link StoreException} when the store could not be used. The reading lane's calls, never
         * grouped, come here directly, with nothing allocated to carry the outcome.
         */
        synchronized <T> T runAlone(Sql.Work<T> work) {
            try {
                Connection c = connection();
                T result;
                try {
                    result = work.run(c);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    throw e;
                }
                working();
                return result;
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        /** The store answered: an outage logged before has ended. */
        private void working() {
            if (failing) {
                failing = false;
                LOG.warn("{}: working again", name);
            }
        }

        /** The store could not be used: logged once per outage; the failure to give the caller. */
        private StoreException failed(SQLException e) {
            dropIfBroken();
            if (!failing) {
                // Once per outage, not once per request: gateways retry, and each retry fails alike.
                failing = true;
                LOG.warn("{}: cannot be used: {}; gateways are told to retry until it works again", name, firstLine(e.getMessage()));
            }
            return new StoreException(name + ": " + e.getMessage(), e);
        }

        /**
         * Several callers' work in one transaction: one whose work throws is rolled back to its
         * savepoint and fails alone; a savepoint that cannot be rolled back fails them all.
         */
        private void runEachInSavepoint(Connection c, List<Pending<?>> group) throws SQLException {
            for (Pending<?> p : group) {
                Savepoint s = c.setSavepoint();
                try {
                    p.run(c);
                    c.releaseSavepoint(s);
                } catch (SQLException e) {
                    c.rollback(s);
                    p.fail(new StoreException(name + ": " + e.getMessage(), e));
                } catch (RuntimeException e) {
                    c.rollback(s);
                    p.fail(e);
                }
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
