package org.hearth.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.hub.testkit.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit on the real stores: the first write's commit is held open (its flush to disk made
 * slow on purpose) while others arrive; they must then share one transaction, each return only
 * after it is committed, and a failure spoil exactly the writes it should.
 */
@Tag("medium")
class GroupCommitTest {

    private static final int FOLLOWERS = 5;

    static PostgresServer server;

    @TempDir
    Path dir;

    private Transactions tx;
    private Opener opener;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        if (tx != null) {
            tx.close();
        }
    }

    /** The real store's connections, with their commits counted, and one commit held or failed on request. */
    private static final class Opener implements Transactions.Opener {
        final Transactions.Opener real;
        final AtomicInteger commitsStarted = new AtomicInteger();
        final AtomicInteger commitsEnded = new AtomicInteger();
        volatile int holdCommit = -1;
        volatile int failCommit = -1;
        final CountDownLatch release = new CountDownLatch(1);

        Opener(Transactions.Opener real) {
            this.real = real;
        }

        @Override
        public Connection open() throws SQLException {
            Connection c = real.open();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (p, m, args) -> {
                if (m.getName().equals("commit")) {
                    int n = commitsStarted.incrementAndGet();
                    if (n == holdCommit) {
                        release.await(30, TimeUnit.SECONDS);
                    }
                    if (n == failCommit) {
                        throw new SQLException("the disk is full (made to fail by the test)");
                    }
                }
                try {
                    return m.invoke(c, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                } finally {
                    if (m.getName().equals("commit")) {
                        commitsEnded.incrementAndGet();
                    }
                }
            });
        }
    }

    private Connection plain(String store) throws SQLException {
        return store.equals("sqlite") ? DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hub.db"))
                : DriverManager.getConnection(url, PostgresServer.USER, server.password());
    }

    private String url;

    private void open(String store) throws Exception {
        if (store.equals("sqlite")) {
            opener = new Opener(() -> DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hub.db")));
        } else {
            url = server.createDatabase();
            opener = new Opener(() -> DriverManager.getConnection(url, PostgresServer.USER, server.password()));
        }
        tx = new Transactions(store, opener);
        tx.write(c -> Sql.update(c, "CREATE TABLE t (n INTEGER PRIMARY KEY)"));
    }

    /** Inserts {@code n}; when it returns, a connection of another kind must already see it. */
    private Future<Integer> insert(String store, int n, int committedBefore) {
        return threads.submit(() -> {
            tx.write(c -> Sql.update(c, "INSERT INTO t (n) VALUES (?)", n));
            assertThat(opener.commitsEnded.get()).as("write %d returned after its commit", n).isGreaterThan(committedBefore);
            try (Connection c = plain(store)) {
                assertThat(Sql.query(c, "SELECT n FROM t WHERE n = ?", r -> r.getInt(1), n)).as("write %d durable when it returned", n)
                        .containsExactly(n);
            }
            return n;
        });
    }

    /** The first write's commit is held; {@code FOLLOWERS} more arrive meanwhile and wait (parked) for it. */
    private List<Future<Integer>> holdFirstCommitWhileOthersArrive(String store, int first) throws Exception {
        int before = opener.commitsStarted.get();
        opener.holdCommit = before + 1;
        Future<Integer> lead = insert(store, first, opener.commitsEnded.get());
        await().atMost(Duration.ofSeconds(10)).until(() -> opener.commitsStarted.get() == before + 1);
        List<Future<Integer>> followers = new ArrayList<>();
        for (int i = 1; i <= FOLLOWERS; i++) {
            followers.add(insert(store, first + i, before + 1));
        }
        // Each follower waits for the held commit to end before its group can start.
        await().atMost(Duration.ofSeconds(10)).until(() -> tx.waitingWrites() == FOLLOWERS);
        opener.release.countDown();
        assertThat(lead.get(30, TimeUnit.SECONDS)).isEqualTo(first);
        return followers;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void writes_that_arrive_during_a_commit_share_the_next_one_and_each_returns_durable(String store) throws Exception {
        open(store);
        int before = opener.commitsStarted.get();
        List<Future<Integer>> followers = holdFirstCommitWhileOthersArrive(store, 100);
        for (Future<Integer> f : followers) {
            f.get(30, TimeUnit.SECONDS);
        }
        assertThat(opener.commitsStarted.get() - before).as("one commit for the first write, one for the five that waited").isEqualTo(2);

        // A lone write finds no commit in progress and commits at once, alone.
        tx.write(c -> Sql.update(c, "INSERT INTO t (n) VALUES (?)", 200));
        assertThat(opener.commitsStarted.get() - before).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void when_the_shared_commit_fails_every_write_in_it_fails_and_none_is_stored(String store) throws Exception {
        open(store);
        opener.failCommit = opener.commitsStarted.get() + 2;
        List<Future<Integer>> followers = holdFirstCommitWhileOthersArrive(store, 100);
        for (Future<Integer> f : followers) {
            assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class)
                    .hasMessageContaining("the disk is full");
        }
        try (Connection c = plain(store)) {
            assertThat(Sql.query(c, "SELECT n FROM t ORDER BY n", r -> r.getInt(1))).as("the first write alone").containsExactly(100);
        }
        // The store works again at once: each caller (a gateway) retries and is stored then.
        tx.write(c -> Sql.update(c, "INSERT INTO t (n) VALUES (?)", 101));
        try (Connection c = plain(store)) {
            assertThat(Sql.query(c, "SELECT n FROM t ORDER BY n", r -> r.getInt(1))).containsExactly(100, 101);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_write_that_fails_in_a_group_spoils_none_of_the_others(String store) throws Exception {
        open(store);
        tx.write(c -> Sql.update(c, "INSERT INTO t (n) VALUES (?)", 103));
        // The third follower (n = 103) breaks the primary key; the other four must be stored.
        List<Future<Integer>> followers = holdFirstCommitWhileOthersArrive(store, 100);
        List<Integer> stored = new ArrayList<>();
        for (Future<Integer> f : followers) {
            try {
                stored.add(f.get(30, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e).hasCauseInstanceOf(StoreException.class);
            }
        }
        assertThat(stored).containsExactlyInAnyOrder(101, 102, 104, 105);
        try (Connection c = plain(store)) {
            assertThat(Sql.query(c, "SELECT n FROM t ORDER BY n", r -> r.getInt(1))).containsExactly(100, 101, 102, 103, 104, 105);
        }
    }
}
