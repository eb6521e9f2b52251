package org.hearth.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.hearth.carer.CarerEndpoint;
import org.hearth.gateway.testkit.JavaProcess;
import org.hearth.gateway.testkit.TestHome;
import org.hearth.protocol.Alert;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hearth run} killed with SIGKILL 20 times at random moments while pull cords are pulled
 * and alerts delivered, and restarted each time. Every alert the store holds reaches the carer,
 * in the order raised, and the carer shows each once; the database stays sound.
 */
@Tag("large")
class CrashLoopTest {

    private static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    void every_alert_raised_before_a_kill_reaches_the_carer_exactly_once_and_the_database_stays_sound() throws Exception {
        TestHome home = new TestHome(dir);
        Random random = new Random(20);
        AtomicBoolean pressing = new AtomicBoolean(true);
        AtomicInteger presses = new AtomicInteger();
        List<String> logs = new ArrayList<>();
        Thread presser = new Thread(() -> press(home, pressing, presses), "cord-presser");
        try (CarerEndpoint carer = home.startCarer()) {
            presser.start();
            for (int kill = 0; kill < KILLS; kill++) {
                try (JavaProcess daemon = home.startDaemon()) {
                    daemon.awaitLine(l -> l.contains("Hearth is ready"), Duration.ofSeconds(60));
                    Thread.sleep(200 + random.nextInt(1800));
                    daemon.kill();
                    logs.add(daemon.output());
                }
            }
            pressing.set(false);
            presser.join(10_000);

            try (JavaProcess daemon = home.startDaemon()) {
                daemon.awaitLine(l -> l.contains("Hearth is ready"), Duration.ofSeconds(60));
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while ((pending(home) > 0 || home.shown.size() < raised(home).size()) && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                }
                daemon.terminate();
                assertThat(daemon.awaitExit(Duration.ofSeconds(30))).isIn(0, 143);
                logs.add(daemon.output());
            }

            List<UUID> raised = raised(home);
            List<UUID> shown = home.shown.stream().map(Alert::id).toList();
            System.out.printf("crash loop: kills=%d presses=%d raised=%d shown=%d duplicates ignored by the carer=%d%n",
                    KILLS, presses.get(), raised.size(), shown.size(), carer.duplicatesIgnored());
            assertThat(raised).as("alerts were raised throughout").hasSizeGreaterThan(2 * KILLS);
            assertThat(shown).as("each alert shown once").doesNotHaveDuplicates();
            assertThat(shown).as("every raised alert reached the carer, in the order raised; the last daemon said:%n%s",
                    logs.get(logs.size() - 1)).containsExactlyElementsOf(raised);
            assertThat(pending(home)).isZero();
            assertThat(query(home, "PRAGMA integrity_check")).containsExactly("ok");
        } finally {
            pressing.set(false);
        }
        assertThat(String.join("\n", logs)).doesNotContain(TestHome.KEY).doesNotContainIgnoringCase(TestHome.KEY.toUpperCase());
    }

    /** Pulls the cords in turn, every 100 ms, whether or not the daemon is up at that moment. */
    private static void press(TestHome home, AtomicBoolean pressing, AtomicInteger presses) {
        CoapClient client = TestHome.localClient(home.plainPort, "status").setTimeout(1000L);
        try {
            for (int i = 0; pressing.get(); i++) {
                String cord = TestHome.CORDS.get(i % TestHome.CORDS.size());
                client.setURI("coap://127.0.0.1:" + home.plainPort + "/local/sim/" + cord);
                try {
                    CoapResponse r = client.post(home.localToken(), MediaTypeRegistry.TEXT_PLAIN);
                    if (r != null && r.isSuccess()) {
                        presses.incrementAndGet();
                    }
                } catch (Exception e) {
                    // the daemon is down between a kill and its restart
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            client.shutdown();
        }
    }

    private static List<UUID> raised(TestHome home) throws Exception {
        return query(home, "SELECT id FROM alerts ORDER BY created_at, rowid").stream().map(UUID::fromString).toList();
    }

    private static long pending(TestHome home) throws Exception {
        return Long.parseLong(query(home, "SELECT count(*) FROM outbox WHERE delivered_at IS NULL").get(0));
    }

    static List<String> query(TestHome home, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.database());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}
