package org.hearth.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hearth.gateway.store.SqliteDatabase;
import org.hearth.gateway.store.SqliteReminderStore;
import org.hearth.gateway.testkit.JavaProcess;
import org.hearth.gateway.testkit.TestHome;
import org.hearth.voice.Reminder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subject-access request and an erasure request against a home that has really run: the
 * export holds the config without keys, the events, the alert with its audit trail, the
 * reminders and the learned routine; purge refuses while the daemon runs, says what it would erase, then erases it.
 */
@Tag("large")
class PrivacyOperationsTest {

    private static final String HEARTH = "org.hearth.gateway.app.Hearth";

    @TempDir
    Path dir;

    @Test
    void export_then_purge_a_home_that_has_run() throws Exception {
        TestHome home = new TestHome(dir);
        Files.writeString(home.config, Files.readString(home.config) + "voice: {enabled: false}\n");
        try (JavaProcess daemon = home.startDaemon()) {
            daemon.awaitLine(l -> l.contains("Hearth is ready"), Duration.ofSeconds(60));
            var press = TestHome.localClient(home.plainPort, "local/sim/cord-bathroom").setTimeout(5000L);
            try {
                assertThat(press.post(home.localToken(), 0).isSuccess()).isTrue();
            } finally {
                press.shutdown();
            }
            daemon.awaitLine(l -> l.contains("HELP RAISED"), Duration.ofSeconds(30));

            Run refused = run("purge", "--yes", "--config", home.config.toString());
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.output()).contains("Hearth is running. Stop it first");
            daemon.terminate();
            daemon.awaitExit(Duration.ofSeconds(30));
        }
        try (SqliteDatabase db = SqliteDatabase.open(home.database())) {
            new SqliteReminderStore(db).save(new Reminder(UUID.randomUUID(), "take your tablets",
                    Instant.parse("2026-12-05T18:00:00Z"), "en"));
        }

        Path export = dir.resolve("export.json");
        Run exported = run("export", "--out", export.toString(), "--config", home.config.toString());
        assertThat(exported.exit()).as(exported.output()).isZero();
        assertThat(exported.output()).contains("1 alerts with their history, 1 reminders");
        assertThat(Files.getPosixFilePermissions(export))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String text = Files.readString(export);
        assertThat(text).doesNotContain(TestHome.KEY).doesNotContain(TestHome.IDENTITY);
        JsonNode json = new ObjectMapper().readTree(text);
        assertThat(json.at("/config/home/label").asText()).isEqualTo("Flat 7");
        assertThat(json.at("/config/carers/0/name").asText()).isEqualTo("Priya");
        assertThat(json.get("events")).isNotEmpty();
        assertThat(json.at("/events/0/sensor").asText()).isEqualTo("cord-bathroom");
        assertThat(json.at("/alerts/0/alert/kind").asText()).isEqualTo("HELP");
        assertThat(json.at("/alerts/0/audit")).isNotEmpty();
        assertThat(json.at("/reminders/0/task").asText()).isEqualTo("take your tablets");
        assertThat(json.at("/learned_routine/watched_since").asText()).as("the pull cord began the learning").isNotEmpty();
        assertThat(json.has("whereabouts")).isTrue();

        Run dryRun = run("purge", "--config", home.config.toString());
        assertThat(dryRun.exit()).isEqualTo(2);
        assertThat(dryRun.output()).contains("This would erase:").contains("Nothing was erased");
        assertThat(home.database()).exists();

        Run purged = run("purge", "--yes", "--config", home.config.toString());
        assertThat(purged.exit()).as(purged.output()).isZero();
        assertThat(purged.output()).contains("Erased:").contains("1 alerts").contains("1 reminders")
                .contains("1 routine,").contains("whereabouts").contains("the carers' keys (1 carers)");
        assertThat(home.database()).doesNotExist();
        assertThat(dir.resolve("secrets.yaml")).doesNotExist();
        assertThat(home.database().resolveSibling(org.hearth.gateway.coap.LocalToken.FILE_NAME)).doesNotExist();
        assertThat(home.config).doesNotExist();
    }

    private record Run(int exit, String output) {
    }

    private Run run(String... args) throws Exception {
        try (JavaProcess p = JavaProcess.start(dir, HEARTH, args)) {
            int exit = p.awaitExit(Duration.ofSeconds(60));
            return new Run(exit, p.output());
        }
    }
}
