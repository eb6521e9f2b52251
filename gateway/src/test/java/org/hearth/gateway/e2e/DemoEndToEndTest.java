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
 * {@code hearth demo} end to end, through the hub: the gateway (Pi4J mock sensors, SQLite, DTLS)
 * dials a real {@code hearth-hub run} process through a NAT process that rebinds its port between
 * the alerts, and the carer is the hub's web app in Debian's headless Chromium, a process of its
 * own, enrolled with the invite code {@code hearth-hub invite} printed. Every urgent alert is
 * answered "On my way" in the browser, and the gateway's store, the hub's store and the timeline
 * all show it.
 */
@Tag("large")
class DemoEndToEndTest {

    private static final String PHONE = "carer    Priya's phone (web app, Chromium): ";

    @TempDir
    Path work;

    @Test
    void the_demo_goes_through_the_hub_and_the_web_app_acknowledges_every_alert() throws Exception {
        String hub = String.join(" ", JavaProcess.command("org.hearth.hub.HubMain"));
        String parts = String.join(" ", JavaProcess.command("org.hearth.demo.DemoMain"));
        try (JavaProcess demo = JavaProcess.start(work, "org.hearth.gateway.app.Hearth", "demo", "--keep",
                "--hub-command", hub, "--demo-command", parts)) {
            int exit = demo.awaitExit(Duration.ofMinutes(4));
            List<String> out = demo.lines();

            assertThat(exit).as(demo.output()).isZero();
            assertThat(out.get(out.size() - 1)).isEqualTo("demo: raised=3 delivered=3 acknowledged=3 lost=0 via=hub");
            assertThat(out).anyMatch(l -> l.contains("hub      hearth-hub homes add: home \"Flat 12 (demo)\""));
            assertThat(out).anyMatch(l -> l.contains(PHONE + "READY enrolled with the invite code as \"Priya's phone\""));
            assertThat(out).anyMatch(l -> l.contains(PHONE + "ALERT Urgent: Help asked for in the bathroom"));
            assertThat(out).filteredOn(l -> l.contains(PHONE + "ACKNOWLEDGED ")).hasSize(3);
            assertThat(out).filteredOn(l -> l.contains(PHONE + "CONFIRMED ")).hasSize(3);
            assertThat(out).filteredOn(l -> l.contains("alert    ACKNOWLEDGED") && l.contains("Acknowledged by Priya: on my way"))
                    .hasSize(3);
            assertThat(out).anyMatch(l -> l.contains("RESOLVED fall (bedroom): Cancelled by the resident (cancel button)"));
            assertThat(out).as("the unanswered fall is the pendant's, an emulated Thingy:52 read by the real driver and fall detector")
                    .anyMatch(l -> l.contains("sensor   Margaret falls in the hall: her pendant (pendant) streams it at 50 Hz"))
                    .anyMatch(l -> l.contains(PHONE + "ALERT Urgent: A fall: A fall was detected on Margaret's worn sensor at 08:35 (impact "))
                    .noneMatch(l -> l.contains("fall radar triggered in the hall"));
            assertThat(out).noneMatch(l -> l.contains("FAILED"));
            assertThat(out).as("the living-room radar, a frame emulator read by the real driver, sees her sitting still")
                    .anyMatch(l -> l.contains("sensor   radar: someone keeping still in the living room"));
            int firstRebinding = indexOf(out, "router   the gateway's outside port changed");
            assertThat(out).filteredOn(l -> l.contains("router   the gateway's outside port changed")).hasSize(3);
            assertThat(out.subList(firstRebinding, out.size())).as("acknowledgements came down after a NAT rebinding")
                    .anyMatch(l -> l.contains("alert    ACKNOWLEDGED"));

            String folder = out.stream().filter(l -> l.contains("Data folder: ")).findFirst().orElseThrow();
            Path data = Path.of(folder.substring(folder.indexOf("Data folder: ") + 13, folder.length() - 1));
            assertGatewayStoreHoldsTheMorning(data.resolve("hearth.db"));
            assertHubStoreHoldsIt(data.resolve("hub").resolve("hub.db"));
        }
        assertThat(Files.list(work)).as("nothing written to the working directory, no Californium3.properties").isEmpty();
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + part + " in " + lines);
    }

    private static void assertGatewayStoreHoldsTheMorning(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertThat(query(c, "PRAGMA integrity_check")).containsExactly("ok");
            assertThat(query(c, "SELECT kind || ' ' || state FROM alerts ORDER BY created_at"))
                    .containsExactly("HELP ACKNOWLEDGED", "FALL RESOLVED", "HELP ACKNOWLEDGED", "FALL ACKNOWLEDGED");
            assertThat(query(c, "SELECT carer || ' ' || (delivered_at IS NOT NULL) FROM outbox ORDER BY seq"))
                    .containsExactly("Priya 1", "Priya 1", "Priya 1");
            // Raised first; then delivered, received on the phone and acknowledged once each, in any order: when the
            // router moves the gateway while the hub's receipt is on its way, the receipt comes with the
            // retransmission, and Priya may already have seen the alert the hub stored and answered it. The phone's
            // receipt (the web app's, through the hub; every queued entry is applied, below) finds the alert still
            // open, before or after her acknowledgement, so it is in every trail.
            for (String id : query(c, "SELECT id FROM alerts WHERE state = 'ACKNOWLEDGED'")) {
                List<String> trail = query(c, "SELECT event || ' ' || carer FROM audit WHERE alert_id = '" + id
                        + "' AND state <> 'PRE_ALARM' ORDER BY seq");
                assertThat(trail).first().isEqualTo("RAISED ");
                assertThat(trail.subList(1, trail.size())).containsExactlyInAnyOrder("DELIVERED Priya", "RECEIVED_ON_DEVICE Priya",
                        "ACKNOWLEDGED Priya");
            }
            // The script's ten GPIO steps; the pendant's samples are read, not stored as events.
            assertThat(query(c, "SELECT count(*) FROM events")).containsExactly("10");
        }
    }

    /**
     * The hub stored the three alerts, enrolled the phone, and queued for the gateway each alert's
     * receipt from the phone (it showed the alert live) and its acknowledgement, every one applied
     * and taken off.
     */
    private static void assertHubStoreHoldsIt(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertThat(query(c, "SELECT count(*) FROM alerts")).containsExactly("3");
            assertThat(query(c, "SELECT name FROM devices")).containsExactly("Priya's phone");
            assertThat(query(c, "SELECT kind || ' ' || (applied_ms IS NOT NULL) FROM down_queue ORDER BY seq"))
                    .containsExactlyInAnyOrder("delivered 1", "delivered 1", "delivered 1", "ack 1", "ack 1", "ack 1");
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
