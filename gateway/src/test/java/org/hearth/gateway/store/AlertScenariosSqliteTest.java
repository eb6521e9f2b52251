package org.hearth.gateway.store;

import java.nio.file.Path;
import org.hearth.gateway.domain.AlertScenarios;
import org.hearth.gateway.domain.AlertStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** The same alert scenarios on a real SQLite file. */
@Tag("medium")
class AlertScenariosSqliteTest extends AlertScenarios {

    @TempDir
    Path dir;
    private SqliteDatabase db;

    @Override
    protected AlertStore newStore() {
        db = SqliteDatabase.open(dir.resolve("hearth.db"));
        return new SqliteAlertStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }
}
