package org.hearth.hub.testkit;

import java.io.IOException;
import java.sql.SQLException;
import org.hearth.hub.bench.LocalPostgres;

/**
 * A real PostgreSQL server for tests: {@link LocalPostgres} (which {@code hearth-hub bench} uses
 * too) with fsync off, since the tests prove behaviour, not the disk.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = LocalPostgres.USER;

    private final LocalPostgres server;

    private PostgresServer(LocalPostgres server) {
        this.server = server;
    }

    /** Makes a cluster and starts it. */
    public static PostgresServer start() throws IOException, InterruptedException {
        return new PostgresServer(LocalPostgres.start(false));
    }

    /** Starts the server (again, after {@link #stop()}), and waits until it accepts connections. */
    public void startServer() throws IOException, InterruptedException {
        server.startServer();
    }

    /** Stops the server; its data stays for {@link #startServer()}. */
    public void stop() throws IOException, InterruptedException {
        server.stop();
    }

    public int port() {
        return server.port();
    }

    public String password() {
        return server.password();
    }

    /** A fresh database on this server; its JDBC URL. */
    public String createDatabase() throws SQLException {
        return server.createDatabase();
    }

    public String url(String database) {
        return server.url(database);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
    }
}
