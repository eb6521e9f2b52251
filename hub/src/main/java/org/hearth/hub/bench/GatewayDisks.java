package org.hearth.hub.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The simulated gateways' own alert stores: SQLite in WAL mode with {@code synchronous=FULL}, as the
 * gateway's, so every alert is one durable commit before it is sent. A real gateway has a disk of
 * its own; here gateways share a few files (gateway i writes file i mod n), one connection each, so
 * thousands of gateways do not need thousands of open databases. Commits to different files run in
 * parallel.
 */
final class GatewayDisks implements AutoCloseable {

    private final List<Connection> files = new ArrayList<>();

    GatewayDisks(Path dir, int count) throws SQLException {
        for (int i = 0; i < count; i++) {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("gateways-" + i + ".db"));
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("CREATE TABLE alert (id TEXT PRIMARY KEY, home TEXT NOT NULL, json TEXT NOT NULL)");
            }
            files.add(c);
        }
    }

    /** Stores the alert durably for gateway {@code gateway}; returns when the commit is on disk. */
    void commit(int gateway, String homeId, UUID id, String json) throws SQLException {
        Connection c = files.get(gateway % files.size());
        synchronized (c) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO alert (id, home, json) VALUES (?, ?, ?)")) {
                insert.setString(1, id.toString());
                insert.setString(2, homeId);
                insert.setString(3, json);
                insert.executeUpdate();
            }
        }
    }

    @Override
    public void close() throws SQLException {
        for (Connection c : files) {
            c.close();
        }
    }
}
