package org.hearth.hub.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

@Tag("medium")
class SqliteHubStoreTest extends HubStoreContract {

    @TempDir
    Path dir;

    @Override
    HubStore newStore() {
        return reopen();
    }

    @Override
    HubStore reopen() {
        return JdbcHubStore.sqlite(dir.resolve("data/hub.db"));
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/hub.db"));
    }
}
