package org.hearth.hub.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL only: hears the commits of other hub nodes that appended live-stream entries, so each
 * node's readers are woken at once rather than at their next poll. Every node's store sends
 * {@code NOTIFY hearth_stream} with its own node id inside the transaction that appends (PostgreSQL
 * delivers it at the commit, and not at all on a rollback); this listener holds a connection of
 * its own with {@code LISTEN hearth_stream} and passes over its own node's notifications, which
 * its store has told its readers of already.
 *
 * <p>A notification is a wake-up, never data: readers read on from their last id, so one that is
 * missed (the listening connection broke) costs only the readers' poll interval. A broken
 * connection is opened again after {@link #RETRY_SECONDS}.
 */
final class StreamNotifications implements AutoCloseable {

    static final String CHANNEL = "hearth_stream";
    private static final Logger LOG = LoggerFactory.getLogger(StreamNotifications.class);
    private static final int RETRY_SECONDS = 5;
    /** How long one wait for notifications lasts, so that {@link #close} is noticed. */
    private static final int WAIT_MS = 1_000;

    private final String name;
    private final Transactions.Opener opener;
    private final String node;
    private final Runnable heard;
    private final ScheduledExecutorService thread;
    private volatile boolean closed;
    private boolean failing;

    /**
     * @param node  this node's id, the payload of its own notifications
     * @param heard run on the listening thread for each batch of other nodes' notifications
     */
    StreamNotifications(String name, Transactions.Opener opener, String node, Runnable heard) {
        this.name = name;
        this.opener = opener;
        this.node = node;
        this.heard = heard;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hub-store-notifications");
            t.setDaemon(true);
            return t;
        });
        thread.execute(this::listen);
    }

    private void listen() {
        try (Connection c = opener.open(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("LISTEN " + CHANNEL);
            if (failing) {
                failing = false;
                LOG.info("{}: hearing other hub nodes' live updates again", name);
            }
            PGConnection pg = c.unwrap(PGConnection.class);
            while (!closed) {
                PGNotification[] got = pg.getNotifications(WAIT_MS);
                if (got != null && fromAnotherNode(got)) {
                    heard.run();
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (closed) {
                return;
            }
            if (!failing) {
                failing = true;
                LOG.warn("{}: cannot hear other hub nodes' live updates ({}); live streams fall back to polling, trying again every {} s",
                        name, e.getMessage() == null ? e : e.getMessage().lines().findFirst().orElse(""), RETRY_SECONDS);
            }
            thread.schedule(this::listen, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    private boolean fromAnotherNode(PGNotification[] notifications) {
        for (PGNotification n : notifications) {
            if (!node.equals(n.getParameter())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
    }
}
