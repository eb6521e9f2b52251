package org.hearth.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hearth.gateway.domain.AlertState;
import org.hearth.gateway.domain.AuditEntry;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.GatewayStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code hearth status} says plainly when no carer can be reached, and nothing when all is well. */
@Tag("small")
class StatusCommandTest {

    private static final Instant AT = Instant.parse("2026-11-28T10:15:30Z");
    private static final UUID ID = UUID.fromString("5f1c2a9e-0000-4000-8000-000000000001");

    private static String printed(GatewayStatus status) {
        return printed(status, Set.of());
    }

    private static String printed(GatewayStatus status, Set<UUID> tests) {
        return printed(status, new StatusCommand.FromStore(tests, Map.of()));
    }

    private static String printed(GatewayStatus status, StatusCommand.FromStore known) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            StatusCommand.print(status, ZoneId.of("Europe/London"), known);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unreachable_carers_are_shown_with_since_when_and_that_messages_are_kept() {
        String text = printed(new GatewayStatus(1, "Flat 12", AT, List.of(), List.of(), 3, AT.minusSeconds(900)));
        assertThat(text).contains("Messages waiting to be sent to carers: 3")
                .contains("CARERS UNREACHABLE since 28 Nov 10:00: no carer's device answers. "
                        + "Messages are kept and sent as soon as one does.");
    }

    @Test
    void an_alert_names_its_kind_room_time_state_and_level() {
        GatewayStatus.OpenAlert fall = new GatewayStatus.OpenAlert(ID, AlertKind.FALL, "bedroom", AT, "RAISED", 1);
        assertThat(printed(status(fall))).contains("  5f1c2a9e  fall in the bedroom since 28 Nov 10:15, RAISED, level 1");
    }

    @Test
    void an_alert_with_no_room_says_no_empty_room() {
        GatewayStatus.OpenAlert help = new GatewayStatus.OpenAlert(ID, AlertKind.HELP, "", AT, "RAISED", 1);
        assertThat(printed(status(help))).contains("  5f1c2a9e  help since 28 Nov 10:15, RAISED, level 1")
                .doesNotContain("in the ");
    }

    @Test
    void a_test_alert_is_shown_as_a_test() {
        GatewayStatus.OpenAlert test = new GatewayStatus.OpenAlert(ID, AlertKind.HELP, "", AT, "DELIVERED", 2);
        assertThat(printed(status(test), Set.of(ID)))
                .contains("  5f1c2a9e  TEST alert (from hearth test-alert; no action needed) since 28 Nov 10:15, DELIVERED, level 2")
                .doesNotContain("in the ");
    }

    @Test
    void a_receipt_from_a_carers_device_is_shown_under_its_alert_with_its_time() {
        GatewayStatus.OpenAlert help = new GatewayStatus.OpenAlert(ID, AlertKind.HELP, "bathroom", AT, "DELIVERED", 1);
        AuditEntry receipt = new AuditEntry(ID, AT.plusSeconds(12 * 60), AlertState.DELIVERED,
                AuditEntry.Event.RECEIVED_ON_DEVICE, "Priya", "Received on Priya's phone");
        assertThat(printed(status(help), new StatusCommand.FromStore(Set.of(), Map.of(ID, List.of(receipt)))))
                .contains("help in the bathroom since 28 Nov 10:15, DELIVERED, level 1\n            Received on Priya's phone at 28 Nov 10:27");
    }

    @Test
    void the_next_level_of_an_unacknowledged_alerts_escalation_is_shown_with_its_time() {
        GatewayStatus.OpenAlert fall = new GatewayStatus.OpenAlert(ID, AlertKind.FALL, "hall", AT, "DELIVERED", 1);
        var next = new AuditEntry.NextLevel(AT.plusSeconds(10 * 60), 2, "Helpline");
        assertThat(printed(status(fall), new StatusCommand.FromStore(Set.of(), Map.of(), Map.of(ID, next))))
                .contains("DELIVERED, level 1\n            level 2 (Helpline) will be told at 28 Nov 10:25 unless someone acknowledges");
        assertThat(printed(status(fall))).doesNotContain("will be told");
    }

    private static GatewayStatus status(GatewayStatus.OpenAlert alert) {
        return new GatewayStatus(1, "Flat 12", AT, List.of(), List.of(alert), 0);
    }

    @Test
    void reachable_carers_need_no_line() {
        assertThat(printed(new GatewayStatus(1, "Flat 12", AT, List.of(), List.of(), 0))).doesNotContain("UNREACHABLE");
    }

    @Test
    void a_radar_says_what_it_sees_in_words_and_that_a_silent_module_may_be_out_of_date() {
        GatewayStatus.SensorStatus radar = new GatewayStatus.SensorStatus("radar-living", "living room", "mr24hpc1", "ONLINE",
                "working normally", AT);
        GatewayStatus.RadarPresence still = new GatewayStatus.RadarPresence("radar-living", GatewayStatus.Seen.STILL, AT);
        GatewayStatus status = new GatewayStatus(1, "Flat 12", AT, List.of(radar), List.of(), 0, null, List.of(still));
        assertThat(printed(status)).contains("sees: someone in the living room, keeping still (it sees them breathing), since 28 Nov 10:15");

        GatewayStatus.SensorStatus silent = new GatewayStatus.SensorStatus("radar-living", "living room", "mr24hpc1", "SUSPECT",
                "no readings for 2 min", AT);
        assertThat(StatusCommand.radarSees(silent, still, ZoneId.of("Europe/London")))
                .isEqualTo("the radar module has gone silent, so this may be out of date: someone in the living room, keeping still"
                        + " (it sees them breathing), since 28 Nov 10:15");
        assertThat(StatusCommand.radarSees(radar, new GatewayStatus.RadarPresence("radar-living", GatewayStatus.Seen.MOVING, AT),
                ZoneId.of("Europe/London"))).isEqualTo("someone moving in the living room, since 28 Nov 10:15");
        assertThat(StatusCommand.radarSees(radar, null, ZoneId.of("Europe/London"))).isEqualTo("nothing reported yet");
    }
}
