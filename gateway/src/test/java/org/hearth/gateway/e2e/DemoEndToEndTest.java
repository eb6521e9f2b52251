package org.hearth.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hearth.gateway.testkit.JavaProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton end to end: {@code hearth demo} runs the gateway (Pi4J mock sensors,
 * SQLite, DTLS) and starts {@code hearth-carer} as a separate process; the pull cord's alert
 * reaches the carer, who acknowledges it; the store holds alert, outbox and audit rows.
 */
@Tag("large")
class DemoEndToEndTest {

    @TempDir
    Path work;

    @Test
    void the_demo_delivers_and_acknowledges_every_alert_and_the_store_proves_it() throws Exception {
        String carer = String.join(" ", JavaProcess.command("org.hearth.carer.CarerMain"));
        try (JavaProcess demo = JavaProcess.start(work, "org.hearth.gateway.app.Hearth", "demo", "--keep",
                "--carer-command", carer)) {
            int exit = demo.awaitExit(Duration.ofMinutes(3));
            List<String> out = demo.lines();

            assertThat(exit).as(demo.output()).isZero();
            assertThat(out.get(out.size() - 1)).isEqualTo("demo: raised=3 delivered=3 acknowledged=3 lost=0");
            assertThat(out).anyMatch(l -> l.contains("carer") && l.contains("ALERT urgent: help requested in the bathroom"));
            assertThat(out).filteredOn(l -> l.contains("ACKNOWLEDGED") && l.contains("the gateway knows you are on your way"))
                    .hasSize(3);
            assertThat(out).anyMatch(l -> l.contains("RESOLVED fall (bedroom): Cancelled by the resident (cancel button)"));

            String folder = out.stream().filter(l -> l.contains("Data folder: ")).findFirst().orElseThrow();
            Path db = Path.of(folder.substring(folder.indexOf("Data folder: ") + 13, folder.length() - 1)).resolve("hearth.db");
            assertStoreHoldsTheMorning(db);
        }
        assertThat(Files.list(work)).as("nothing written to the working directory, no Californium3.properties").isEmpty();
    }

    private static void assertStoreHoldsTheMorning(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertThat(query(c, "PRAGMA integrity_check")).containsExactly("ok");
            assertThat(query(c, "PRAGMA journal_mode")).containsExactly("wal");
            assertThat(query(c, "SELECT kind || ' ' || state FROM alerts ORDER BY created_at"))
                    .containsExactly("HELP ACKNOWLEDGED", "FALL RESOLVED", "HELP ACKNOWLEDGED", "FALL ACKNOWLEDGED");
            assertThat(query(c, "SELECT carer || ' ' || (delivered_at IS NOT NULL) FROM outbox ORDER BY seq"))
                    .containsExactly("Priya 1", "Priya 1", "Priya 1");
            for (String id : query(c, "SELECT id FROM alerts WHERE state = 'ACKNOWLEDGED'")) {
                assertThat(query(c, "SELECT state FROM audit WHERE alert_id = '" + id + "' AND state <> 'PRE_ALARM' ORDER BY seq"))
                        .containsExactly("RAISED", "DELIVERED", "ACKNOWLEDGED");
            }
            assertThat(query(c, "SELECT count(*) FROM events")).containsExactly("12");
        }
    }

    private static List<String> query(Connection c, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
